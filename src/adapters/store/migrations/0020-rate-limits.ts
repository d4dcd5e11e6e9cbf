/**
 * Rate-limit counters (SPEC §11), in the database so every Baton process sharing it sees the same
 * counts. Times are epoch milliseconds (bigint), as the rate limiter works in them.
 */
import { type QueryExecutorProvider, sql } from 'kysely';

export const name = '0020-rate-limits';

const statements = [
  sql`CREATE TABLE rate_limits (
    key text PRIMARY KEY,
    points integer NOT NULL DEFAULT 0,
    expires_at bigint
  )`,
  sql`CREATE INDEX rate_limits_expires_at ON rate_limits (expires_at)`,
];

export const up = async (db: QueryExecutorProvider): Promise<void> => {
  for (const statement of statements) {
    await statement.execute(db);
  }
};
