/**
 * Databases and seed rows for the metrics contract: a migrated database of either kind (the
 * repository takes a Kysely handle, which the store port does not expose yet), and facts rows
 * whose conversations exist, since `conversation_facts` references them.
 */
import { randomUUID } from 'node:crypto';
import { PGlite } from '@electric-sql/pglite';
import { createPgConfig } from '@electric-sql/pglite/node-postgres';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { ConversationFacts } from '../../../core/metrics/index.ts';
import type { Database } from '../database.ts';
import { migrateToLatest } from '../migrate.ts';
import { createTestDatabase, type TestStoreKind } from '../testing.ts';

export interface MetricsTestDatabase {
  readonly db: Kysely<Database>;
  close(): Promise<void>;
}

/** A migrated, empty database: PGlite in memory, or a fresh database on the test server. */
export const openMetricsTestDatabase = async (kind: TestStoreKind): Promise<MetricsTestDatabase> => {
  if (kind === 'pglite') {
    const pglite = new PGlite();
    await pglite.waitReady;
    const pool = new pg.Pool({ ...createPgConfig(pglite), max: 1, idleTimeoutMillis: 0 });
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    await migrateToLatest(db);
    return { db, close: async () => db.destroy().then(() => pglite.close()) };
  }
  const database = await createTestDatabase();
  const pool = new pg.Pool({ connectionString: database.url, max: 3 });
  // The pool's `end()` resolves before its connections have closed, and dropping the database then
  // ends them from the server: without a listener that error reached the test run as uncaught.
  pool.on('error', () => {});
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  await migrateToLatest(db);
  return { db, close: async () => db.destroy().then(() => database.drop()) };
};

/**
 * A new workspace with a customer and a conversation row for each facts row; returns the rows with
 * their hand-written ids ("c1", "cus1", "agent1") replaced by the uuids the database holds.
 */
export const seedWorkspace = async (
  db: Kysely<Database>,
  facts: readonly ConversationFacts[],
): Promise<{ workspaceId: string; facts: ConversationFacts[] }> => {
  const uuids = new Map<string, string>();
  const uuidOf = (id: string): string => {
    const known = uuids.get(id) ?? randomUUID();
    uuids.set(id, known);
    return known;
  };
  const workspace = await db
    .insertInto('workspaces')
    .values({ slug: `metrics-${randomUUID()}`, name: 'Metrics' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const mapped = facts.map((row) => ({
    ...row,
    conversationId: uuidOf(row.conversationId),
    customerId: uuidOf(row.customerId),
    recontactOf: row.recontactOf === null ? null : uuidOf(row.recontactOf),
    resolvedByAgentId: row.resolvedByAgentId === null ? null : uuidOf(row.resolvedByAgentId),
  }));
  const customerIds = [...new Set(mapped.map((row) => row.customerId))];
  if (customerIds.length > 0) {
    await db
      .insertInto('customers')
      .values(customerIds.map((id) => ({ id, workspace_id: workspace.id })))
      .execute();
    await db
      .insertInto('conversations')
      .values(
        mapped.map((row) => ({
          id: row.conversationId,
          workspace_id: workspace.id,
          customer_id: row.customerId,
          state: 'ai',
        })),
      )
      .execute();
  }
  return { workspaceId: workspace.id, facts: mapped };
};
