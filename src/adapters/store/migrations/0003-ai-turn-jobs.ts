/**
 * AI turns as jobs in PostgreSQL (SPEC §11: AI work runs as retried jobs), and the columns that make
 * changes to a conversation compare-and-set: a version bumped by every state change, the customer
 * message the AI must answer, and when the conversation joined its team's queue.
 */
import { type QueryExecutorProvider, sql } from 'kysely';

export const name = '0003-ai-turn-jobs';

const statements = [
  sql`ALTER TABLE conversations ADD COLUMN version integer NOT NULL DEFAULT 1`,
  sql`ALTER TABLE conversations ADD COLUMN queued_at timestamptz`,
  sql`ALTER TABLE conversations ADD COLUMN last_customer_message_id uuid`,
  sql`UPDATE conversations SET queued_at = updated_at WHERE state = 'queued'`,
  sql`UPDATE conversations c SET last_customer_message_id = (
    SELECT m.id FROM messages m
    WHERE m.conversation_id = c.id AND m.author = 'customer'
    ORDER BY m.seq DESC LIMIT 1
  )`,
  // The queue order agents and automatic assignment follow: highest priority, then longest waiting.
  sql`CREATE INDEX conversations_team_queue ON conversations (workspace_id, team_key, priority DESC, queued_at, id)
    WHERE state = 'queued'`,
  // One job per customer message (its id is the key: a second enqueue does nothing). A job is
  // queued until run_after, running while its lease holds, then done, or failed after its retries.
  sql`CREATE TABLE ai_jobs (
    message_id uuid PRIMARY KEY REFERENCES messages (id) ON DELETE CASCADE,
    seq bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
    conversation_id uuid NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
    workspace_id uuid NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    state text NOT NULL DEFAULT 'queued' CHECK (state IN ('queued', 'running', 'done', 'failed')),
    attempts integer NOT NULL DEFAULT 0,
    run_after timestamptz NOT NULL DEFAULT now(),
    lease_owner text,
    lease_until timestamptz,
    last_error text,
    created_at timestamptz NOT NULL DEFAULT now(),
    finished_at timestamptz
  )`,
  sql`CREATE INDEX ai_jobs_open ON ai_jobs (workspace_id, seq) WHERE state IN ('queued', 'running')`,
  sql`CREATE INDEX ai_jobs_open_conversation ON ai_jobs (conversation_id, seq) WHERE state IN ('queued', 'running')`,
  // Turns a crash interrupted before jobs existed (the old start-up scan's work) become jobs once.
  sql`INSERT INTO ai_jobs (message_id, conversation_id, workspace_id)
    SELECT c.last_customer_message_id, c.id, c.workspace_id
    FROM conversations c
    WHERE c.state = 'ai' AND c.last_customer_message_id IS NOT NULL
      AND NOT EXISTS (
        SELECT 1 FROM messages later, messages asked
        WHERE asked.id = c.last_customer_message_id
          AND later.conversation_id = c.id AND later.kind <> 'note' AND later.seq > asked.seq
      )`,
];

export const up = async (db: QueryExecutorProvider): Promise<void> => {
  for (const statement of statements) {
    await statement.execute(db);
  }
};
