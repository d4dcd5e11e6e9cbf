/**
 * What makes an AI-handled conversation worth a reviewer's time more than another (SPEC §8):
 * a confidence close to the threshold, negative sentiment, a recontact, a high-stakes category,
 * or a decision made by a policy version published less than a week before.
 */

export const riskFactors = [
  'low_confidence',
  'negative_sentiment',
  'recontacted',
  'high_stakes_category',
  'new_policy_version',
] as const;
export type RiskFactor = (typeof riskFactors)[number];

/** One conversation the AI handled in the sampled week, as its events describe it. */
export interface ReviewCandidate {
  readonly conversationId: string;
  readonly category: string;
  /** The answer confidence the decision compared with `threshold`. */
  readonly confidence: number;
  readonly threshold: number;
  /** The lowest per-message sentiment of the customer (−1 … 1). */
  readonly lowestSentiment: number;
  readonly recontacted: boolean;
  readonly decidedAt: Date;
  /** When the policy version that decided it was published (null: unknown). */
  readonly policyPublishedAt: Date | null;
}

export interface RiskSettings {
  /** A confidence less than this above its threshold is low. */
  readonly lowConfidenceMargin: number;
  readonly negativeSentimentBelow: number;
  readonly highStakesCategories: readonly string[];
  /** A policy version younger than this many days at decision time is new. */
  readonly newPolicyDays: number;
}

const dayMs = 86_400_000;

/** The risk factors present in a candidate, in the fixed order above. */
export const riskFactorsOf = (candidate: ReviewCandidate, settings: RiskSettings): RiskFactor[] => {
  const present: Record<RiskFactor, boolean> = {
    low_confidence: candidate.confidence < candidate.threshold + settings.lowConfidenceMargin,
    negative_sentiment: candidate.lowestSentiment < settings.negativeSentimentBelow,
    recontacted: candidate.recontacted,
    high_stakes_category: settings.highStakesCategories.includes(candidate.category),
    new_policy_version:
      candidate.policyPublishedAt !== null &&
      candidate.decidedAt.getTime() - candidate.policyPublishedAt.getTime() < settings.newPolicyDays * dayMs,
  };
  return riskFactors.filter((factor) => present[factor]);
};
