import { spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { migrations } from './migrations/index.ts';
import { openStore } from './open-store.ts';
import { createTestDatabase, testDatabaseUrl } from './testing.ts';

/** The pid of a process that has already exited. */
const deadPid = (): number => {
  const finished = spawnSync(process.execPath, ['-e', '']);
  if (finished.pid === undefined) throw new Error('could not start a child process');
  return finished.pid;
};

describe('openStore', () => {
  it('refuses to guess where the data should live', async () => {
    await expect(openStore({})).rejects.toThrow('databaseUrl, a dataDir or memory');
  });

  it('creates the embedded data folder, lets one process at a time open it, and keeps the data across restarts', async () => {
    const parent = await mkdtemp(join(tmpdir(), 'baton-store-'));
    const dataDir = join(parent, 'nested', 'data');
    try {
      const first = await openStore({ dataDir });
      const workspace = await first.workspaces.create({ slug: 'restart', name: 'Restart Ltd' });
      await expect(openStore({ dataDir })).rejects.toThrow(`already open in process ${process.pid}`);
      await first.close();
      // A lock left by a process that died is taken over.
      await writeFile(`${dataDir}.lock`, `${deadPid()}\n`);
      // A second open must find the schema already migrated (re-running CREATE TABLE would fail).
      const second = await openStore({ dataDir });
      try {
        expect(await second.workspaces.getBySlug('restart')).toEqual(workspace);
      } finally {
        await second.close();
      }
    } finally {
      await rm(parent, { recursive: true, force: true });
    }
  });

  describe.skipIf(testDatabaseUrl() === undefined)('on a PostgreSQL server', () => {
    it('migrates once when several Baton processes open one database at the same time', async () => {
      const database = await createTestDatabase();
      try {
        const stores = await Promise.all(
          [1, 2, 3].map(() => openStore({ databaseUrl: database.url, poolSize: 2 })),
        );
        await Promise.all(
          stores.map((store, n) => store.workspaces.create({ slug: `p${n}`, name: `Process ${n}` })),
        );
        await Promise.all(stores.map((store) => store.close()));
        const client = new pg.Client({ connectionString: database.url });
        await client.connect();
        try {
          const applied = await client.query('SELECT name FROM schema_migrations ORDER BY name');
          expect(applied.rows.map((row: { name: string }) => row.name)).toEqual(
            migrations.map((m) => m.name),
          );
        } finally {
          await client.end();
        }
      } finally {
        await database.drop();
      }
    });

    it('reports a server it cannot reach', async () => {
      await expect(openStore({ databaseUrl: 'postgres://nobody@127.0.0.1:1/none' })).rejects.toThrow();
    });
  });
});
