/**
 * People (issue 10): deactivated accounts stay (their name is on past conversations) but cannot sign
 * in; invitations and password resets are one-time links kept as the hash of their token.
 */
import { type QueryExecutorProvider, sql } from 'kysely';

export const name = '0011-people';

const statements = [
  sql`ALTER TABLE agents ADD COLUMN deactivated_at timestamptz`,
  sql`CREATE TABLE people_links (
    token_hash text PRIMARY KEY,
    workspace_id uuid NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    kind text NOT NULL CHECK (kind IN ('invitation', 'password_reset')),
    email text NOT NULL,
    name text NOT NULL,
    role text NOT NULL CHECK (role IN ('agent', 'specialist', 'qa', 'ops', 'admin')),
    team_keys text[] NOT NULL DEFAULT '{}',
    capacity integer NOT NULL DEFAULT 3 CHECK (capacity >= 0),
    agent_id uuid REFERENCES agents (id) ON DELETE CASCADE,
    created_by uuid REFERENCES agents (id) ON DELETE SET NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    expires_at timestamptz NOT NULL,
    used_at timestamptz
  )`,
  sql`CREATE INDEX people_links_workspace ON people_links (workspace_id, created_at)`,
];

export const up = async (db: QueryExecutorProvider): Promise<void> => {
  for (const statement of statements) {
    await statement.execute(db);
  }
};
