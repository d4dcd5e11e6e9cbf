/**
 * API keys (issue 10, SPEC §11): only the SHA-256 of a key is kept. Each key acts through its own
 * account in `agents` (named after the key, never signed in, never assigned), so conversations it
 * picks up and notes it writes keep their foreign keys and read as the key's doing.
 */
import { type QueryExecutorProvider, sql } from 'kysely';

export const name = '0015-api-keys';

const statements = [
  sql`CREATE TABLE api_keys (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    workspace_id uuid NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    agent_id uuid NOT NULL UNIQUE REFERENCES agents (id) ON DELETE CASCADE,
    name text NOT NULL,
    prefix text NOT NULL,
    token_hash text NOT NULL UNIQUE,
    scopes text[] NOT NULL,
    created_by uuid REFERENCES agents (id) ON DELETE SET NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    last_used_at timestamptz,
    revoked_at timestamptz
  )`,
  sql`CREATE INDEX api_keys_workspace ON api_keys (workspace_id, created_at)`,
];

export const up = async (db: QueryExecutorProvider): Promise<void> => {
  for (const statement of statements) {
    await statement.execute(db);
  }
};
