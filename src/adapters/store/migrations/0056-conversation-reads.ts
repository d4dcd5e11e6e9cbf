/**
 * What each person has read of each conversation (the inbox's unread markers): the last message
 * they have seen, by the messages' total order (seq), so two messages in one instant never blur.
 */
import { type QueryExecutorProvider, sql } from 'kysely';

export const name = '0056-conversation-reads';

export const up = async (db: QueryExecutorProvider): Promise<void> => {
  await sql`CREATE TABLE conversation_reads (
    agent_id uuid NOT NULL REFERENCES agents (id) ON DELETE CASCADE,
    conversation_id uuid NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
    read_seq bigint NOT NULL,
    read_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (agent_id, conversation_id)
  )`.execute(db);
  // Deleting a conversation cascades here; without this index it would scan every person's marks.
  await sql`CREATE INDEX conversation_reads_conversation ON conversation_reads (conversation_id)`.execute(db);
};
