import { describe, expect, it } from 'vitest';
import { isDomainError } from '../errors.ts';
import { validateEvent } from '../events/index.ts';
import { checkRating } from './check-rating.ts';
import { type RatingEvent, ratingRequestFor, ratingStatusOf, ratingTargetFor } from './rating-request.ts';

const resolved = (id: string, resolution = 'ai'): RatingEvent => ({
  id,
  type: 'resolved',
  data: { resolution },
});
const asked = (resolvedEventId: string): RatingEvent => ({
  id: `ask-${resolvedEventId}`,
  type: 'rating_requested',
  data: { resolvedEventId },
});
const reopened: RatingEvent = { id: 'reopen', type: 'reopened', data: { by: 'customer_reply' } };
const message: RatingEvent = { id: 'msg', type: 'message_added', data: {} };

const codeOf = (action: () => unknown): string | null => {
  try {
    action();
    return null;
  } catch (error) {
    return isDomainError(error) ? error.code : 'not a DomainError';
  }
};

describe('when to ask for a rating', () => {
  it('asks once a conversation is resolved, naming that resolution', () => {
    expect(ratingRequestFor([message, resolved('r1')])).toEqual({ kind: 'ask', resolvedEventId: 'r1' });
  });

  it('asks once per resolution', () => {
    expect(ratingRequestFor([message, resolved('r1'), asked('r1')])).toEqual({
      kind: 'none',
      reason: 'already_asked',
    });
  });

  it('asks again about the next resolution after a reopen', () => {
    const events = [message, resolved('r1', 'ai'), asked('r1'), reopened, message, resolved('r2', 'human')];
    expect(ratingRequestFor(events)).toEqual({ kind: 'ask', resolvedEventId: 'r2' });
  });

  it('does not ask while the conversation is open, reopened, or was abandoned', () => {
    expect(ratingRequestFor([message])).toEqual({ kind: 'none', reason: 'not_resolved' });
    expect(ratingRequestFor([resolved('r1'), asked('r1'), reopened]).kind).toBe('none');
    expect(ratingRequestFor([message, resolved('r1', 'abandoned')]).kind).toBe('none');
  });
});

describe('which resolution a rating rates', () => {
  it('rates the standing resolution, also long after the question was asked', () => {
    expect(ratingTargetFor([resolved('r1'), asked('r1'), message])).toBe('r1');
  });

  it('refuses a rating while the conversation is open again', () => {
    expect(codeOf(() => ratingTargetFor([resolved('r1'), reopened]))).toBe('not_resolved');
    expect(codeOf(() => ratingTargetFor([message]))).toBe('not_resolved');
  });

  it('takes one rating per resolution, and again after the next resolution', () => {
    const rated: RatingEvent = { id: 'x1', type: 'rated', data: { rating: 4, resolvedEventId: 'r1' } };
    expect(codeOf(() => ratingTargetFor([resolved('r1'), asked('r1'), rated]))).toBe('already_rated');
    expect(ratingTargetFor([resolved('r1'), rated, reopened, resolved('r2')])).toBe('r2');
  });

  it('shows the customer the resolution to rate and the rating they gave it', () => {
    const rated: RatingEvent = { id: 'x1', type: 'rated', data: { rating: 4, resolvedEventId: 'r1' } };
    expect(ratingStatusOf([message])).toEqual({ resolvedEventId: null, given: null });
    expect(ratingStatusOf([resolved('r1')])).toEqual({ resolvedEventId: 'r1', given: null });
    expect(ratingStatusOf([resolved('r1'), rated])).toEqual({ resolvedEventId: 'r1', given: 4 });
    expect(ratingStatusOf([resolved('r1', 'abandoned')])).toEqual({ resolvedEventId: null, given: null });
  });
});

describe('checking a rating', () => {
  it('accepts 1 to 5 stars with an optional comment, trimmed, blank meaning none', () => {
    expect(checkRating({ rating: 5 })).toEqual({ rating: 5, comment: null });
    expect(checkRating({ rating: 1, comment: '  slow reply \r\n' })).toEqual({
      rating: 1,
      comment: 'slow reply',
    });
    expect(checkRating({ rating: 3, comment: '   ' })).toEqual({ rating: 3, comment: null });
  });

  it('accepts a comment of exactly 1,000 characters and refuses one longer', () => {
    expect(checkRating({ rating: 4, comment: 'a'.repeat(1000) }).comment).toHaveLength(1000);
    expect(codeOf(() => checkRating({ rating: 4, comment: 'a'.repeat(1001) }))).toBe('invalid_input');
  });

  it('refuses anything but a whole number from 1 to 5, and a comment that is not text', () => {
    for (const rating of [0, 6, 4.5, '5', null, undefined]) {
      expect(
        codeOf(() => checkRating({ rating })),
        String(rating),
      ).toBe('invalid_input');
    }
    expect(codeOf(() => checkRating({ rating: 5, comment: 42 }))).toBe('invalid_input');
  });

  it('produces exactly what the `rated` event schema accepts', () => {
    const checked = checkRating({ rating: 2, comment: 'x'.repeat(1000) });
    expect(validateEvent('rated', { ...checked, resolvedEventId: 'r1' }).kind).toBe('valid');
  });
});
