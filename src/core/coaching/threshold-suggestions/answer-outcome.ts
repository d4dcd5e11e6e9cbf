/**
 * Whether an answer at a given confidence would have been right, from what people said about a
 * conversation. Answered conversations are judged by reviewers' labels; conversations handed over
 * *only* because the confidence was under the threshold are judged by the escalation verdict or
 * label (not needed: the AI's draft could have gone out). Anything else says nothing about the
 * threshold and is left out.
 */
import type { ReasonCode } from '../../handoff/index.ts';
import { type EscalationJudgement, escalationNeedOf } from '../escalation-need.ts';

export interface JudgedDecision {
  readonly category: string;
  readonly action: 'answer' | 'clarify' | 'escalate';
  readonly reasons: readonly ReasonCode[];
  /** The answer confidence the threshold was compared with (calibrated once the category is). */
  readonly score: number;
  /** Whether the answerer had a grounded draft at all. */
  readonly hadDraft: boolean;
  readonly judgement: EscalationJudgement;
}

export interface AnswerOutcome {
  readonly category: string;
  readonly score: number;
  readonly correct: boolean;
}

export const answerOutcomeOf = (decision: JudgedDecision): AnswerOutcome | null => {
  const { category, score } = decision;
  if (decision.action === 'answer') {
    const label = decision.judgement.review?.label;
    if (label === 'correct') return { category, score, correct: true };
    if (label === 'incorrect' || label === 'incomplete' || label === 'should_have_escalated')
      return { category, score, correct: false };
    return null;
  }
  const onlyThreshold =
    decision.action === 'escalate' &&
    decision.hadDraft &&
    decision.reasons.length === 1 &&
    decision.reasons[0] === 'low_confidence';
  if (!onlyThreshold) return null;
  const need = escalationNeedOf({
    ...decision.judgement,
    review: decision.judgement.review ? { ...decision.judgement.review, escalated: true } : null,
  });
  if (need === null) return null;
  return { category, score, correct: need === 'not_needed' };
};
