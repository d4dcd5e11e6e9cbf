/**
 * Whether a conversation needed a person, from whatever judgement exists for it: an agent's
 * escalation verdict (SPEC §7), a reviewer's label (SPEC §8), or the `label.escalation` of an
 * imported labelled file. Backtests and threshold suggestions count misses and needless
 * escalations against it.
 */

import type { ReviewLabel } from '../events/vocabulary.ts';

export type EscalationNeed = 'needed' | 'not_needed';

// One vocabulary for labels and root causes: the events' (what a `reviewed` event may carry).
export {
  type ReviewLabel,
  type ReviewRootCause as RootCause,
  reviewLabels,
  reviewRootCauses as rootCauses,
} from '../events/vocabulary.ts';

/** The judgements a conversation may carry; any of them may be missing. */
export interface EscalationJudgement {
  /** The agent's one-click verdict on a handoff. */
  readonly verdict?: 'needed' | 'not_needed' | null;
  /** A reviewer's label and, when known, whether the AI escalated the conversation it labelled. */
  readonly review?: { readonly label: ReviewLabel; readonly escalated?: boolean } | null;
  /**
   * An imported file's label: `must` needs a person, `ai_ok` does not; `recommended` marks the
   * ambiguous cases (a person would be better, the AI is not wrong to try) and judges neither way.
   */
  readonly fileLabel?: 'must' | 'recommended' | 'ai_ok' | null;
}

const fromReview = (review: NonNullable<EscalationJudgement['review']>): EscalationNeed | null => {
  switch (review.label) {
    case 'should_have_escalated':
      return 'needed';
    case 'unnecessary_escalation':
      return 'not_needed';
    case 'correct':
      // A correct escalation was needed; a correct answer shows the AI could handle it.
      if (review.escalated === undefined) return null;
      return review.escalated ? 'needed' : 'not_needed';
    default:
      // A wrong or incomplete answer says the answer was bad, not that a person was needed.
      return null;
  }
};

/** The reviewer's label wins over the agent's verdict, which wins over a file label; null when unjudged. */
export const escalationNeedOf = (judgement: EscalationJudgement): EscalationNeed | null => {
  const reviewed = judgement.review ? fromReview(judgement.review) : null;
  if (reviewed) return reviewed;
  if (judgement.verdict) return judgement.verdict;
  if (judgement.fileLabel === 'must') return 'needed';
  if (judgement.fileLabel === 'ai_ok') return 'not_needed';
  return null;
};
