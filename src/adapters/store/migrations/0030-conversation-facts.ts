/**
 * One row of counting facts per conversation (src/core/metrics/conversation-facts.ts), kept current
 * from its events, so every SPEC §9 metric is an aggregate over one narrow table instead of a
 * replay of the event log.
 */
import { type QueryExecutorProvider, sql } from 'kysely';

export const name = '0030-conversation-facts';

const statements = [
  sql`CREATE TABLE conversation_facts (
    conversation_id uuid PRIMARY KEY REFERENCES conversations (id) ON DELETE CASCADE,
    workspace_id uuid NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    customer_id uuid NOT NULL,
    channel text NOT NULL,
    category text,
    team_key text,
    started_at timestamptz NOT NULL,
    first_customer_message_at timestamptz,
    first_response_at timestamptz,
    ai_involved boolean NOT NULL,
    human_involved boolean NOT NULL,
    handed_over_at timestamptz,
    handoffs integer NOT NULL CHECK (handoffs >= 0),
    handoffs_judged integer NOT NULL CHECK (handoffs_judged BETWEEN 0 AND handoffs),
    handoffs_judged_needed integer NOT NULL CHECK (handoffs_judged_needed BETWEEN 0 AND handoffs_judged),
    verdict text CHECK (verdict IN ('needed', 'not_needed')),
    resolution text CHECK (resolution IN ('ai', 'human', 'abandoned')),
    resolved_by text CHECK (resolved_by IN ('agent', 'ai_assumed', 'ai_confirmed', 'abandoned')),
    resolved_by_agent_id uuid,
    resolved_at timestamptz,
    last_resolved_at timestamptz,
    recontact_of uuid REFERENCES conversations (id) ON DELETE SET NULL,
    recontacted boolean NOT NULL,
    recontact_escalated boolean NOT NULL,
    review_label text,
    csat smallint CHECK (csat BETWEEN 1 AND 5),
    handle_seconds double precision CHECK (handle_seconds >= 0),
    ai_questions integer NOT NULL CHECK (ai_questions >= 0),
    ai_questions_covered integer NOT NULL CHECK (ai_questions_covered BETWEEN 0 AND ai_questions),
    ai_turns integer NOT NULL CHECK (ai_turns >= 0),
    ai_cost double precision NOT NULL CHECK (ai_cost >= 0),
    waits_measured integer NOT NULL CHECK (waits_measured >= 0),
    wait_error_seconds double precision NOT NULL CHECK (wait_error_seconds >= 0),
    updated_at timestamptz NOT NULL DEFAULT now()
  )`,
  // Every report is a date range of one workspace; the other filters narrow that range.
  sql`CREATE INDEX conversation_facts_workspace_first_message
    ON conversation_facts (workspace_id, first_customer_message_at)`,
  // Recontact linking reads a customer's earlier conversations.
  sql`CREATE INDEX conversation_facts_customer ON conversation_facts (customer_id, first_customer_message_at)`,
];

export const up = async (db: QueryExecutorProvider): Promise<void> => {
  for (const statement of statements) {
    await statement.execute(db);
  }
};
