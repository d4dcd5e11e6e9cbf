/**
 * Under the AI's latest answer: "Did that answer your question?" Yes resolves the conversation as
 * the AI's at once (then the rating question shows); No sends a request for a person, which the AI
 * turn hands over with the whole conversation, as if the customer had typed it.
 */
import { useState } from 'react';
import { ApiError } from '../shared/api.ts';

export const AnswerCheck = ({
  onAnswered,
  onWantsPerson,
}: {
  readonly onAnswered: () => Promise<void>;
  readonly onWantsPerson: () => Promise<void>;
}) => {
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const act = async (action: () => Promise<void>) => {
    if (sending) return;
    setSending(true);
    setError(null);
    try {
      await action();
    } catch (e) {
      setError(
        e instanceof ApiError ? e.message : 'Could not send that. Check your connection and try again.',
      );
    } finally {
      setSending(false);
    }
  };
  return (
    <fieldset className="answer-check" data-testid="answer-check">
      <legend>Did that answer your question?</legend>
      <button type="button" className="primary" disabled={sending} onClick={() => void act(onAnswered)}>
        Yes, thanks
      </button>
      <button type="button" disabled={sending} onClick={() => void act(onWantsPerson)}>
        No, I need a person
      </button>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </fieldset>
  );
};
