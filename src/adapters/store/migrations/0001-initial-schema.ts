/** The first schema: workspaces, people, conversations with their messages and events, knowledge, policy. */
import { type QueryExecutorProvider, sql } from 'kysely';

export const name = '0001-initial-schema';

const statements = [
  sql`CREATE TABLE workspaces (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    slug text NOT NULL UNIQUE,
    name text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
  )`,
  sql`CREATE TABLE teams (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    workspace_id uuid NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    key text NOT NULL,
    name text NOT NULL,
    categories text[] NOT NULL DEFAULT '{}',
    business_hours jsonb,
    UNIQUE (workspace_id, key)
  )`,
  sql`CREATE TABLE agents (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    workspace_id uuid NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    email text NOT NULL,
    name text NOT NULL,
    role text NOT NULL CHECK (role IN ('agent', 'specialist', 'qa', 'ops', 'admin')),
    password_hash text NOT NULL,
    team_keys text[] NOT NULL DEFAULT '{}',
    status text NOT NULL DEFAULT 'away' CHECK (status IN ('available', 'away')),
    capacity integer NOT NULL DEFAULT 3 CHECK (capacity >= 0),
    last_assigned_at timestamptz,
    created_at timestamptz NOT NULL DEFAULT now()
  )`,
  // One account per address whatever its case: sign-in looks agents up by lower(email).
  sql`CREATE UNIQUE INDEX agents_workspace_email ON agents (workspace_id, lower(email))`,
  sql`CREATE TABLE agent_sessions (
    token_hash text PRIMARY KEY,
    agent_id uuid NOT NULL REFERENCES agents (id) ON DELETE CASCADE,
    created_at timestamptz NOT NULL,
    expires_at timestamptz NOT NULL
  )`,
  sql`CREATE INDEX agent_sessions_expires_at ON agent_sessions (expires_at)`,
  sql`CREATE INDEX agent_sessions_agent ON agent_sessions (agent_id)`,
  sql`CREATE TABLE customers (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    workspace_id uuid NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    external_id text,
    name text,
    email text,
    profile jsonb NOT NULL DEFAULT '{}',
    created_at timestamptz NOT NULL DEFAULT now(),
    UNIQUE (workspace_id, external_id)
  )`,
  sql`CREATE TABLE conversations (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    workspace_id uuid NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    customer_id uuid NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
    state text NOT NULL CHECK (state IN ('ai', 'queued', 'assigned', 'resolved')),
    team_key text,
    assignee_id uuid REFERENCES agents (id) ON DELETE SET NULL,
    category text,
    priority integer NOT NULL DEFAULT 0,
    resolution text CHECK (resolution IN ('ai', 'human', 'abandoned')),
    subject text,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    last_message_at timestamptz
  )`,
  sql`CREATE INDEX conversations_workspace_state ON conversations (workspace_id, state, priority DESC, created_at)`,
  sql`CREATE INDEX conversations_customer ON conversations (customer_id, created_at)`,
  sql`CREATE INDEX conversations_open_assignee ON conversations (assignee_id) WHERE state IN ('queued', 'assigned')`,
  sql`CREATE TABLE messages (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    seq bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
    conversation_id uuid NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
    author text NOT NULL CHECK (author IN ('customer', 'ai', 'agent', 'system')),
    author_id text,
    kind text NOT NULL CHECK (kind IN ('message', 'note', 'handoff')),
    body text NOT NULL,
    citations jsonb NOT NULL DEFAULT '[]',
    idempotency_key text,
    created_at timestamptz NOT NULL DEFAULT now(),
    UNIQUE (conversation_id, idempotency_key)
  )`,
  sql`CREATE INDEX messages_conversation ON messages (conversation_id, seq)`,
  // Append-only: nothing updates or deletes an event. seq gives a total order even within one instant.
  sql`CREATE TABLE conversation_events (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    seq bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
    conversation_id uuid NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
    workspace_id uuid NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    type text NOT NULL,
    actor jsonb NOT NULL,
    data jsonb NOT NULL DEFAULT '{}',
    at timestamptz NOT NULL DEFAULT now()
  )`,
  sql`CREATE INDEX conversation_events_conversation ON conversation_events (conversation_id, seq)`,
  sql`CREATE INDEX conversation_events_workspace_type_at ON conversation_events (workspace_id, type, at)`,
  sql`CREATE TABLE articles (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    workspace_id uuid NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    slug text NOT NULL,
    title text NOT NULL,
    category text,
    tags text[] NOT NULL DEFAULT '{}',
    body text NOT NULL,
    search_vector tsvector NOT NULL,
    updated_at timestamptz NOT NULL DEFAULT now(),
    UNIQUE (workspace_id, slug)
  )`,
  sql`CREATE INDEX articles_search ON articles USING gin (search_vector)`,
  sql`CREATE TABLE policy_versions (
    workspace_id uuid NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    version integer NOT NULL CHECK (version > 0),
    document jsonb NOT NULL,
    author text NOT NULL,
    note text,
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (workspace_id, version)
  )`,
];

export const up = async (db: QueryExecutorProvider): Promise<void> => {
  for (const statement of statements) {
    await statement.execute(db);
  }
};
