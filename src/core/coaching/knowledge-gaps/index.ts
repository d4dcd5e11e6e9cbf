/** Knowledge gaps (SPEC §8): weakly answered questions clustered into gaps, and a draft article for each. */
export type { ClusterSettings, QuestionCluster } from './cluster-questions.ts';
export { clusterQuestions } from './cluster-questions.ts';
export type { ArticleDraft, DraftInput } from './draft-article.ts';
export { draftArticle } from './draft-article.ts';
export type { GapSettings, GapTrend, GapWeek, KnowledgeGap } from './find-knowledge-gaps.ts';
export { defaultGapSettings, findKnowledgeGaps, isGapCandidate } from './find-knowledge-gaps.ts';
export type { GapQuestion } from './gap-question.ts';
export { gapQuestionFromDecision } from './question-from-decision.ts';
