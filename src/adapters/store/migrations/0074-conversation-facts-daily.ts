/**
 * A daily rollup of `conversation_facts` (issue 13, the analytics page at a million conversations):
 * per UTC day of the first customer message and per filter combination (every subset of category,
 * team and channel, so any filter reads one row a day), the counts every SPEC §9 rate needs and the
 * sums the other numbers need, plus a fixed-bucket histogram of the three times for their
 * percentiles. A statement trigger marks the days any facts write touches (old and new day) as
 * stale in the writer's transaction; `refreshDays` rebuilds marked days, and until then reports read
 * those days from the facts — so a late event never leaves a report counting old numbers.
 */
import { type QueryExecutorProvider, sql } from 'kysely';

export const name = '0074-conversation-facts-daily';

/** Counts (bigint) and sums (double precision) kept per day and filter combination. */
const counts = [
  'conversations',
  'resolved',
  'handoffs_judged',
  'handoffs_judged_needed',
  'ai_questions',
  'ai_questions_covered',
  'waits_measured',
  'ai_turns',
  'baseline_conversations',
  ...[
    'involvement_rate',
    'ai_resolution_rate',
    'handoff_rate',
    'automation_rate',
    'recontact_rate_after_ai',
    'durable_ai_resolution_rate',
    'missed_escalations',
    'combined24h_resolution_rate',
    'first_contact_resolution',
    'csat_ai_only',
    'csat_handed_over',
    'csat_human_only',
  ].flatMap((rate) => [`${rate}_of`, `${rate}_counts`]),
];
const sums = ['wait_error_seconds', 'ai_cost', 'handle_seconds', 'baseline_seconds', 'ai_spent_seconds'];

// A grouping set's rows carry NULL in the dimensions it sums over; `rolled_up` (PostgreSQL's
// GROUPING(category, team_key, channel): 4 category, 2 team, 1 channel) tells those NULLs from a
// conversation that has no category or team.
const dimensions = sql`
    workspace_id uuid NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    day date NOT NULL,
    rolled_up smallint NOT NULL CHECK (rolled_up BETWEEN 0 AND 7),
    category text,
    team_key text,
    channel text`;

const statements = [
  sql`CREATE TABLE conversation_facts_daily (${dimensions},
    ${sql.raw(counts.map((column) => `${column} bigint NOT NULL`).join(',\n    '))},
    ${sql.raw(sums.map((column) => `${column} double precision NOT NULL`).join(',\n    '))}
  )`,
  sql`CREATE INDEX conversation_facts_daily_window ON conversation_facts_daily (workspace_id, rolled_up, day)`,
  // measure: 1 time to first response, 2 time to resolution, 3 handle time; bucket from the core's
  // time-histogram.ts (logarithmic, so each holds values within a fixed relative error).
  sql`CREATE TABLE conversation_facts_daily_times (${dimensions},
    measure smallint NOT NULL CHECK (measure BETWEEN 1 AND 3),
    bucket integer NOT NULL,
    n bigint NOT NULL
  )`,
  sql`CREATE INDEX conversation_facts_daily_times_window
    ON conversation_facts_daily_times (workspace_id, rolled_up, day)`,
  sql`CREATE TABLE conversation_facts_daily_stale (
    workspace_id uuid NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    day date NOT NULL,
    PRIMARY KEY (workspace_id, day)
  )`,
  // One statement-level trigger per operation (transition tables allow one event each); a bulk write
  // marks each of its days once. DO NOTHING: a mark already there is enough.
  sql`CREATE OR REPLACE FUNCTION baton_mark_fact_days_stale() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF TG_OP IN ('INSERT', 'UPDATE') THEN
        INSERT INTO conversation_facts_daily_stale (workspace_id, day)
        SELECT DISTINCT workspace_id, (first_customer_message_at AT TIME ZONE 'UTC')::date
        FROM new_rows WHERE first_customer_message_at IS NOT NULL
        ON CONFLICT DO NOTHING;
      END IF;
      IF TG_OP IN ('UPDATE', 'DELETE') THEN
        INSERT INTO conversation_facts_daily_stale (workspace_id, day)
        SELECT DISTINCT workspace_id, (first_customer_message_at AT TIME ZONE 'UTC')::date
        FROM old_rows WHERE first_customer_message_at IS NOT NULL
        ON CONFLICT DO NOTHING;
      END IF;
      RETURN NULL;
    END
  $$`,
  sql`CREATE TRIGGER conversation_facts_days_inserted AFTER INSERT ON conversation_facts
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION baton_mark_fact_days_stale()`,
  sql`CREATE TRIGGER conversation_facts_days_updated AFTER UPDATE ON conversation_facts
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION baton_mark_fact_days_stale()`,
  sql`CREATE TRIGGER conversation_facts_days_deleted AFTER DELETE ON conversation_facts
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION baton_mark_fact_days_stale()`,
  // Facts recorded before this migration: their days are built on the first refresh.
  sql`INSERT INTO conversation_facts_daily_stale (workspace_id, day)
    SELECT DISTINCT workspace_id, (first_customer_message_at AT TIME ZONE 'UTC')::date
    FROM conversation_facts WHERE first_customer_message_at IS NOT NULL
    ON CONFLICT DO NOTHING`,
];

export const up = async (db: QueryExecutorProvider): Promise<void> => {
  for (const statement of statements) {
    await statement.execute(db);
  }
};
