/** One conversation under review: transcript, sources, decision trace, earlier labels, handoff packet, and the label keys. */
import { useCallback, useEffect, useState } from 'react';
import type {
  ReviewConversation,
  ReviewLabelRequest,
  ReviewLabelView,
  ReviewQueueItem,
} from '../../../src/api/review-schemas.ts';
import { reviewRootCauses } from '../../../src/core/events/vocabulary.ts';
import { DecisionTrace } from '../agent/decision-trace.tsx';
import { apiCall } from '../shared/api.ts';
import { MessageBubble } from '../shared/message-bubble.tsx';
import { ReviewHandoff } from './review-handoff.tsx';
import { labelKeys, nextToReview, type ReviewLabelName, reviewKeyAction } from './review-keys.ts';

const words = (value: string) => value.replaceAll('_', ' ');

const isField = (target: EventTarget | null) =>
  target instanceof HTMLElement && ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);

const Sources = ({ detail }: { detail: ReviewConversation }) => {
  const cited = detail.messages.filter((m) => m.author === 'ai').flatMap((m) => m.citations);
  const unique = [...new Map(cited.map((c) => [c.articleId, c])).values()];
  return (
    <section className="review-sources" aria-label="Sources">
      <h3>Sources the AI cited</h3>
      {unique.length === 0 ? (
        <p>None.</p>
      ) : (
        <ul>
          {unique.map((c) => (
            <li key={c.articleId}>
              {c.title} <code>{c.slug}</code>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
};

const Labels = ({ labels }: { labels: readonly ReviewLabelView[] }) =>
  labels.length === 0 ? null : (
    <section className="review-labels" aria-label="Labels so far">
      <h3>Labels so far</h3>
      <ul>
        {labels.map((l) => (
          <li key={`${l.source}-${l.authorId}-${l.messageId ?? ''}`} data-testid="stored-label">
            {l.source === 'flag' ? 'Flag' : 'Review'} by {l.authorName}: <strong>{words(l.label)}</strong>
            {l.rootCause ? ` (${words(l.rootCause)})` : ''}
            {l.correctAnswer ? ` — should say: “${l.correctAnswer}”` : ''}
            {l.notes ? ` — ${l.notes}` : ''}
          </li>
        ))}
      </ul>
    </section>
  );

export const ReviewPane = (props: {
  item: ReviewQueueItem;
  items: readonly ReviewQueueItem[];
  index: number;
  onMove: (index: number) => void;
  /** Called with what was saved, before moving on. */
  onLabelled: (saved: string) => void;
}) => {
  const { item, items, index, onMove, onLabelled } = props;
  const [detail, setDetail] = useState<ReviewConversation | null>(null);
  const [rootCause, setRootCause] = useState(item.label?.rootCause ?? '');
  const [notes, setNotes] = useState(item.label?.notes ?? '');
  const [correctAnswer, setCorrectAnswer] = useState(item.label?.correctAnswer ?? '');
  const [status, setStatus] = useState<string | null>(null);

  useEffect(() => {
    apiCall<ReviewConversation>('GET', `/api/review/conversations/${item.conversationId}`)
      .then(setDetail)
      .catch((problem: Error) => setStatus(problem.message));
  }, [item.conversationId]);

  const save = useCallback(
    async (label: ReviewLabelName) => {
      const body: ReviewLabelRequest = {
        label,
        rootCause: reviewRootCauses.find((cause) => cause === rootCause) ?? null,
        notes: notes.trim() || null,
        correctAnswer: correctAnswer.trim() || null,
      };
      try {
        await apiCall('PUT', `/api/review/conversations/${item.conversationId}/label`, { body });
        onLabelled(`Saved: ${words(label)}.`);
        onMove(
          nextToReview(
            items.map((entry, n) => n === index || entry.label !== null),
            index,
          ),
        );
      } catch (problem) {
        setStatus(problem instanceof Error ? problem.message : 'Saving failed. Try again.');
      }
    },
    [item.conversationId, rootCause, notes, correctAnswer, items, index, onLabelled, onMove],
  );

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const modified = event.ctrlKey || event.metaKey || event.altKey;
      const action = reviewKeyAction(event.key, isField(event.target), modified);
      if (action === null) return;
      event.preventDefault();
      if (action.kind === 'label') void save(action.label);
      else if (action.kind === 'next') onMove(Math.min(items.length - 1, index + 1));
      else onMove(Math.max(0, index - 1));
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [save, onMove, items.length, index]);

  return (
    <article className="review-pane" aria-label="Conversation under review">
      <header>
        <h2>{detail?.subject ?? item.subject ?? 'Conversation'}</h2>
        <p>
          {detail?.customerName ?? ''} · {item.category} ·{' '}
          {item.source === 'flag' ? 'flagged by an agent' : 'sampled'}
          {' · '}stands for {item.weight.toFixed(1)} conversation{item.weight === 1 ? '' : 's'} of the week
        </p>
      </header>
      <div className="review-columns">
        <section aria-label="Transcript">
          <h3>Transcript</h3>
          <ol className="transcript">
            {detail?.messages.map((m) => (
              <MessageBubble key={m.id} message={m} viewer="agent" />
            ))}
          </ol>
        </section>
        <section aria-label="Why the AI did this">
          {detail && <Sources detail={detail} />}
          {detail?.decision && <DecisionTrace decision={detail.decision} />}
          {detail && <Labels labels={detail.labels} />}
        </section>
        {detail && <ReviewHandoff handoff={detail.handoff} />}
      </div>
      <form className="review-form" onSubmit={(event) => event.preventDefault()}>
        <label>
          Root cause
          <select value={rootCause} onChange={(event) => setRootCause(event.target.value)}>
            <option value="">none</option>
            {reviewRootCauses.map((cause) => (
              <option key={cause} value={cause}>
                {words(cause)}
              </option>
            ))}
          </select>
        </label>
        <label>
          Correct answer
          <textarea
            value={correctAnswer}
            onChange={(event) => setCorrectAnswer(event.target.value)}
            rows={2}
          />
        </label>
        <label>
          Notes
          <textarea value={notes} onChange={(event) => setNotes(event.target.value)} rows={2} />
        </label>
        <fieldset className="review-buttons">
          <legend>Label</legend>
          {labelKeys.map((entry) => (
            <button
              key={entry.key}
              type="button"
              aria-keyshortcuts={entry.key}
              aria-pressed={item.label?.label === entry.label}
              onClick={() => void save(entry.label)}
            >
              <kbd>{entry.key}</kbd> {entry.text}
            </button>
          ))}
        </fieldset>
        <p className="review-hint">Keys: 1–5 label and go on to the next; j / k next and previous.</p>
        {status && (
          <p role="status" className="review-status">
            {status}
          </p>
        )}
      </form>
    </article>
  );
};
