/**
 * The coaching loop's records (SPEC §8): each week's review sample, drawn once, and the labels
 * reviewers and agents' flags give AI-handled conversations, one per labeller, source and message.
 */
import { type QueryExecutorProvider, sql } from 'kysely';

export const name = '0041-review-samples-and-labels';

const statements = [
  sql`CREATE TABLE review_samples (
    workspace_id uuid NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    week text NOT NULL CHECK (week ~ '^[0-9]{4}-W[0-9]{2}$'),
    drawn_at timestamptz NOT NULL DEFAULT now(),
    capacity integer NOT NULL CHECK (capacity >= 0),
    population integer NOT NULL CHECK (population >= 0),
    strata jsonb NOT NULL DEFAULT '[]',
    PRIMARY KEY (workspace_id, week)
  )`,
  sql`CREATE TABLE review_sample_items (
    workspace_id uuid NOT NULL,
    week text NOT NULL,
    conversation_id uuid NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
    position integer NOT NULL CHECK (position >= 0),
    category text NOT NULL,
    source text NOT NULL CHECK (source IN ('flag', 'sample')),
    tier text CHECK (tier IN ('risky', 'routine')),
    risks jsonb NOT NULL DEFAULT '[]',
    weight double precision NOT NULL CHECK (weight >= 0),
    PRIMARY KEY (workspace_id, week, conversation_id),
    FOREIGN KEY (workspace_id, week) REFERENCES review_samples (workspace_id, week) ON DELETE CASCADE
  )`,
  sql`CREATE TABLE review_labels (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    workspace_id uuid NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    conversation_id uuid NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
    message_id uuid REFERENCES messages (id) ON DELETE CASCADE,
    source text NOT NULL CHECK (source IN ('review', 'flag')),
    label text NOT NULL CHECK (label IN ('correct', 'incorrect', 'incomplete', 'should_have_escalated', 'unnecessary_escalation')),
    root_cause text CHECK (root_cause IN ('missing_article', 'wrong_article', 'contradictory_articles', 'bad_retrieval', 'wrong_lookup', 'policy_too_loose', 'policy_too_tight', 'tone', 'other')),
    correct_answer text,
    notes text,
    author_id uuid NOT NULL REFERENCES agents (id) ON DELETE CASCADE,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    CHECK (source = 'review' OR message_id IS NOT NULL)
  )`,
  // One label per labeller, source and message (NULLS NOT DISTINCT: a review's null message counts once).
  sql`CREATE UNIQUE INDEX review_labels_once ON review_labels (conversation_id, author_id, source, message_id) NULLS NOT DISTINCT`,
  sql`CREATE INDEX review_labels_workspace_updated ON review_labels (workspace_id, updated_at)`,
];

export const up = async (db: QueryExecutorProvider): Promise<void> => {
  for (const statement of statements) {
    await statement.execute(db);
  }
};
