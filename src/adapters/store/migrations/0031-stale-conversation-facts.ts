/**
 * Conversations whose counting facts are out of date. A trigger marks a conversation as soon as
 * one of its events is written — in the writer's own transaction, so every writer (the one-statement
 * message and AI-turn writes, agents' actions, imports, scripts) is covered and a rolled-back write
 * marks nothing. The facts refresher (src/app/conversation-facts.ts) takes marked conversations,
 * derives their facts again and deletes the marks in one transaction.
 */
import { type QueryExecutorProvider, sql } from 'kysely';

export const name = '0031-stale-conversation-facts';

const statements = [
  sql`CREATE TABLE conversation_facts_stale (
    conversation_id uuid PRIMARY KEY REFERENCES conversations (id) ON DELETE CASCADE,
    workspace_id uuid NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    marked_at timestamptz NOT NULL DEFAULT now()
  )`,
  sql`CREATE INDEX conversation_facts_stale_workspace ON conversation_facts_stale (workspace_id, marked_at)`,
  // DO NOTHING: a mark already there is enough, and touching it would make every event writer wait
  // for a refresher holding it.
  sql`CREATE OR REPLACE FUNCTION baton_mark_facts_stale() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      INSERT INTO conversation_facts_stale (conversation_id, workspace_id)
      VALUES (NEW.conversation_id, NEW.workspace_id)
      ON CONFLICT (conversation_id) DO NOTHING;
      RETURN NULL;
    END
  $$`,
  sql`CREATE TRIGGER conversation_events_mark_facts_stale AFTER INSERT ON conversation_events
    FOR EACH ROW EXECUTE FUNCTION baton_mark_facts_stale()`,
  // Conversations already recorded before this migration get their facts on the first refresh.
  sql`INSERT INTO conversation_facts_stale (conversation_id, workspace_id)
    SELECT DISTINCT conversation_id, workspace_id FROM conversation_events
    ON CONFLICT (conversation_id) DO NOTHING`,
];

export const up = async (db: QueryExecutorProvider): Promise<void> => {
  for (const statement of statements) {
    await statement.execute(db);
  }
};
