/**
 * Dismissed threshold suggestions (SPEC §8): ops may say no to a suggestion, with why. It stays
 * hidden while its evidence is the same — same current threshold, same suggested threshold, same
 * number of judged outcomes — and comes back once new labels or a policy change move it.
 */
import type { ThresholdSuggestion } from './suggest-threshold.ts';

export interface SuggestionDismissal {
  readonly category: string;
  /** The evidence the suggestion stood on when it was dismissed (see `evidenceKey`). */
  readonly evidence: string;
  readonly by: string;
  readonly why: string;
  readonly at: string;
}

/** What must change for a dismissed suggestion to be shown again. */
export const evidenceKey = (suggestion: ThresholdSuggestion): string =>
  [
    suggestion.current.threshold,
    'suggested' in suggestion ? suggestion.suggested.threshold : 'none',
    suggestion.labels,
    suggestion.targetPrecision,
  ].join('|');

/** The dismissal that still hides this suggestion, or null when none does. */
export const dismissalHiding = (
  suggestion: ThresholdSuggestion,
  dismissals: readonly SuggestionDismissal[],
): SuggestionDismissal | null =>
  suggestion.kind !== 'change'
    ? null
    : (dismissals.find((d) => d.category === suggestion.category && d.evidence === evidenceKey(suggestion)) ??
      null);

/** The dismissals with this one replacing any earlier one for its category. */
export const withDismissal = (
  dismissals: readonly SuggestionDismissal[],
  dismissal: SuggestionDismissal,
): SuggestionDismissal[] => [...dismissals.filter((d) => d.category !== dismissal.category), dismissal];
