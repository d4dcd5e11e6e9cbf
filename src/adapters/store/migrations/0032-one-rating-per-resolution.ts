/**
 * A resolution is rated once (CSAT, issue 13): two ratings of the same resolution sent at the same
 * instant cannot both be stored, whatever the application checked before writing.
 */
import { type QueryExecutorProvider, sql } from 'kysely';

export const name = '0032-one-rating-per-resolution';

export const up = async (db: QueryExecutorProvider): Promise<void> => {
  await sql`CREATE UNIQUE INDEX conversation_events_one_rating_per_resolution
    ON conversation_events (conversation_id, (data->>'resolvedEventId')) WHERE type = 'rated'`.execute(db);
};
