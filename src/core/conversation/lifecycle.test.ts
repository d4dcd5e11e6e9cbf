import { describe, expect, it } from 'vitest';
import {
  type ConversationState,
  conversationStates,
  type LifecycleCommand,
  lifecycleTable,
  transition,
} from './lifecycle.ts';

const commands: Record<LifecycleCommand['kind'], LifecycleCommand> = {
  hand_over: { kind: 'hand_over', teamKey: 'billing' },
  assign: { kind: 'assign', agentId: 'a1' },
  requeue: { kind: 'requeue', teamKey: 'orders' },
  resolve: { kind: 'resolve', resolution: 'human' },
  reopen: { kind: 'reopen' },
};

const expectedEdges: ReadonlyArray<[LifecycleCommand['kind'], ConversationState, ConversationState | null]> =
  [
    ['hand_over', 'ai', 'queued'],
    ['hand_over', 'queued', null],
    ['hand_over', 'assigned', null],
    ['hand_over', 'resolved', null],
    ['assign', 'ai', 'assigned'],
    ['assign', 'queued', 'assigned'],
    ['assign', 'assigned', 'assigned'],
    ['assign', 'resolved', null],
    ['requeue', 'ai', null],
    ['requeue', 'queued', 'queued'],
    ['requeue', 'assigned', 'queued'],
    ['requeue', 'resolved', null],
    ['resolve', 'ai', 'resolved'],
    ['resolve', 'queued', 'resolved'],
    ['resolve', 'assigned', 'resolved'],
    ['resolve', 'resolved', null],
    ['reopen', 'ai', null],
    ['reopen', 'queued', null],
    ['reopen', 'assigned', null],
    ['reopen', 'resolved', 'ai'],
  ];

describe('conversation lifecycle', () => {
  it('lists every command and state pair exactly once', () => {
    expect(expectedEdges).toHaveLength(Object.keys(lifecycleTable).length * conversationStates.length);
  });

  it.each(expectedEdges)('%s from %s leads to %s', (kind, from, to) => {
    const result = transition(from, commands[kind]);
    if (to === null) {
      expect(result.kind).toBe('rejected');
    } else {
      expect(result).toEqual({ kind: 'moved', from, to });
    }
  });

  it('explains a rejected move in words', () => {
    const result = transition('resolved', commands.hand_over);
    expect(result).toMatchObject({
      kind: 'rejected',
      reason: 'cannot hand over a conversation that is resolved',
    });
  });

  it('lets only the AI-held conversation be resolved by the AI', () => {
    expect(transition('ai', { kind: 'resolve', resolution: 'ai' }).kind).toBe('moved');
    expect(transition('assigned', { kind: 'resolve', resolution: 'ai' }).kind).toBe('rejected');
  });
});
