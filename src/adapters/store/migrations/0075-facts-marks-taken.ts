/**
 * A facts refresher no longer holds the stale marks it works on, so no event writer waits for it.
 * It deleted its batch of marks first and derived the facts after, in one transaction; an event
 * written meanwhile for one of those conversations — a customer's message, an AI answer — found the
 * deleted-but-uncommitted mark in the unique index and waited for the whole refresh (up to 56 ms
 * under load, holding its conversation and a pooled connection the while).
 *
 * Now a refresher *takes* its marks in a short statement of its own (`taken_by`, `taken_at`), and
 * deletes them with the facts it saved. Only marks nobody took are unique per conversation, so an
 * event written during a refresh adds a fresh mark beside the taken one and the next refresh counts
 * it. A refresher that dies leaves its marks taken; they are taken again once their lease lapses.
 *
 * It also closes a gap both designs had with a do-nothing mark: an event whose transaction found
 * the conversation already marked, and committed only after a refresher had taken that mark and
 * read the events, was never counted (its mark was gone) until the conversation's next event.
 * The writer now holds the existing mark until it commits, and refreshers skip held marks.
 */
import { type QueryExecutorProvider, sql } from 'kysely';

export const name = '0075-facts-marks-taken';

const statements = [
  sql`ALTER TABLE conversation_facts_stale DROP CONSTRAINT conversation_facts_stale_pkey`,
  sql`ALTER TABLE conversation_facts_stale
    ADD COLUMN mark bigint GENERATED ALWAYS AS IDENTITY,
    ADD COLUMN taken_by uuid,
    ADD COLUMN taken_at timestamptz`,
  // Leading with the conversation, it also serves the cascade when a conversation is deleted.
  sql`ALTER TABLE conversation_facts_stale ADD PRIMARY KEY (conversation_id, mark)`,
  sql`CREATE UNIQUE INDEX conversation_facts_stale_open ON conversation_facts_stale (conversation_id)
    WHERE taken_by IS NULL`,
  // A mark nobody took yet is enough, but the writer locks it until it commits (DO UPDATE locks the
  // row even though its WHERE changes nothing): a refresher skips locked marks, so it cannot take
  // the mark, read the events before this one commits, and clear the mark this event relied on.
  // A taken mark does not count (its refresh may already have read the events): a fresh one is added.
  sql`CREATE OR REPLACE FUNCTION baton_mark_facts_stale() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      INSERT INTO conversation_facts_stale (conversation_id, workspace_id)
      VALUES (NEW.conversation_id, NEW.workspace_id)
      ON CONFLICT (conversation_id) WHERE taken_by IS NULL
      DO UPDATE SET taken_by = NULL WHERE false;
      RETURN NULL;
    END
  $$`,
];

export const up = async (db: QueryExecutorProvider): Promise<void> => {
  for (const statement of statements) {
    await statement.execute(db);
  }
};
