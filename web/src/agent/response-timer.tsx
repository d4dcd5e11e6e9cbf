/** The reply a person owes on a conversation, counting down (or up, once overdue) without a reload. */
import { useEffect, useState } from 'react';
import type { ResponseDueView } from '../../../src/api/response-target-schemas.ts';
import { responseTimerText } from './response-timer-text.ts';
import './response-timer.css';

/** Often enough that a minute-rounded countdown is never more than a quarter of a minute behind. */
const TICK_MS = 15_000;

/** The time now, renewed every few seconds while a timer shows. */
const useTicking = (active: boolean): number => {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!active) return;
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), TICK_MS);
    return () => clearInterval(timer);
  }, [active]);
  return now;
};

export const ResponseTimer = ({ due }: { due: ResponseDueView | null | undefined }) => {
  const now = useTicking(Boolean(due));
  if (!due) return null;
  const { text, overdue } = responseTimerText(due, now);
  return (
    <span
      className={`tag response-due${overdue ? ' overdue' : ''}`}
      data-testid="response-timer"
      title={`Target: ${due.targetMinutes} min`}
    >
      {text}
    </span>
  );
};
