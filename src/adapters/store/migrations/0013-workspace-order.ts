/**
 * Workspaces in the order they were made, even when two were made within the clock's resolution
 * (PGlite's clock ticks in milliseconds): the install's default is its first workspace, so the
 * order must never depend on a random id. Existing rows are numbered as they are stored.
 */
import { type QueryExecutorProvider, sql } from 'kysely';

export const name = '0013-workspace-order';

export const up = async (db: QueryExecutorProvider): Promise<void> => {
  await sql`ALTER TABLE workspaces ADD COLUMN seq bigint GENERATED ALWAYS AS IDENTITY`.execute(db);
};
