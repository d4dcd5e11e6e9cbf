/**
 * What the benchmarks over a large database share: their options, a throw-away PostgreSQL database
 * with the store and a bare pool beside it (for bulk loading in SQL), a workspace, and the median
 * time of a read.
 */
import { parseArgs } from 'node:util';
import pg from 'pg';
import { openStore } from '../../src/adapters/store/open-store.ts';
import { createTestDatabase } from '../../src/adapters/store/testing.ts';
import type { Workspace } from '../../src/core/model.ts';
import type { Store } from '../../src/core/ports/store.ts';

export interface VolumeOptions {
  /** `--conversations N`: how many to generate. */
  readonly conversations: number;
  /** `--runs R`: timings per read, of which the median is reported. */
  readonly runs: number;
  /** `--json`: the result as one line. */
  readonly json: boolean;
}

export const volumeOptions = (defaultConversations: number): VolumeOptions => {
  const { values } = parseArgs({
    options: {
      conversations: { type: 'string', default: String(defaultConversations) },
      runs: { type: 'string', default: '5' },
      json: { type: 'boolean', default: false },
    },
  });
  return { conversations: Number(values.conversations), runs: Number(values.runs), json: values.json };
};

/** Calls `load` with each span of at most `size` numbers of 1…total, one after another. */
export const inChunks = async (
  total: number,
  size: number,
  load: (first: number, last: number) => Promise<void>,
): Promise<void> => {
  for (let first = 1; first <= total; first += size) await load(first, Math.min(first + size - 1, total));
};

/**
 * Customers numbered first…last, their ids derived from the number (md5 of `cust` and it) so the
 * rows a benchmark generates for them can name them the same way.
 */
export const insertCustomers = async (
  client: pg.PoolClient,
  workspaceId: string,
  first: number,
  last: number,
): Promise<void> => {
  await client.query(
    `INSERT INTO customers (id, workspace_id)
       SELECT md5('cust' || i)::uuid, $1 FROM generate_series($2::int, $3::int) i`,
    [workspaceId, first, last],
  );
};

export interface VolumeDatabase {
  readonly store: Store;
  readonly pool: pg.Pool;
  readonly workspace: Workspace;
}

/** Runs `work` against a fresh database (needs `scripts/with-postgres.sh`), dropped afterwards. */
export const withVolumeDatabase = async <T>(work: (db: VolumeDatabase) => Promise<T>): Promise<T> => {
  const database = await createTestDatabase();
  const store = await openStore({ databaseUrl: database.url, poolSize: 4 });
  const pool = new pg.Pool({ connectionString: database.url, max: 2 });
  try {
    const workspace = await store.workspaces.create({ slug: 'bench', name: 'Bench' });
    return await work({ store, pool, workspace });
  } finally {
    await pool.end();
    await store.close();
    await database.drop();
  }
};

/** The median of `runs` timings of `work`, in milliseconds to a tenth. */
export const medianMs = async (runs: number, work: () => Promise<unknown>): Promise<number> => {
  const times: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    const started = performance.now();
    await work();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return Math.round((times[Math.floor(times.length / 2)] ?? 0) * 10) / 10;
};
