/**
 * An agent's "Flag this AI answer" (SPEC §7) as a review label (SPEC §8), so flags and reviews feed
 * one set of labels: a wrong answer is `incorrect`, an incomplete one `incomplete`, and an off-tone
 * one is `incorrect` with the root cause `tone` (the facts may be right; the way it spoke was not).
 */
import type { AiMessageFlag } from '../events/vocabulary.ts';
import type { ReviewLabel, RootCause } from './escalation-need.ts';

export const labelFromFlag = (
  flag: AiMessageFlag,
): { readonly label: ReviewLabel; readonly rootCause: RootCause | null } => {
  switch (flag) {
    case 'wrong':
      return { label: 'incorrect', rootCause: null };
    case 'incomplete':
      return { label: 'incomplete', rootCause: null };
    case 'off_tone':
      return { label: 'incorrect', rootCause: 'tone' };
  }
};
