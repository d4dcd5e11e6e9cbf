/**
 * Deleting a job table's finished rows past their retention, in bounded batches (AI turn jobs,
 * webhook deliveries). The conditions are stated again outside the batch: a row that changed after
 * it was picked (a failed delivery retried meanwhile) stays.
 */
import { sql } from 'kysely';
import type { Db } from './database.ts';

/** A job table with its key column, and the states its rows are finished in. */
export type FinishedRows = (
  | { readonly table: 'ai_jobs'; readonly key: 'message_id' }
  | { readonly table: 'webhook_deliveries'; readonly key: 'id' }
) & { readonly finished: readonly string[] };

/** Deletes up to `limit` of the workspace's rows finished before `finishedBefore`; returns how many went. */
export const deleteFinishedRows = async (
  db: Db,
  rows: FinishedRows,
  workspaceId: string,
  finishedBefore: Date,
  limit: number,
): Promise<number> => {
  const table = sql.table(rows.table);
  const key = sql.ref(rows.key);
  const states = sql.join(rows.finished.map((state) => sql`${state}::text`));
  const { rows: deleted } = await sql`
    DELETE FROM ${table}
    WHERE ${key} IN (
      SELECT ${key} FROM ${table}
      WHERE workspace_id = ${workspaceId} AND state IN (${states}) AND finished_at < ${finishedBefore}
      LIMIT ${limit}
    )
      AND state IN (${states}) AND finished_at < ${finishedBefore}
    RETURNING 1
  `.execute(db);
  return deleted.length;
};
