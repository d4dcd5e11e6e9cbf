/**
 * The rating question is recorded once per resolution (CSAT, issue 13). Two first reads of a
 * resolved conversation at the same instant both saw it unasked and could both record it; the
 * index keeps one. Copies recorded before the index existed are dropped first (the earliest stays),
 * so "rating asked" counts each resolution once.
 */
import { type QueryExecutorProvider, sql } from 'kysely';

export const name = '0033-one-rating-request-per-resolution';

export const up = async (db: QueryExecutorProvider): Promise<void> => {
  await sql`DELETE FROM conversation_events e
    WHERE e.type = 'rating_requested' AND EXISTS (
      SELECT 1 FROM conversation_events earlier
      WHERE earlier.type = 'rating_requested'
        AND earlier.conversation_id = e.conversation_id
        AND earlier.data->>'resolvedEventId' = e.data->>'resolvedEventId'
        AND earlier.seq < e.seq)`.execute(db);
  await sql`CREATE UNIQUE INDEX conversation_events_one_rating_request_per_resolution
    ON conversation_events (conversation_id, (data->>'resolvedEventId')) WHERE type = 'rating_requested'`.execute(
    db,
  );
};
