/**
 * Conversation tags (src/core/tags): a workspace's tag names, and which conversations carry which.
 * A tag name exists once per workspace, so filtering by a tag and counting its conversations read
 * one index; colour is optional and checked here as #rrggbb.
 */
import { type QueryExecutorProvider, sql } from 'kysely';

export const name = '0073-conversation-tags';

export const up = async (db: QueryExecutorProvider): Promise<void> => {
  await sql`CREATE TABLE workspace_tags (
    workspace_id uuid NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    name text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 32),
    colour text CHECK (colour ~ '^#[0-9a-f]{6}$'),
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (workspace_id, name)
  )`.execute(db);
  await sql`CREATE TABLE conversation_tags (
    conversation_id uuid NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
    workspace_id uuid NOT NULL,
    name text NOT NULL,
    added_by uuid REFERENCES agents (id) ON DELETE SET NULL,
    added_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (conversation_id, name),
    FOREIGN KEY (workspace_id, name) REFERENCES workspace_tags (workspace_id, name) ON DELETE CASCADE
  )`.execute(db);
  // The inbox's ?tag= filter and the per-tag counts read the links by tag.
  await sql`CREATE INDEX conversation_tags_by_tag ON conversation_tags (workspace_id, name)`.execute(db);
};
