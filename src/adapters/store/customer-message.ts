/**
 * A customer's message in one statement (SPEC §3 step 1): the ownership check, the message, its
 * event, the conversation's timestamps, reopening a resolved conversation, and the AI turn's job —
 * leased to the asking process at once when it has room and nothing of the conversation is ahead,
 * so the turn starts without a claim's round trip.
 * One statement is one atomic round trip: the message is acknowledged only once all of it is stored.
 */
import { sql } from 'kysely';
import type { Message } from '../../core/model.ts';
import type { ClaimedTurn } from '../../core/ports/ai-turn-jobs.ts';
import type { CustomerMessageResult, MessageRepository } from '../../core/ports/store.ts';
import type { Db } from './database.ts';
import { conversationFromJson, customerFromJson, messageFromJson, optional } from './json-rows.ts';
import { toMessage } from './mappers.ts';
import { isUuid } from './row-values.ts';
import { earlierConversationsSql, toClaimedTurn, transcriptSql } from './turn-context.ts';

interface Row {
  readonly before: unknown;
  readonly conversation: unknown;
  readonly inserted: unknown;
  readonly existing: unknown;
  readonly customer: unknown;
  readonly job_queued: boolean;
  readonly leased: boolean;
  readonly transcript: unknown;
  readonly earlier: unknown;
}

type Input = Parameters<MessageRepository['appendCustomerMessage']>[0];

// The conversation row is locked first, so the message serialises with agents' actions and the
// AI's outcome on the same conversation. FOR NO KEY UPDATE, not FOR UPDATE: writers still exclude
// each other, but the facts refresher's foreign-key check (KEY SHARE) on the conversation is not
// blocked — with FOR UPDATE, a refresher holding this conversation's stale mark and a writer
// whose event trigger waits for that mark would deadlock. A concurrent retry with the same
// idempotency key makes the insert do nothing (ON CONFLICT waits for the first to commit).
// The row is found by its primary key alone and its workspace checked after (a conversation of
// another workspace leaves `conv` empty, so nothing is written): with both in one WHERE, a plan
// made while the table's statistics were still empty (a new install, or until autovacuum's first
// ANALYZE) read the conversation through the workspace index, visiting every conversation of the
// workspace for each message.
const statement = (input: Input) => sql<Row>`
  WITH locked AS (
    SELECT c.* FROM conversations c WHERE c.id = ${input.conversationId}
    FOR NO KEY UPDATE
  ), conv AS (
    SELECT * FROM locked WHERE locked.workspace_id = ${input.workspaceId}
  ), existing AS (
    SELECT m.* FROM messages m
    WHERE ${input.idempotencyKey}::text IS NOT NULL
      AND m.conversation_id = ${input.conversationId} AND m.idempotency_key = ${input.idempotencyKey}
  ), ins AS (
    INSERT INTO messages (conversation_id, author, author_id, kind, body, citations, idempotency_key)
    SELECT conv.id, 'customer', ${input.customerId}, 'message', ${input.body}, '[]'::jsonb, ${input.idempotencyKey}
    FROM conv
    WHERE conv.customer_id = ${input.customerId} AND NOT EXISTS (SELECT 1 FROM existing)
    ON CONFLICT (conversation_id, idempotency_key) DO NOTHING
    RETURNING *
  ), upd AS (
    UPDATE conversations c SET
      last_message_at = greatest(c.last_message_at, ins.created_at),
      updated_at = greatest(c.updated_at, ins.created_at),
      last_customer_message_id = ins.id,
      state = CASE WHEN c.state = 'resolved' THEN 'ai' ELSE c.state END,
      resolution = CASE WHEN c.state = 'resolved' THEN NULL ELSE c.resolution END,
      assignee_id = CASE WHEN c.state = 'resolved' THEN NULL ELSE c.assignee_id END,
      version = c.version + CASE WHEN c.state = 'resolved' THEN 1 ELSE 0 END
    FROM ins
    WHERE c.id = ins.conversation_id
    RETURNING c.*
  ), ev AS (
    INSERT INTO conversation_events (conversation_id, workspace_id, type, actor, data)
    SELECT e.conversation_id, e.workspace_id, e.type, e.actor, e.data FROM (
      SELECT ins.conversation_id, conv.workspace_id, 'message_added' AS type,
        jsonb_build_object('kind', 'customer', 'id', ${input.customerId}::text) AS actor,
        jsonb_build_object('messageId', ins.id, 'author', ins.author, 'authorId', ins.author_id, 'kind', ins.kind) AS data,
        1 AS ord
      FROM ins, conv
      UNION ALL
      SELECT conv.id, conv.workspace_id, 'reopened',
        jsonb_build_object('kind', 'customer', 'id', ${input.customerId}::text),
        jsonb_build_object('by', 'customer_reply'),
        2
      FROM ins, conv
      WHERE conv.state = 'resolved'
    ) e
    ORDER BY e.ord
    RETURNING 1
  ), lease AS (
    -- Leased at once to the asking process when nothing of this conversation is ahead of it.
    SELECT ${input.lease?.owner ?? null}::text IS NOT NULL AND NOT EXISTS (
      SELECT 1 FROM ai_jobs o WHERE o.conversation_id = ${input.conversationId} AND o.state IN ('queued', 'running')
    ) AS now
  ), job AS (
    INSERT INTO ai_jobs (message_id, conversation_id, workspace_id, state, attempts, lease_owner, lease_until)
    SELECT ins.id, ins.conversation_id, conv.workspace_id,
      CASE WHEN lease.now THEN 'running' ELSE 'queued' END,
      CASE WHEN lease.now THEN 1 ELSE 0 END,
      CASE WHEN lease.now THEN ${input.lease?.owner ?? null}::text END,
      CASE WHEN lease.now THEN now() + ${input.lease?.leaseMs ?? 0}::integer * interval '1 millisecond' END
    FROM ins, conv, lease
    WHERE conv.state IN ('ai', 'resolved')
    ON CONFLICT (message_id) DO NOTHING
    RETURNING state
  )
  SELECT
    to_jsonb(conv) AS before,
    (SELECT to_jsonb(u) FROM upd u) AS conversation,
    (SELECT to_jsonb(i) FROM ins i) AS inserted,
    (SELECT to_jsonb(x) FROM existing x) AS existing,
    (SELECT to_jsonb(cu) FROM customers cu WHERE cu.id = conv.customer_id) AS customer,
    EXISTS (SELECT 1 FROM job) AS job_queued,
    EXISTS (SELECT 1 FROM job WHERE job.state = 'running') AS leased,
    -- The statement does not see its own message: the transcript so far (it is appended after).
    CASE WHEN EXISTS (SELECT 1 FROM job WHERE job.state = 'running')
      THEN ${transcriptSql(sql.ref('conv.id'), null)} END AS transcript,
    CASE WHEN EXISTS (SELECT 1 FROM job WHERE job.state = 'running')
      THEN ${earlierConversationsSql(sql.ref('conv.customer_id'), sql.ref('conv.id'))} END AS earlier,
    (SELECT count(*) FROM ev) AS events
  FROM (SELECT 1) AS one
  LEFT JOIN conv ON true
`;

/** The turn leased with the message: what a claim would have read, with the message appended. */
const leasedTurn = (row: Row, message: Message): ClaimedTurn | null => {
  if (!row.leased) return null;
  const turn = toClaimedTurn({
    message_id: message.id,
    attempts: 1,
    conversation: row.conversation,
    customer: row.customer,
    transcript: row.transcript,
    earlier: row.earlier,
    current: true,
  });
  return turn && { ...turn, transcript: [...turn.transcript, { author: 'customer', body: message.body }] };
};

const byKey = (db: Db, conversationId: string, key: string) =>
  db
    .selectFrom('messages')
    .selectAll()
    .where('conversation_id', '=', conversationId)
    .where('idempotency_key', '=', key)
    .executeTakeFirst();

export const appendCustomerMessage = async (db: Db, input: Input): Promise<CustomerMessageResult> => {
  if (!isUuid(input.conversationId)) return { kind: 'not_found' };
  const { rows } = await statement(input).execute(db);
  const row = rows[0];
  const before = optional(row?.before, conversationFromJson);
  if (!row || !before) return { kind: 'not_found' };
  if (before.customerId !== input.customerId) return { kind: 'not_yours' };
  const customer = customerFromJson(row.customer);
  const inserted = optional(row.inserted, messageFromJson);
  if (inserted) {
    return {
      kind: 'stored',
      message: inserted,
      created: true,
      conversation: conversationFromJson(row.conversation),
      customer,
      reopened: before.state === 'resolved',
      turnQueued: row.job_queued,
      turn: leasedTurn(row, inserted),
    };
  }
  // A retried send: the first message, found in this statement or (when the first committed while
  // this one ran) read again now.
  let first = optional(row.existing, messageFromJson);
  if (!first && input.idempotencyKey !== null) {
    const again = await byKey(db, input.conversationId, input.idempotencyKey);
    first = again ? toMessage(again) : null;
  }
  if (!first) throw new Error('a customer message neither stored a row nor met an earlier one');
  return {
    kind: 'stored',
    message: first,
    created: false,
    conversation: before,
    customer,
    reopened: false,
    turnQueued: false,
    turn: null,
  };
};
