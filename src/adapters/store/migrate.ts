/**
 * Brings a database up to the latest schema. Safe to run from several Baton processes at once:
 * a transaction-scoped advisory lock lets one migrate while the others wait and then find nothing to do.
 */
import { type Kysely, sql } from 'kysely';
import type { Database } from './database.ts';
import { migrations as allMigrations, type Migration } from './migrations/index.ts';

/** An arbitrary constant that names Baton's migration lock among other advisory locks on the server. */
const MIGRATION_LOCK_ID = 7_204_611_935;

/** Applies every migration not yet recorded in `schema_migrations`; returns the names it applied. */
export const migrateToLatest = async (
  db: Kysely<Database>,
  migrations: readonly Migration[] = allMigrations,
): Promise<string[]> =>
  db.transaction().execute(async (trx) => {
    await sql`SELECT pg_advisory_xact_lock(${MIGRATION_LOCK_ID})`.execute(trx);
    await sql`CREATE TABLE IF NOT EXISTS schema_migrations (
      name text PRIMARY KEY,
      applied_at timestamptz NOT NULL DEFAULT now()
    )`.execute(trx);
    const applied = await trx.selectFrom('schema_migrations').select('name').execute();
    const done = new Set(applied.map((row) => row.name));
    const ran: string[] = [];
    for (const migration of migrations) {
      if (done.has(migration.name)) continue;
      await migration.up(trx);
      await trx.insertInto('schema_migrations').values({ name: migration.name }).execute();
      ran.push(migration.name);
    }
    return ran;
  });
