/**
 * AI turn jobs in PostgreSQL: a table leased with FOR UPDATE SKIP LOCKED, so several Baton
 * processes share the work without a coordinator. Claiming a job also reads the turn's context in
 * the same statement; completing it writes the outcome in the same statement (ai-turn-outcome.ts).
 */
import { sql } from 'kysely';
import type { AiTurnJobs, ClaimedTurn, ClaimRequest } from '../../core/ports/ai-turn-jobs.ts';
import { completeTurn } from './ai-turn-outcome.ts';
import type { Db } from './database.ts';
import { isForeignKeyViolation } from './database-errors.ts';
import { deleteFinishedRows, type FinishedRows } from './finished-rows.ts';
import { isUuid } from './row-values.ts';
import {
  earlierConversationsSql,
  type TurnContextRow,
  toClaimedTurn,
  transcriptSql,
} from './turn-context.ts';

interface ClaimRow extends TurnContextRow {
  readonly exhausted: string[] | null;
}

// Ready: queued and due, or running with an expired lease (its process died or stalled), and no
// earlier open job of the same conversation (turns run one at a time, in message order). Jobs
// whose lease expired on their last attempt are given up on in the same statement.
const claimStatement = (r: ClaimRequest) => sql<ClaimRow>`
  WITH exhausted AS (
    UPDATE ai_jobs SET state = 'failed', finished_at = now(), lease_until = NULL,
      last_error = coalesce(last_error, 'the lease expired on the last attempt')
    WHERE workspace_id = ${r.workspaceId} AND state = 'running' AND lease_until < now()
      AND attempts >= ${r.maxAttempts}::integer
    RETURNING message_id
  ), ready AS (
    SELECT j.message_id FROM ai_jobs j
    WHERE j.workspace_id = ${r.workspaceId}
      AND j.attempts < ${r.maxAttempts}::integer
      AND ((j.state = 'queued' AND j.run_after <= now()) OR (j.state = 'running' AND j.lease_until < now()))
      AND NOT EXISTS (
        SELECT 1 FROM ai_jobs o
        WHERE o.conversation_id = j.conversation_id AND o.state IN ('queued', 'running') AND o.seq < j.seq
      )
    ORDER BY j.seq
    LIMIT ${r.limit}::integer
    FOR UPDATE SKIP LOCKED
  ), claimed AS (
    UPDATE ai_jobs j SET state = 'running', attempts = j.attempts + 1, lease_owner = ${r.owner},
      lease_until = now() + ${r.leaseMs}::integer * interval '1 millisecond'
    FROM ready
    WHERE j.message_id = ready.message_id
    RETURNING j.message_id, j.conversation_id, j.attempts, j.seq
  ), turns AS (
    SELECT
      claimed.message_id, claimed.attempts, claimed.seq,
      to_jsonb(c) AS conversation,
      to_jsonb(cu) AS customer,
      (c.state = 'ai' AND c.last_customer_message_id = claimed.message_id) AS current,
      ${transcriptSql(sql.ref('c.id'), sql`(SELECT asked.seq FROM messages asked WHERE asked.id = claimed.message_id)`)} AS transcript,
      ${earlierConversationsSql(sql.ref('c.customer_id'), sql.ref('c.id'))} AS earlier
    FROM claimed
    JOIN conversations c ON c.id = claimed.conversation_id
    JOIN customers cu ON cu.id = c.customer_id
  )
  SELECT t.message_id, t.attempts, t.conversation, t.customer, t.transcript, t.earlier, t.current,
    (SELECT array_agg(x.message_id) FROM exhausted x) AS exhausted
  FROM (SELECT 1) AS one
  LEFT JOIN turns t ON true
  ORDER BY t.seq
`;

/** A job is finished once done or failed. */
const finishedJobs: FinishedRows = { table: 'ai_jobs', key: 'message_id', finished: ['done', 'failed'] };

export const aiTurnJobs = (db: Db): AiTurnJobs => ({
  async enqueue(job) {
    try {
      const row = await db
        .insertInto('ai_jobs')
        .values({
          message_id: job.messageId,
          conversation_id: job.conversationId,
          workspace_id: job.workspaceId,
        })
        .onConflict((conflict) => conflict.column('message_id').doNothing())
        .returning('message_id')
        .executeTakeFirst();
      return row !== undefined;
    } catch (error) {
      if (isForeignKeyViolation(error)) throw new Error(`no message ${job.messageId} to queue a turn for`);
      throw error;
    }
  },

  async claim(request) {
    const { rows } = await claimStatement(request).execute(db);
    const turns = rows.map(toClaimedTurn).filter((turn): turn is ClaimedTurn => turn !== null);
    return { turns, exhausted: rows[0]?.exhausted ?? [] };
  },

  async renewLease(messageId, owner, leaseMs) {
    if (!isUuid(messageId)) return false;
    const row = await db
      .updateTable('ai_jobs')
      .set({ lease_until: sql<Date>`now() + ${leaseMs}::integer * interval '1 millisecond'` })
      .where('message_id', '=', messageId)
      .where('state', '=', 'running')
      .where('lease_owner', '=', owner)
      .returning('message_id')
      .executeTakeFirst();
    return row !== undefined;
  },

  complete: (outcome) => completeTurn(db, outcome),

  async release({ messageId, owner, error, retryInMs, maxAttempts }) {
    if (!isUuid(messageId)) return 'lease_lost';
    const row = await db
      .updateTable('ai_jobs')
      .set({
        state: sql<string>`CASE WHEN attempts >= ${maxAttempts}::integer THEN 'failed' ELSE 'queued' END`,
        run_after: sql<Date>`now() + ${retryInMs}::integer * interval '1 millisecond'`,
        finished_at: sql<Date | null>`CASE WHEN attempts >= ${maxAttempts}::integer THEN now() END`,
        lease_owner: null,
        lease_until: null,
        last_error: error.slice(0, 2000),
      })
      .where('message_id', '=', messageId)
      .where('state', '=', 'running')
      .where('lease_owner', '=', owner)
      .returning('state')
      .executeTakeFirst();
    if (row === undefined) return 'lease_lost';
    return row.state === 'failed' ? 'failed' : 'queued';
  },

  pruneFinished: (workspaceId, before, limit) =>
    deleteFinishedRows(db, finishedJobs, workspaceId, before, limit),
});
