/** Articles not reviewed for a set time (SPEC §8): policies change, and an old article may now be wrong. */
import { type ArticleRef, type AuditArticle, refOf } from './audit-article.ts';

export interface StaleArticle {
  readonly kind: 'stale';
  readonly article: ArticleRef;
  /** The last review, or the last edit when it was never reviewed. */
  readonly lastCheckedAt: Date;
  readonly daysSince: number;
}

export const defaultReviewEveryDays = 180;
const dayMs = 86_400_000;

/** Articles whose last review (or edit) is older than `reviewEveryDays` at `now`, oldest first. */
export const findStaleArticles = (
  articles: readonly AuditArticle[],
  now: Date,
  reviewEveryDays = defaultReviewEveryDays,
): StaleArticle[] =>
  articles
    .map((article) => {
      const lastCheckedAt =
        article.reviewedAt && article.reviewedAt > article.updatedAt ? article.reviewedAt : article.updatedAt;
      return {
        article,
        lastCheckedAt,
        daysSince: Math.floor((now.getTime() - lastCheckedAt.getTime()) / dayMs),
      };
    })
    .filter((entry) => entry.daysSince >= reviewEveryDays)
    .sort((a, b) => b.daysSince - a.daysSince)
    .map((entry) => ({
      kind: 'stale',
      article: refOf(entry.article),
      lastCheckedAt: entry.lastCheckedAt,
      daysSince: entry.daysSince,
    }));
