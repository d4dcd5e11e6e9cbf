import { sql } from 'kysely';
import type { RateLimitCounter, RateLimitRepository } from '../../core/ports/store.ts';
import type { Db } from './database.ts';

const toCounter = (row: { points: number; expires_at: string | number | null }): RateLimitCounter => ({
  points: Number(row.points),
  expiresAt: row.expires_at === null ? null : Number(row.expires_at),
});

export const rateLimitRepository = (db: Db): RateLimitRepository => ({
  async add(key, points, expiresAt, now, restart) {
    // One statement, so two processes adding at once both count: the row lock orders them.
    const ended = sql<boolean>`rate_limits.expires_at IS NOT NULL AND rate_limits.expires_at <= ${now}`;
    const startOver = restart ? sql<boolean>`true` : ended;
    const row = await db
      .insertInto('rate_limits')
      .values({ key, points, expires_at: expiresAt })
      .onConflict((conflict) =>
        conflict.column('key').doUpdateSet({
          points: sql<number>`CASE WHEN ${startOver} THEN ${points}::integer ELSE rate_limits.points + ${points}::integer END`,
          expires_at: sql<
            number | null
          >`CASE WHEN ${startOver} THEN ${expiresAt}::bigint ELSE rate_limits.expires_at END`,
        }),
      )
      .returning(['points', 'expires_at'])
      .executeTakeFirstOrThrow();
    return toCounter(row);
  },

  async get(key, now) {
    const row = await db
      .selectFrom('rate_limits')
      .select(['points', 'expires_at'])
      .where('key', '=', key)
      .where(sql<boolean>`(expires_at IS NULL OR expires_at > ${now})`)
      .executeTakeFirst();
    return row === undefined ? null : toCounter(row);
  },

  async delete(key) {
    const result = await db.deleteFrom('rate_limits').where('key', '=', key).executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  },

  async deleteExpired(before) {
    const result = await db
      .deleteFrom('rate_limits')
      .where(sql<boolean>`expires_at < ${before}`)
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  },
});
