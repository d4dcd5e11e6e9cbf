/** The weekly review sample (SPEC §8): stratified by category, risky conversations oversampled, weighted. */

export type { StoredDecisionFacts } from './candidate-from-event.ts';
export { decisionFactsOf } from './candidate-from-event.ts';
export type { RecordedDecision } from './candidate-from-trace.ts';
export { reviewCandidateFromTrace } from './candidate-from-trace.ts';
export type { ReviewCandidate, RiskFactor, RiskSettings } from './risk-factors.ts';
export { riskFactors, riskFactorsOf } from './risk-factors.ts';
export type {
  ReviewItem,
  ReviewSample,
  SamplingInput,
  SamplingSettings,
  StratumReport,
  StratumTier,
} from './sample-for-review.ts';
export { defaultSamplingSettings, sampleForReview, seedFrom, weightedShare } from './sample-for-review.ts';
