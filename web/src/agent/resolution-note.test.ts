import { describe, expect, it } from 'vitest';
import type { ConversationDetail } from '../../../src/api/schemas.ts';
import { resolutionNote } from './resolution-note.ts';

const detail = (
  events: readonly { type: string; actor: string; data: Record<string, unknown> }[],
  assignee: { id: string; name: string } | null = null,
): ConversationDetail =>
  ({
    conversation: { assigneeId: assignee?.id ?? null, assigneeName: assignee?.name ?? null },
    events: events.map((event, index) => ({ id: String(index), at: '2026-12-07T10:00:00Z', ...event })),
  }) as unknown as ConversationDetail;

const resolved = (by: string, actor = 'system') => ({ type: 'resolved', actor, data: { by } });

describe('resolutionNote', () => {
  it('names the person who resolved it when they hold it, and says "a person" otherwise', () => {
    const maya = { id: 'a1', name: 'Maya' };
    expect(resolutionNote(detail([resolved('agent', 'agent:a1')], maya))).toBe(
      'Resolved by Maya. A reply from the customer reopens it.',
    );
    expect(resolutionNote(detail([resolved('agent', 'agent:a2')], maya))).toMatch(/^Resolved by a person\./);
  });

  it('tells a confirmed AI answer from one assumed after quiet and from a customer who left', () => {
    expect(resolutionNote(detail([resolved('ai_confirmed', 'customer:c1')]))).toMatch(
      /^Resolved by the AI: the customer said its answer solved it\./,
    );
    expect(resolutionNote(detail([resolved('ai_assumed')]))).toMatch(/went quiet after its answer/);
    expect(resolutionNote(detail([resolved('abandoned')]))).toMatch(/^Closed: the customer left/);
  });

  it('reads the latest resolution of a conversation resolved, reopened and resolved again', () => {
    const events = [
      resolved('ai_assumed'),
      { type: 'reopened', actor: 'customer:c1', data: {} },
      resolved('agent', 'agent:a1'),
    ];
    expect(resolutionNote(detail(events, { id: 'a1', name: 'Leo' }))).toMatch(/^Resolved by Leo\./);
    expect(resolutionNote(detail([]))).toBe('Resolved. A reply from the customer reopens it.');
  });
});
