/** The knowledge audit (SPEC §8): near-duplicates, contradictions and articles overdue for review. */
import type { AuditArticle } from './audit-article.ts';
import {
  type Contradiction,
  type ContradictionSettings,
  defaultContradictionSettings,
  findContradictions,
} from './contradictions.ts';
import { defaultDuplicateSimilarity, findNearDuplicates, type NearDuplicate } from './near-duplicates.ts';
import { defaultReviewEveryDays, findStaleArticles, type StaleArticle } from './stale-articles.ts';

export type AuditFinding = Contradiction | NearDuplicate | StaleArticle;

export interface AuditSettings {
  readonly duplicateSimilarity: number;
  readonly reviewEveryDays: number;
  readonly contradictions: ContradictionSettings;
}

export const defaultAuditSettings: AuditSettings = {
  duplicateSimilarity: defaultDuplicateSimilarity,
  reviewEveryDays: defaultReviewEveryDays,
  contradictions: defaultContradictionSettings,
};

export interface KnowledgeAudit {
  readonly articles: number;
  /** Contradictions first (a customer may be told the wrong thing), then duplicates, then overdue reviews. */
  readonly findings: readonly AuditFinding[];
}

export const auditKnowledge = (
  articles: readonly AuditArticle[],
  now: Date,
  settings: AuditSettings = defaultAuditSettings,
): KnowledgeAudit => ({
  articles: articles.length,
  findings: [
    ...findContradictions(articles, settings.contradictions),
    ...findNearDuplicates(articles, settings.duplicateSimilarity),
    ...findStaleArticles(articles, now, settings.reviewEveryDays),
  ],
});
