/**
 * Backtest evidence from a stored `decision_made` event's data. The store checks only the part of
 * a trace metrics read, and older decisions may lack fields, so this parses what the decision needs
 * and reads what is missing as nothing having fired (no signal, no amount, no other category).
 */
import { z } from 'zod';
import type { DecisionTrace } from '../../triage/index.ts';
import { evidenceFromTrace, type TriageEvidence } from './triage-evidence.ts';

const tried = z.array(
  z.looseObject({
    articleId: z.string().catch(''),
    slug: z.string().catch(''),
    title: z.string().catch(''),
    score: z.number(),
  }),
);

const noSignals = {
  human_requested: false,
  manager_requested: false,
  legal_threat: false,
  urgent: false,
  sentiment: 0,
  sentiment_trend: 0,
  frustration: false,
  distress: false,
  repeated_ask: 0,
  amount: null,
  turns: 1,
  prompt_injection: false,
};
const noDetail = {
  sentimentPerMessage: [],
  sentimentWords: [],
  sentimentFallingFor: 0,
  frustrationScore: 0,
  distressKind: null,
  amounts: [],
  repeatedAsks: [],
};

const amount = z.object({ value: z.number(), currency: z.string().nullable() }).nullable().catch(null);

const signals = z
  .looseObject({
    values: z
      .looseObject({
        human_requested: z.boolean().catch(false),
        manager_requested: z.boolean().catch(false),
        legal_threat: z.boolean().catch(false),
        urgent: z.boolean().catch(false),
        sentiment: z.number().catch(0),
        sentiment_trend: z.number().catch(0),
        frustration: z.boolean().catch(false),
        distress: z.boolean().catch(false),
        repeated_ask: z.number().catch(0),
        amount,
        turns: z.number().catch(1),
        prompt_injection: z.boolean().catch(false),
      })
      .catch(() => ({ ...noSignals })),
    evidence: z.record(z.string(), z.string()).catch({}),
    detail: z
      .looseObject({
        sentimentPerMessage: z.array(z.number()).catch([]),
        sentimentWords: z.array(z.object({ word: z.string(), score: z.number() })).catch([]),
        sentimentFallingFor: z.number().catch(0),
        frustrationScore: z.number().catch(0),
        distressKind: z
          .enum(['bereavement', 'medical', 'fear', 'financial_hardship', 'self_harm'])
          .nullable()
          .catch(null),
        amounts: z
          .array(z.object({ value: z.number(), currency: z.string().nullable(), evidence: z.string() }))
          .catch([]),
        repeatedAsks: z.array(z.object({ earlier: z.string(), similarity: z.number() })).catch([]),
      })
      .catch(() => ({ ...noDetail })),
  })
  .optional();

const storedDecision = z.looseObject({
  action: z.enum(['answer', 'clarify', 'escalate']),
  category: z.string().nullable(),
  trace: z.looseObject({
    signals,
    category: z
      .looseObject({
        confidence: z.number().catch(1),
        mode: z.enum(['cold_start', 'history']).catch('history'),
        scores: z.array(z.object({ category: z.string(), score: z.number() })).catch([]),
      })
      .optional(),
    retrieval: z.union([
      z.looseObject({ kind: z.literal('failed'), error: z.string().catch('failed') }),
      z.looseObject({
        kind: z.enum(['answer', 'no_answer', 'not_attempted']),
        confidence: z.number().catch(0),
        reason: z.string().nullable().catch(null),
        tried: tried.catch([]),
      }),
    ]),
  }),
});

export interface StoredDecision {
  readonly action: 'answer' | 'clarify' | 'escalate';
  readonly category: string;
  readonly evidence: TriageEvidence;
}

/** The recorded action and the evidence to decide again; null when the data is no decision. */
export const storedDecisionOf = (data: unknown): StoredDecision | null => {
  const parsed = storedDecision.safeParse(data);
  if (!parsed.success) return null;
  const { action, trace } = parsed.data;
  const category = parsed.data.category ?? 'uncategorised';
  const retrieval: DecisionTrace['retrieval'] =
    trace.retrieval.kind === 'failed'
      ? { kind: 'failed', error: trace.retrieval.error }
      : {
          kind: trace.retrieval.kind,
          confidence: trace.retrieval.confidence,
          reason: trace.retrieval.reason ?? null,
          tried: trace.retrieval.tried,
        };
  const recorded = {
    signals: trace.signals ?? { values: noSignals, evidence: {}, detail: noDetail },
    category: {
      name: category,
      confidence: trace.category?.confidence ?? 1,
      mode: trace.category?.mode ?? 'history',
      scores: trace.category?.scores ?? [],
    },
    retrieval,
  };
  // The transcript around the decision is not in the event: no earlier AI text means a clarifying
  // question already asked is not recognised, so a replay may clarify once more than live did.
  const evidence = evidenceFromTrace(recorded, { latestText: '', previousAiText: null, customerPlan: null });
  return { action, category, evidence };
};
