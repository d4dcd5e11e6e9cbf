/** The knowledge audit (SPEC §8): contradictions, near-duplicates and articles overdue for review. */

export type { ArticleRef, AuditArticle } from './audit-article.ts';
export type { AuditFinding, AuditSettings, KnowledgeAudit } from './audit-knowledge.ts';
export { auditKnowledge, defaultAuditSettings } from './audit-knowledge.ts';
export type { ConflictingFacts, Contradiction, ContradictionSettings } from './contradictions.ts';
export { findContradictions } from './contradictions.ts';
export type { NearDuplicate } from './near-duplicates.ts';
export { findNearDuplicates } from './near-duplicates.ts';
export type { QuantityFact } from './quantity-facts.ts';
export { quantityFacts } from './quantity-facts.ts';
export type { StaleArticle } from './stale-articles.ts';
export { findStaleArticles } from './stale-articles.ts';
