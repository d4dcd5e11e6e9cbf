/**
 * Outbound webhooks (issue 12, SPEC §12): endpoints a workspace registers, one delivery per
 * subscribed event per endpoint, and every attempt of each delivery. A trigger on the event log
 * queues the deliveries, so they are written in the transaction that writes the event, whoever
 * writes it: a rolled-back change sends nothing, a committed one cannot be missed. The body is
 * frozen when queued (the bytes signed are the bytes sent, on every retry).
 */
import { type QueryExecutorProvider, sql } from 'kysely';

export const name = '0025-webhooks';

const statements = [
  sql`CREATE TABLE webhook_endpoints (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    workspace_id uuid NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    url text NOT NULL,
    event_types text[] NOT NULL,
    description text,
    secret jsonb NOT NULL,
    enabled boolean NOT NULL DEFAULT true,
    created_by uuid,
    created_at timestamptz NOT NULL DEFAULT now()
  )`,
  sql`CREATE INDEX webhook_endpoints_workspace ON webhook_endpoints (workspace_id) WHERE enabled`,
  // A delivery is queued until run_after, running while its lease holds, then delivered or failed.
  sql`CREATE TABLE webhook_deliveries (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    seq bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
    endpoint_id uuid NOT NULL REFERENCES webhook_endpoints (id) ON DELETE CASCADE,
    workspace_id uuid NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    event_id uuid,
    event_type text NOT NULL,
    body text NOT NULL,
    state text NOT NULL DEFAULT 'queued' CHECK (state IN ('queued', 'running', 'delivered', 'failed')),
    attempts integer NOT NULL DEFAULT 0,
    run_after timestamptz NOT NULL DEFAULT now(),
    lease_owner text,
    lease_until timestamptz,
    last_status integer,
    last_error text,
    created_at timestamptz NOT NULL DEFAULT now(),
    finished_at timestamptz
  )`,
  sql`CREATE INDEX webhook_deliveries_open ON webhook_deliveries (workspace_id, run_after)
    WHERE state IN ('queued', 'running')`,
  sql`CREATE INDEX webhook_deliveries_recent ON webhook_deliveries (workspace_id, seq DESC)`,
  sql`CREATE TABLE webhook_attempts (
    delivery_id uuid NOT NULL REFERENCES webhook_deliveries (id) ON DELETE CASCADE,
    attempt integer NOT NULL,
    started_at timestamptz NOT NULL,
    status_code integer,
    latency_ms integer NOT NULL,
    error text,
    next_attempt_at timestamptz,
    PRIMARY KEY (delivery_id, attempt)
  )`,
  sql`CREATE OR REPLACE FUNCTION baton_queue_webhooks() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      INSERT INTO webhook_deliveries (endpoint_id, workspace_id, event_id, event_type, body)
      SELECT w.id, NEW.workspace_id, NEW.id, NEW.type, jsonb_build_object(
          'id', NEW.id,
          'type', NEW.type,
          'workspaceId', NEW.workspace_id,
          'conversationId', NEW.conversation_id,
          'at', to_char(NEW.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
          'actor', NEW.actor,
          'data', NEW.data
        )::text
      FROM webhook_endpoints w
      WHERE w.workspace_id = NEW.workspace_id AND w.enabled AND NEW.type = ANY (w.event_types);
      RETURN NULL;
    END
  $$`,
  sql`CREATE TRIGGER conversation_events_webhooks AFTER INSERT ON conversation_events
    FOR EACH ROW EXECUTE FUNCTION baton_queue_webhooks()`,
];

export const up = async (db: QueryExecutorProvider): Promise<void> => {
  for (const statement of statements) {
    await statement.execute(db);
  }
};
