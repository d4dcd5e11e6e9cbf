/** After a resolution the chat asks once how it went: 1–5 stars and an optional comment (CSAT). */
import { type FormEvent, useState } from 'react';
import type { CustomerConversation } from '../../../src/api/schemas.ts';
import { ApiError } from '../shared/api.ts';

const STARS = [1, 2, 3, 4, 5] as const;
const LABELS: Record<(typeof STARS)[number], string> = {
  1: 'Very poor',
  2: 'Poor',
  3: 'OK',
  4: 'Good',
  5: 'Excellent',
};

export const RatingPrompt = ({
  rating,
  onRate,
}: {
  readonly rating: CustomerConversation['rating'];
  readonly onRate: (stars: number, comment: string) => Promise<void>;
}) => {
  const [stars, setStars] = useState<number | null>(null);
  const [comment, setComment] = useState('');
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (!rating.asked) return null;
  if (rating.given !== null) {
    return (
      <p className="rating-thanks" data-testid="rating-thanks">
        Thanks for rating this conversation {rating.given} out of 5.
      </p>
    );
  }
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (stars === null || sending) return;
    setSending(true);
    setError(null);
    try {
      await onRate(stars, comment);
    } catch (e) {
      setError(e instanceof ApiError ? e.message : 'Could not send your rating. Try again.');
    } finally {
      setSending(false);
    }
  };
  return (
    <form className="rating-prompt" onSubmit={submit} data-testid="rating-prompt">
      <fieldset>
        <legend>How did we do?</legend>
        <div className="rating-stars">
          {STARS.map((value) => (
            <label key={value} className={stars !== null && value <= stars ? 'on' : ''}>
              <input
                type="radio"
                name="rating"
                value={value}
                checked={stars === value}
                onChange={() => setStars(value)}
              />
              <span aria-hidden="true">★</span>
              <span className="visually-hidden">
                {value} – {LABELS[value]}
              </span>
            </label>
          ))}
        </div>
      </fieldset>
      <textarea
        aria-label="Anything to add? (optional)"
        placeholder="Anything to add? (optional)"
        value={comment}
        maxLength={1000}
        onChange={(e) => setComment(e.target.value)}
      />
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <button type="submit" disabled={stars === null || sending}>
        Send rating
      </button>
    </form>
  );
};
