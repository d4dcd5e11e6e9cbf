/** What the inbox says about a reply owed: "First reply due in 12 min", "Next reply overdue by 3 min". */
import type { ResponseDueView } from '../../../src/api/response-target-schemas.ts';

const MINUTE_MS = 60_000;

const span = (minutes: number): string => {
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`;
};

export interface ResponseTimerText {
  readonly text: string;
  readonly overdue: boolean;
}

/** The timer's words at `now`; a reply due within the current minute counts as due in 1 min. */
export const responseTimerText = (due: ResponseDueView, now: number): ResponseTimerText => {
  const reply = due.kind === 'first_response' ? 'First reply' : 'Next reply';
  const left = new Date(due.dueAt).getTime() - now;
  if (left > 0) return { text: `${reply} due in ${span(Math.ceil(left / MINUTE_MS))}`, overdue: false };
  return { text: `${reply} overdue by ${span(Math.max(1, Math.floor(-left / MINUTE_MS)))}`, overdue: true };
};
