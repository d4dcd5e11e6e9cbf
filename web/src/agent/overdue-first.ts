/** The "Overdue first" order of the inbox list: replies owed soonest (most overdue) first, the rest as the server sent them. */
import type { ConversationSummary } from '../../../src/api/schemas.ts';

const dueTime = (row: ConversationSummary): number | null =>
  row.responseDue ? new Date(row.responseDue.dueAt).getTime() : null;

/** Rows with a running timer by due time, earliest first; rows without one keep their order after them. */
export const overdueFirst = (rows: readonly ConversationSummary[]): ConversationSummary[] => {
  const timed = rows.filter((row) => dueTime(row) !== null);
  const untimed = rows.filter((row) => dueTime(row) === null);
  // Array.prototype.sort is stable: rows due at the same time keep the server's order.
  return [...timed.sort((a, b) => (dueTime(a) ?? 0) - (dueTime(b) ?? 0)), ...untimed];
};
