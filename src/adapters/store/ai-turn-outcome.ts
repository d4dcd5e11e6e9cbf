/**
 * The AI turn's outcome in one statement, so it commits whole or not at all: the job is still this
 * process's (its row locked), the conversation is still the AI's and the job's message is still
 * the newest customer message (both re-checked on the locked conversation row); then the message,
 * its events and the state change are written and the job completes. Otherwise the draft is kept
 * as an event and the job completes all the same. A lost lease writes nothing.
 */
import { sql } from 'kysely';
import type { TurnOutcomeWrite, TurnWriteResult } from '../../core/ports/ai-turn-jobs.ts';
import type { NewEvent } from '../../core/ports/store.ts';
import { checkedEvent } from './checked-event.ts';
import type { Db } from './database.ts';
import { conversationFromJson, customerFromJson, messageFromJson, optional } from './json-rows.ts';
import { isUuid } from './row-values.ts';

interface Row {
  readonly owned: boolean;
  readonly conversation: unknown;
  readonly customer: unknown;
  readonly message: unknown;
  readonly state_now: string | null;
  readonly next_queued: boolean;
}

const eventsJson = (events: readonly NewEvent[]): string =>
  JSON.stringify(events.map((e) => ({ type: e.type, actor: e.actor, data: e.data ?? {} })));

const statement = (o: TurnOutcomeWrite) => {
  const send = o.send;
  const change = send?.change ?? {};
  const newState = change.state ?? null;
  const sendFlag = send !== null;
  return sql<Row>`
  WITH job AS (
    SELECT j.message_id, j.conversation_id FROM ai_jobs j
    WHERE j.message_id = ${o.messageId} AND j.state = 'running' AND j.lease_owner = ${o.owner}
    FOR UPDATE
  ), gate AS (
    UPDATE conversations c SET
      state = coalesce(${newState}::text, c.state),
      team_key = CASE WHEN ${newState}::text IS NULL THEN c.team_key ELSE ${change.teamKey ?? null}::text END,
      priority = CASE WHEN ${newState}::text IS NULL THEN c.priority ELSE coalesce(${change.priority ?? null}::integer, c.priority) END,
      queued_at = CASE WHEN ${newState}::text = 'queued' THEN now() ELSE c.queued_at END,
      category = coalesce(${change.category ?? null}::text, c.category),
      version = c.version + CASE WHEN ${newState}::text IS NULL THEN 0 ELSE 1 END,
      last_message_at = greatest(c.last_message_at, now()),
      updated_at = greatest(c.updated_at, now())
    FROM job
    WHERE ${sendFlag}::boolean
      AND c.id = job.conversation_id AND c.state = 'ai' AND c.last_customer_message_id = job.message_id
    RETURNING c.*
  ), msg AS (
    INSERT INTO messages (conversation_id, author, kind, body, citations, idempotency_key)
    SELECT gate.id, 'ai', ${send?.message.kind ?? 'message'}, ${send?.message.body ?? ''},
      ${JSON.stringify(send?.message.citations ?? [])}::jsonb, 'ai-turn:' || ${o.messageId}::text
    FROM gate
    ON CONFLICT (conversation_id, idempotency_key) DO NOTHING
    RETURNING *
  ), cur AS (
    SELECT c.id, c.workspace_id, c.state, c.last_customer_message_id
    FROM conversations c JOIN job ON c.id = job.conversation_id
  ), ev AS (
    INSERT INTO conversation_events (conversation_id, workspace_id, type, actor, data)
    SELECT r.conversation_id, r.workspace_id, r.type, r.actor, r.data FROM (
      SELECT cur.id AS conversation_id, cur.workspace_id, e.value->>'type' AS type,
        e.value->'actor' AS actor, e.value->'data' AS data, e.ord AS ord
      FROM cur, jsonb_array_elements(${eventsJson(o.facts)}::jsonb) WITH ORDINALITY AS e(value, ord)
      UNION ALL
      SELECT g.id, g.workspace_id, e.value->>'type', e.value->'actor', e.value->'data', 1000 + e.ord
      FROM gate g, jsonb_array_elements(${eventsJson(send ? [send.decision] : [])}::jsonb) WITH ORDINALITY AS e(value, ord)
      UNION ALL
      SELECT m.conversation_id, g.workspace_id, 'message_added', jsonb_build_object('kind', 'ai'),
        jsonb_build_object('messageId', m.id, 'author', m.author, 'authorId', m.author_id, 'kind', m.kind), 2000
      FROM msg m, gate g
      UNION ALL
      SELECT g.id, g.workspace_id, e.value->>'type', e.value->'actor', e.value->'data', 3000 + e.ord
      FROM gate g, jsonb_array_elements(${eventsJson(send?.changeEvent ? [send.changeEvent] : [])}::jsonb) WITH ORDINALITY AS e(value, ord)
      UNION ALL
      SELECT cur.id, cur.workspace_id, ${o.instead.type}::text, jsonb_build_object('kind', 'ai'),
        ${JSON.stringify(o.instead.data)}::jsonb || jsonb_build_object('reason',
          CASE WHEN cur.state <> 'ai' THEN 'conversation_taken' ELSE 'superseded' END),
        4000
      FROM cur
      WHERE NOT EXISTS (SELECT 1 FROM gate)
    ) r
    ORDER BY r.ord
    RETURNING 1
  ), done AS (
    UPDATE ai_jobs j SET state = 'done', finished_at = now(), lease_until = NULL
    FROM job
    WHERE j.message_id = job.message_id
    RETURNING 1
  )
  SELECT
    EXISTS (SELECT 1 FROM done) AS owned,
    (SELECT to_jsonb(g) FROM gate g) AS conversation,
    (SELECT to_jsonb(cu) FROM gate g JOIN customers cu ON cu.id = g.customer_id) AS customer,
    (SELECT to_jsonb(m) FROM msg m) AS message,
    (SELECT cur.state FROM cur) AS state_now,
    EXISTS (
      SELECT 1 FROM ai_jobs n JOIN job ON n.conversation_id = job.conversation_id
      WHERE n.state = 'queued' AND n.message_id <> job.message_id
    ) AS next_queued,
    (SELECT count(*) FROM ev) AS events
`;
};

/**
 * Checks every event the statement may write before sending it. The reason of the unsent draft is
 * decided in SQL; both reasons fit the schema, so it is checked with one of them.
 */
const checkEvents = (o: TurnOutcomeWrite): void => {
  for (const event of o.facts) checkedEvent(event);
  if (o.send) {
    checkedEvent(o.send.decision);
    if (o.send.changeEvent) checkedEvent(o.send.changeEvent);
  }
  checkedEvent({
    type: o.instead.type,
    actor: { kind: 'ai' },
    data: { ...o.instead.data, reason: 'superseded' },
  });
};

export const completeTurn = async (db: Db, outcome: TurnOutcomeWrite): Promise<TurnWriteResult> => {
  if (!isUuid(outcome.messageId)) return { kind: 'lease_lost' };
  checkEvents(outcome);
  const { rows } = await statement(outcome).execute(db);
  const row = rows[0];
  if (!row?.owned) return { kind: 'lease_lost' };
  const conversation = optional(row.conversation, conversationFromJson);
  const message = optional(row.message, messageFromJson);
  if (conversation && message) {
    return {
      kind: 'sent',
      conversation,
      customer: customerFromJson(row.customer),
      message,
      nextTurnQueued: row.next_queued,
    };
  }
  return {
    kind: 'kept',
    reason: row.state_now === 'ai' ? 'superseded' : 'conversation_taken',
    nextTurnQueued: row.next_queued,
  };
};
