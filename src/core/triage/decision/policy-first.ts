/**
 * The policy decides before the model (SPEC §3): deciding as if the answerer had written a
 * perfect draft shows whether the policy hands over whatever an answer would say. A live turn
 * then asks no model; a backtest applies the same rule, so it decides as the live turn did.
 */
import { attemptReasons, type DecisionInput, decide, withAttempt } from './decide.ts';
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
  if (!mayHandOver(input, findings)) return null;
  const before = decide(withAttempt(input, perfectDraft), findings);
  return before.kind === 'escalate' ? before : null;
};

/**
 * Whether any reason would hand over on a perfect draft: `decide` escalates only on one. Most turns
 * have none, and this spares them building a whole decision, trace and all, that nobody reads.
 */
const mayHandOver = (input: Omit<DecisionInput, 'attempt'>, findings: PolicyFindings): boolean =>
  findings.reasons.some((reason) => reason.action === 'escalate') ||
  attemptReasons(perfectDraft, findings.thresholds.answerConfidence, input.policy, input.prediction).length >
    0;

/** How the trace says why no answer was attempted. */
export const notAttemptedReason = (handover: Handover): string =>
  `the policy hands over before any answer (${handover.reasons.map((reason) => reason.code).join(', ')})`;
