/** Versioned workspace settings (handoff templates, …): every save is a new version with its author and why. */
import { type QueryExecutorProvider, sql } from 'kysely';

export const name = '0002-workspace-settings';

const statements = [
  sql`CREATE TABLE workspace_settings (
    workspace_id uuid NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    key text NOT NULL CHECK (key <> ''),
    version integer NOT NULL CHECK (version > 0),
    value jsonb NOT NULL,
    author text NOT NULL,
    note text,
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (workspace_id, key, version)
  )`,
];

export const up = async (db: QueryExecutorProvider): Promise<void> => {
  for (const statement of statements) {
    await statement.execute(db);
  }
};
