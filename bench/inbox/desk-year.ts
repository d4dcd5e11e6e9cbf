/** The inbox benchmarks' generated desk: a year of conversations, nearly all resolved. */
import type pg from 'pg';
import { inChunks, insertCustomers } from '../support/volume-database.ts';

export const TEAMS = ['orders', 'billing', 'accounts'];

/** One chunk: customers and their conversations over the last year, 1% still open. */
const insertChunk = async (client: pg.PoolClient, workspaceId: string, first: number, last: number) => {
  await insertCustomers(client, workspaceId, first, last);
  await client.query(
    `INSERT INTO conversations (id, workspace_id, customer_id, state, team_key, priority, created_at,
       last_message_at, queued_at, updated_at)
     SELECT md5('conv' || i)::uuid, $1, md5('cust' || i)::uuid, s, ($4::text[])[1 + i % 3],
       (i % 4), t, t + interval '5 minutes', CASE WHEN s = 'queued' THEN t END, t + interval '5 minutes'
     FROM (
       SELECT i, now() - random() * interval '365 days' AS t,
         CASE WHEN i % 100 = 0 THEN 'queued' WHEN i % 100 = 1 THEN 'ai' ELSE 'resolved' END AS s
       FROM generate_series($2::int, $3::int) i
     ) g`,
    [workspaceId, first, last, TEAMS],
  );
};

/** `conversations` of the desk into the workspace, 100,000 a statement, then ANALYZE. */
export const loadDeskYear = async (pool: pg.Pool, workspaceId: string, conversations: number) => {
  const client = await pool.connect();
  try {
    await inChunks(conversations, 100_000, (first, last) => insertChunk(client, workspaceId, first, last));
    await client.query('ANALYZE');
  } finally {
    client.release();
  }
};
