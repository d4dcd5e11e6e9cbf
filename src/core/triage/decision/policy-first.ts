/**
 * The policy decides before the model (SPEC §3): deciding as if the answerer had written a
 * perfect draft shows whether the policy hands over whatever an answer would say. A live turn
 * then asks no model; a backtest applies the same rule, so it decides as the live turn did.
 */
import { type DecisionInput, decide } from './decide.ts';
import type { AnswerAttempt, TriageDecision } from './decision-types.ts';

const perfectDraft: AnswerAttempt = { kind: 'answer', text: '', confidence: 1, tried: [], citations: [] };

export type Handover = TriageDecision & { readonly kind: 'escalate' };

/** The handoff the policy makes before any answer, or null when an answer could change the outcome. */
export const handoverBeforeAnswer = (input: Omit<DecisionInput, 'attempt'>): Handover | null => {
  const before = decide({ ...input, attempt: perfectDraft });
  return before.kind === 'escalate' ? before : null;
};

/** How the trace says why no answer was attempted. */
export const notAttemptedReason = (handover: Handover): string =>
  `the policy hands over before any answer (${handover.reasons.map((reason) => reason.code).join(', ')})`;
