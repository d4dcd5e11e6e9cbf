import { describe, expect, it } from 'vitest';
import { type LabelForVerdict, verdictPerConversation } from './verdict-per-conversation.ts';

const at = (minute: number) => new Date(Date.UTC(2026, 11, 1, 9, minute));
const label = (
  conversationId: string,
  source: LabelForVerdict['source'],
  verdict: LabelForVerdict['label'],
  minute: number,
): LabelForVerdict => ({ conversationId, source, label: verdict, updatedAt: at(minute) });

describe('one verdict per conversation', () => {
  it('keeps the reviewer’s label over a flag, and the latest label of the same kind', () => {
    const chosen = verdictPerConversation([
      label('c1', 'review', 'correct', 5),
      label('c1', 'flag', 'incorrect', 9),
      label('c2', 'flag', 'incorrect', 1),
      label('c2', 'flag', 'incomplete', 4),
      label('c3', 'review', 'incomplete', 7),
      label('c3', 'review', 'should_have_escalated', 2),
    ]);
    expect(chosen.map((l) => [l.conversationId, l.label])).toEqual([
      ['c1', 'correct'],
      ['c2', 'incomplete'],
      ['c3', 'incomplete'],
    ]);
  });
});
