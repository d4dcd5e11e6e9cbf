/**
 * The lists in latest-activity order (the inbox's Resolved and All views) read a page from an index
 * instead of sorting every conversation of the workspace: at 500,000 conversations a page took
 * ≈ 270 ms on PostgreSQL, a sort of them all, and every live update re-read it.
 *
 * An index on the latest activity itself would cost the message path: a message moves it, and a
 * change to an indexed value makes the conversation's update write a new entry in every index of
 * the table (today 99% of those updates are heap-only). Resolved conversations are nearly all of a
 * desk's history and their activity stands still, so the index holds those alone, keyed by a stored
 * column that is the latest activity while resolved and null while open: a message to an open
 * conversation changes no indexed value and its update stays heap-only. The open conversations,
 * few at any time, are sorted as before and merged in (conversation-pages.ts).
 */
import { type QueryExecutorProvider, sql } from 'kysely';

export const name = '0076-resolved-list-order';

const statements = [
  sql`ALTER TABLE conversations ADD COLUMN resolved_activity_at timestamptz
    GENERATED ALWAYS AS (CASE WHEN state = 'resolved' THEN coalesce(last_message_at, created_at) END) STORED`,
  sql`CREATE INDEX conversations_resolved_recent ON conversations (workspace_id, resolved_activity_at DESC, id)
    WHERE state = 'resolved'`,
];

export const up = async (db: QueryExecutorProvider): Promise<void> => {
  for (const statement of statements) {
    await statement.execute(db);
  }
};
