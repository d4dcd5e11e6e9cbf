/** A review candidate from what the store already keeps: the `decision_made` event's trace. */
import type { DecisionTrace } from '../../triage/index.ts';
import type { ReviewCandidate } from './risk-factors.ts';

export interface RecordedDecision {
  readonly conversationId: string;
  readonly decidedAt: Date;
  readonly trace: DecisionTrace;
  readonly recontacted: boolean;
  /** When the trace's policy version was published (null: unknown). */
  readonly policyPublishedAt: Date | null;
}

export const reviewCandidateFromTrace = (recorded: RecordedDecision): ReviewCandidate => {
  const { trace } = recorded;
  const sentiments = trace.signals.detail.sentimentPerMessage;
  return {
    conversationId: recorded.conversationId,
    category: trace.category.name,
    confidence: trace.retrieval.kind === 'failed' ? 0 : trace.retrieval.confidence,
    threshold: trace.thresholds.answerConfidence,
    lowestSentiment: sentiments.length > 0 ? Math.min(...sentiments) : trace.signals.values.sentiment,
    recontacted: recorded.recontacted,
    decidedAt: recorded.decidedAt,
    policyPublishedAt: recorded.policyPublishedAt,
  };
};
