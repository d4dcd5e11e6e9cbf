/** Canned replies (the inbox's saved replies): one team's, with a title unique within the team. */
import { type QueryExecutorProvider, sql } from 'kysely';

export const name = '0051-canned-replies';

export const up = async (db: QueryExecutorProvider): Promise<void> => {
  await sql`CREATE TABLE canned_replies (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    workspace_id uuid NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    team_key text NOT NULL,
    title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    body text NOT NULL CHECK (length(body) BETWEEN 1 AND 10000),
    author_id uuid REFERENCES agents (id) ON DELETE SET NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    UNIQUE (workspace_id, team_key, title)
  )`.execute(db);
};
