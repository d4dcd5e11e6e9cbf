/**
 * The policy decides before the model (SPEC §3): deciding as if the answerer had written a
 * perfect draft shows whether the policy hands over whatever an answer would say. A live turn
 * then asks no model; a backtest applies the same rule, so it decides as the live turn did.
 */
import { type DecisionInput, decisionFrom, decisionOutcome, withAttempt } from './decide.ts';
import type { AnswerAttempt, TriageDecision } from './decision-types.ts';
import { type PolicyFindings, policyFindings } from './policy-findings.ts';

const perfectDraft: AnswerAttempt = { kind: 'answer', text: '', confidence: 1, tried: [], citations: [] };

export type Handover = TriageDecision & { readonly kind: 'escalate' };

/**
 * The handoff the policy makes before any answer, or null when an answer could change the outcome.
 * `findings` are this input's `policyFindings`, when the caller has them already.
 */
export const handoverBeforeAnswer = (
  input: Omit<DecisionInput, 'attempt'>,
  findings: PolicyFindings = policyFindings(input),
): Handover | null => {
  const asked = withAttempt(input, perfectDraft);
  // Most turns do not hand over; they are spared a whole decision, trace and all, that nobody reads.
  const outcome = decisionOutcome(asked, findings);
  if (outcome.kind !== 'escalate') return null;
  const before = decisionFrom(asked, findings, outcome);
  return before.kind === 'escalate' ? before : null;
};

/** How the trace says why no answer was attempted. */
export const notAttemptedReason = (handover: Handover): string =>
  `the policy hands over before any answer (${handover.reasons.map((reason) => reason.code).join(', ')})`;
