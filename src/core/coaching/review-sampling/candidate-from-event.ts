/**
 * A review candidate from a stored `decision_made` event. Stored traces are checked only loosely
 * (older decisions may lack fields), so this reads the few numbers sampling needs and treats what
 * is missing as the riskier value: no confidence is 0, no sentiment is neutral.
 */
import { z } from 'zod';
import type { ReviewCandidate } from './risk-factors.ts';

const storedDecision = z.looseObject({
  action: z.string(),
  category: z.string().nullable(),
  trace: z.looseObject({
    policyVersion: z.union([z.number(), z.string()]).optional(),
    thresholds: z.looseObject({ answerConfidence: z.number() }).optional(),
    retrieval: z.looseObject({ confidence: z.number().optional() }).optional(),
    signals: z
      .looseObject({
        values: z.looseObject({ sentiment: z.number().optional() }).optional(),
        detail: z.looseObject({ sentimentPerMessage: z.array(z.number()).optional() }).optional(),
      })
      .optional(),
  }),
});

export interface StoredDecisionFacts {
  readonly action: string;
  /** The store's policy version number that decided, when the trace has one. */
  readonly policyVersion: number | null;
  readonly candidate: Omit<
    ReviewCandidate,
    'conversationId' | 'decidedAt' | 'recontacted' | 'policyPublishedAt'
  >;
}

/** What sampling needs from a stored decision's data; null when it is not a decision at all. */
export const decisionFactsOf = (data: unknown): StoredDecisionFacts | null => {
  const parsed = storedDecision.safeParse(data);
  if (!parsed.success) return null;
  const { action, category, trace } = parsed.data;
  const perMessage = trace.signals?.detail?.sentimentPerMessage ?? [];
  return {
    action,
    policyVersion: typeof trace.policyVersion === 'number' ? trace.policyVersion : null,
    candidate: {
      category: category ?? 'uncategorised',
      confidence: trace.retrieval?.confidence ?? 0,
      threshold: trace.thresholds?.answerConfidence ?? 1,
      lowestSentiment:
        perMessage.length > 0 ? Math.min(...perMessage) : (trace.signals?.values?.sentiment ?? 0),
    },
  };
};
