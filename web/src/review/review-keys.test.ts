import { describe, expect, it } from 'vitest';
import { nextToReview, reviewKeyAction } from './review-keys.ts';

describe('review keys', () => {
  it('labels with digits and moves with j and k, but never while typing in a field', () => {
    expect(reviewKeyAction('1', false, false)).toEqual({ kind: 'label', label: 'correct' });
    expect(reviewKeyAction('4', false, false)).toEqual({ kind: 'label', label: 'should_have_escalated' });
    expect(reviewKeyAction('j', false, false)).toEqual({ kind: 'next' });
    expect(reviewKeyAction('k', false, false)).toEqual({ kind: 'previous' });
    expect(reviewKeyAction('1', true, false)).toBeNull();
    expect(reviewKeyAction('1', false, true)).toBeNull();
    expect(reviewKeyAction('9', false, false)).toBeNull();
  });

  it('goes on to the next unlabelled conversation, wrapping round', () => {
    expect(nextToReview([true, false, true, false], 1)).toBe(3);
    expect(nextToReview([false, true, true, true], 2)).toBe(0);
    expect(nextToReview([true, true, true], 0)).toBe(1);
    expect(nextToReview([true], 0)).toBe(0);
  });
});
