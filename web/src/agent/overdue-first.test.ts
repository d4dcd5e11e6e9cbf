import { describe, expect, it } from 'vitest';
import type { ConversationSummary } from '../../../src/api/schemas.ts';
import { overdueFirst } from './overdue-first.ts';

const row = (id: string, dueAt: string | null): ConversationSummary => ({
  id,
  state: 'queued',
  teamKey: 'billing',
  assigneeId: null,
  assigneeName: null,
  category: null,
  priority: 1,
  customerName: id,
  subject: null,
  lastMessagePreview: null,
  lastMessageAt: null,
  waitingOnCustomer: false,
  createdAt: '2026-03-02T09:00:00.000Z',
  hold: null,
  responseDue: dueAt === null ? null : { kind: 'first_response', dueAt, targetMinutes: 60 },
});

describe('overdueFirst', () => {
  it('puts the earliest due reply first and rows without a timer last, in their order', () => {
    const rows = [
      row('no-timer-a', null),
      row('due-later', '2026-03-02T11:00:00.000Z'),
      row('overdue', '2026-03-02T08:00:00.000Z'),
      row('no-timer-b', null),
      row('due-soon', '2026-03-02T09:05:00.000Z'),
    ];
    expect(overdueFirst(rows).map((r) => r.id)).toEqual([
      'overdue',
      'due-soon',
      'due-later',
      'no-timer-a',
      'no-timer-b',
    ]);
  });

  it('keeps the server order of rows due at the same time and leaves the input alone', () => {
    const rows = [row('b', '2026-03-02T09:00:00.000Z'), row('a', '2026-03-02T09:00:00.000Z')];
    expect(overdueFirst(rows).map((r) => r.id)).toEqual(['b', 'a']);
    expect(rows.map((r) => r.id)).toEqual(['b', 'a']);
  });
});
