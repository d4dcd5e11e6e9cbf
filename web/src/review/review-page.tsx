/**
 * The review screen (SPEC §8, roles qa, ops and admin): the week's flags and sample, one
 * conversation at a time with its transcript, sources and decision trace, labelled from the
 * keyboard (1–5, j/k to move). The sampling weights are shown so every label can be re-weighted.
 */
import { useCallback, useEffect, useState } from 'react';
import type { ReviewQueue } from '../../../src/api/review-schemas.ts';
import { apiCall } from '../shared/api.ts';
import { CoachingFrame } from './coaching-frame.tsx';
import { QueueList } from './queue-list.tsx';
import { ReviewPane } from './review-pane.tsx';

const weekFromAddress = (): string | undefined =>
  new URLSearchParams(window.location.search).get('week') ?? undefined;

const ReviewDesk = () => {
  const [queue, setQueue] = useState<ReviewQueue | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [selected, setSelected] = useState(0);
  const [notice, setNotice] = useState<string | null>(null);
  const load = useCallback(() => {
    const week = weekFromAddress();
    apiCall<ReviewQueue>('GET', `/api/review/queue${week ? `?week=${encodeURIComponent(week)}` : ''}`)
      .then(setQueue)
      .catch((problem: Error) => setError(problem.message));
  }, []);
  useEffect(load, [load]);

  if (error)
    return (
      <p className="review-error" role="alert">
        {error}
      </p>
    );
  if (!queue) return <p className="loading">Loading the week’s queue…</p>;
  const current = queue.items[selected];
  return (
    <div className="review-layout">
      <p role="status" className="review-notice">
        {notice}
      </p>
      <QueueList queue={queue} selected={selected} onSelect={setSelected} />
      {current ? (
        <ReviewPane
          key={current.conversationId}
          item={current}
          items={queue.items}
          index={selected}
          onMove={setSelected}
          onLabelled={(saved) => {
            setNotice(saved);
            load();
          }}
        />
      ) : (
        <p className="review-empty">
          Nothing to review in week {queue.week}: no AI answers and no flags. The links above the queue lead
          to the weeks either side.
        </p>
      )}
    </div>
  );
};

export const ReviewPage = () => (
  <CoachingFrame
    title="Review"
    links={[
      ['/agent', 'Inbox'],
      ['/gaps', 'Knowledge gaps'],
      ['/calibration', 'Calibration'],
      ['/ops', 'Ops console'],
    ]}
  >
    {(agent) =>
      agent.role === 'qa' || agent.role === 'ops' || agent.role === 'admin' ? (
        <ReviewDesk />
      ) : (
        <p className="review-error">Reviewing AI answers is for the qa, ops and admin roles.</p>
      )
    }
  </CoachingFrame>
);
