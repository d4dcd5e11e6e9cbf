import { describe, expect, it } from 'vitest';
import type { MessageView } from '../../../src/api/schemas.ts';
import { noticeForChange, statusLine, timeline } from './chat-timeline.ts';

const message = (
  id: string,
  author: MessageView['author'],
  authorName: string | null = null,
): MessageView => ({
  id,
  author,
  authorName,
  kind: 'message',
  body: `body ${id}`,
  citations: [],
  createdAt: '2026-03-01T10:00:00Z',
});
const assigned = { state: 'assigned' as const, teamName: 'Billing', assigneeName: 'Maya Chen' };

describe('statusLine', () => {
  it('does not say "talking with" a person who was assigned but has not written', () => {
    expect(statusLine(assigned, [message('1', 'customer')])).toBe(
      'Maya Chen (Billing) has your conversation and will reply here',
    );
  });

  it('says "talking with" once the assigned person has written', () => {
    expect(statusLine(assigned, [message('1', 'customer'), message('2', 'agent', 'Maya Chen')])).toBe(
      'You’re talking with Maya Chen (Billing)',
    );
  });

  it('names whoever replied when the assigned person has not written', () => {
    expect(statusLine(assigned, [message('1', 'customer'), message('2', 'agent', 'Sam Rivera')])).toBe(
      'You’re talking with Sam Rivera (Billing)',
    );
  });

  it('does not name someone who passed the conversation on as the person you talk with now', () => {
    const passed = { ...assigned, assigneeName: 'Sam Rivera' };
    const handover = { id: 'n', kind: 'handover' as const, afterMessageId: '2', text: 'passed' };
    expect(statusLine(passed, [message('2', 'agent', 'Maya Chen')], [handover])).toMatch(
      /^Sam Rivera .*has your conversation/,
    );
  });
});

describe('noticeForChange', () => {
  it('notes a pass from one person to another and a resolution, nothing for a first assignment', () => {
    const queued = { state: 'queued' as const, teamName: 'Billing', assigneeName: null };
    expect(noticeForChange(queued, assigned, 'm1', 1)).toBeNull();
    expect(noticeForChange(assigned, { ...assigned, assigneeName: 'Sam Rivera' }, 'm1', 2)?.text).toBe(
      'Maya Chen passed your conversation to Sam Rivera.',
    );
    expect(noticeForChange(assigned, { ...assigned, state: 'resolved' }, 'm1', 3)?.text).toMatch(/resolved/);
  });
});

describe('timeline', () => {
  it('puts "joined" before a person’s first reply, live notices after their message, and a resolution at the end', () => {
    const items = timeline(
      [message('1', 'customer'), message('2', 'agent', 'Maya Chen'), message('3', 'agent', 'Maya Chen')],
      [{ id: 'n', kind: 'handover', afterMessageId: '1', text: 'Waiting' }],
      'resolved',
    );
    expect(items.map((i) => (i.kind === 'message' ? i.message.id : i.notice.text))).toEqual([
      '1',
      'Waiting',
      'Maya Chen joined the conversation',
      '2',
      '3',
      'This conversation was resolved. Write again any time to reopen it.',
    ]);
  });
});
