import { describe, expect, it } from 'vitest';
import type { Actor, ConversationEvent } from '../model.ts';
import { upgradeLegacyEvents } from './legacy-events.ts';
import { validateEvent } from './validate-event.ts';

let seq = 0;
const event = (
  type: string,
  data: Record<string, unknown>,
  actor: Actor = { kind: 'system' },
): ConversationEvent => {
  seq += 1;
  return { id: `e${seq}`, conversationId: 'c1', type, actor, data, at: new Date(seq * 1000) };
};

const upgradedData = (events: ConversationEvent[]) => upgradeLegacyEvents(events).map((e) => e.data);

describe('upgradeLegacyEvents', () => {
  it('gives an agent resolution its how and its agent from the actor', () => {
    const [data] = upgradedData([
      event('resolved', { resolution: 'human', teamKey: 'billing' }, { kind: 'agent', id: 'a1' }),
    ]);
    expect(data).toEqual({ by: 'agent', resolution: 'human', agentId: 'a1', teamKey: 'billing' });
    expect(validateEvent('resolved', data).kind).toBe('valid');
  });

  it('reads the assumed flag of the quiet-conversation sweep as an assumed AI resolution or an abandonment', () => {
    const data = upgradedData([
      event('resolved', { resolution: 'ai', assumed: true }),
      event('resolved', { resolution: 'abandoned', assumed: true }),
    ]);
    expect(data).toEqual([
      { by: 'ai_assumed', resolution: 'ai', teamKey: null },
      { by: 'abandoned', resolution: 'abandoned', teamKey: null },
    ]);
  });

  it('points a verdict at the latest handoff before it and records what a second verdict changed', () => {
    const first = event('handed_over', { teamKey: 'billing' });
    const second = event('handed_over', { teamKey: 'billing' });
    const data = upgradedData([
      first,
      event('escalation_verdict', { verdict: 'needed' }),
      second,
      event('escalation_verdict', { verdict: 'needed' }),
      event('escalation_verdict', { verdict: 'not_needed' }),
    ]);
    expect(data[1]).toEqual({ verdict: 'needed', handoffEventId: first.id, previous: null });
    expect(data[3]).toEqual({ verdict: 'needed', handoffEventId: second.id, previous: null });
    expect(data[4]).toEqual({ verdict: 'not_needed', handoffEventId: second.id, previous: 'needed' });
  });

  it('leaves events that already have today’s shape, and ones no rule fits, as they are', () => {
    const current = event('resolved', { by: 'ai_assumed', resolution: 'ai', teamKey: null });
    const orphanVerdict = event('escalation_verdict', { verdict: 'needed' });
    const other = event('categorised', { category: 'shipping' });
    expect(upgradeLegacyEvents([current, orphanVerdict, other])).toEqual([current, orphanVerdict, other]);
  });
});
