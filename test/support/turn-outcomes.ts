/**
 * Reads, straight from the database, what became of every customer message: how often it is stored
 * (by idempotency key), whether it had an AI turn job, and how many AI outcomes it got — a sent
 * decision, a kept draft, or a skip because a newer message superseded it.
 */
import pg from 'pg';

export interface MessageFate {
  readonly messageId: string;
  readonly conversationId: string;
  readonly idempotencyKey: string | null;
  readonly copies: number;
  readonly jobState: string | null;
  readonly outcomes: number;
  readonly aiMessages: number;
}

export const customerMessageFates = async (databaseUrl: string): Promise<MessageFate[]> => {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{
      id: string;
      conversation_id: string;
      idempotency_key: string | null;
      copies: string;
      job_state: string | null;
      outcomes: string;
      ai_messages: string;
    }>(`
      SELECT m.id, m.conversation_id, m.idempotency_key,
        (SELECT count(*) FROM messages d WHERE d.conversation_id = m.conversation_id
          AND d.idempotency_key = m.idempotency_key) AS copies,
        (SELECT j.state FROM ai_jobs j WHERE j.message_id = m.id) AS job_state,
        (SELECT count(*) FROM conversation_events e WHERE e.conversation_id = m.conversation_id
          AND e.type IN ('decision_made', 'ai_draft_unsent', 'ai_turn_skipped')
          AND e.data->>'messageId' = m.id::text) AS outcomes,
        (SELECT count(*) FROM messages a WHERE a.conversation_id = m.conversation_id
          AND a.idempotency_key = 'ai-turn:' || m.id::text) AS ai_messages
      FROM messages m
      WHERE m.author = 'customer'
    `);
    return rows.map((r) => ({
      messageId: r.id,
      conversationId: r.conversation_id,
      idempotencyKey: r.idempotency_key,
      copies: Number(r.copies),
      jobState: r.job_state,
      outcomes: Number(r.outcomes),
      aiMessages: Number(r.ai_messages),
    }));
  } finally {
    await client.end();
  }
};

/** Jobs still queued or running (the work not yet finished). */
export const openTurnJobs = async (databaseUrl: string): Promise<number> => {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ open: string }>(
      `SELECT count(*) AS open FROM ai_jobs WHERE state IN ('queued', 'running')`,
    );
    return Number(rows[0]?.open ?? 0);
  } finally {
    await client.end();
  }
};

/** A conversation's event types in order, to explain a failed expectation. */
export const eventTrail = async (databaseUrl: string, conversationId: string): Promise<string> => {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ type: string; detail: string | null }>(
      `SELECT type, coalesce(data->>'action', data->>'reason', data->'trace'->>'failure') AS detail
       FROM conversation_events WHERE conversation_id = $1 ORDER BY seq`,
      [conversationId],
    );
    return rows.map((r) => (r.detail ? `${r.type}(${r.detail})` : r.type)).join(' → ');
  } finally {
    await client.end();
  }
};
