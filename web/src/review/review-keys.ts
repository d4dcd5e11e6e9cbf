/** The review screen's keys (SPEC §8: label in a few keys): one digit per label, j/k to move. */
import type { ReviewLabelRequest } from '../../../src/api/review-schemas.ts';

export type ReviewLabelName = ReviewLabelRequest['label'];

export const labelKeys: readonly {
  readonly key: string;
  readonly label: ReviewLabelName;
  readonly text: string;
}[] = [
  { key: '1', label: 'correct', text: 'Correct' },
  { key: '2', label: 'incorrect', text: 'Incorrect' },
  { key: '3', label: 'incomplete', text: 'Incomplete' },
  { key: '4', label: 'should_have_escalated', text: 'Should have escalated' },
  { key: '5', label: 'unnecessary_escalation', text: 'Unnecessary escalation' },
];

export type ReviewKeyAction =
  | { readonly kind: 'label'; readonly label: ReviewLabelName }
  | { readonly kind: 'next' }
  | { readonly kind: 'previous' }
  | null;

/** What a key press means, or null; keys typed into a field are the field's, never shortcuts. */
export const reviewKeyAction = (key: string, inField: boolean, modified: boolean): ReviewKeyAction => {
  if (inField || modified) return null;
  const label = labelKeys.find((entry) => entry.key === key)?.label;
  if (label) return { kind: 'label', label };
  if (key === 'j') return { kind: 'next' };
  if (key === 'k') return { kind: 'previous' };
  return null;
};

/** The next unlabelled item after `from` (wrapping), else the item after it, else `from`. */
export const nextToReview = (labelled: readonly boolean[], from: number): number => {
  for (let step = 1; step <= labelled.length; step += 1) {
    const index = (from + step) % labelled.length;
    if (!labelled[index]) return index;
  }
  return Math.min(from + 1, Math.max(0, labelled.length - 1));
};
