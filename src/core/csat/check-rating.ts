/** A customer's rating as they send it: a whole number of stars from 1 to 5 and an optional comment. */
import { DomainError } from '../errors.ts';
import { MAX_RATING_COMMENT_CHARS } from '../events/index.ts';

export interface Rating {
  readonly rating: 1 | 2 | 3 | 4 | 5;
  /** Trimmed; null when absent or blank. */
  readonly comment: string | null;
}

const stars = [1, 2, 3, 4, 5] as const;

/** The rating to store, or a DomainError (`invalid_input`) that says what to send instead. */
export const checkRating = (input: { readonly rating: unknown; readonly comment?: unknown }): Rating => {
  const rating = stars.find((value) => value === input.rating);
  if (rating === undefined) {
    throw new DomainError('invalid_input', 'The rating must be a whole number from 1 to 5 (5 is best).', {
      field: 'rating',
    });
  }
  if (input.comment !== undefined && input.comment !== null && typeof input.comment !== 'string') {
    throw new DomainError('invalid_input', 'The comment must be text, or left out.', { field: 'comment' });
  }
  const comment = typeof input.comment === 'string' ? input.comment.replace(/\r\n/g, '\n').trim() : '';
  if (comment.length > MAX_RATING_COMMENT_CHARS) {
    throw new DomainError(
      'invalid_input',
      `The comment is ${comment.length} characters; the limit is ${MAX_RATING_COMMENT_CHARS}. Shorten it.`,
      { field: 'comment', length: comment.length, limit: MAX_RATING_COMMENT_CHARS },
    );
  }
  return { rating, comment: comment === '' ? null : comment };
};
