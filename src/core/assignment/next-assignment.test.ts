import { describe, expect, it } from 'vitest';
import type { AssignableAgent } from './choose-agent.ts';
import { nextAssignment, type QueuedConversation } from './next-assignment.ts';

const now = new Date('2026-03-02T10:00:00Z');
const minutesAgo = (m: number) => new Date(now.getTime() - m * 60_000);

const queued = (id: string, fields: Partial<QueuedConversation> = {}): QueuedConversation => ({
  id,
  teamKey: 'billing',
  priority: 0,
  queuedAt: minutesAgo(1),
  createdAt: minutesAgo(30),
  ...fields,
});

const agent = (id: string, fields: Partial<AssignableAgent> = {}): AssignableAgent => ({
  id,
  teamKeys: ['billing'],
  status: 'available',
  capacity: 2,
  lastAssignedAt: null,
  ...fields,
});

describe('nextAssignment', () => {
  it('gives the longest-waiting conversation of the highest priority to someone with room', () => {
    const next = nextAssignment(
      [
        queued('new', { queuedAt: minutesAgo(1) }),
        queued('old', { queuedAt: minutesAgo(9) }),
        queued('low', { priority: -1, queuedAt: minutesAgo(60) }),
      ],
      [agent('maya')],
      new Map(),
      now,
    );
    expect(next?.conversation.id).toBe('old');
    expect(next?.agent.id).toBe('maya');
  });

  it('puts a higher priority ahead of a longer wait', () => {
    const next = nextAssignment(
      [
        queued('waiting', { queuedAt: minutesAgo(20) }),
        queued('urgent', { priority: 2, queuedAt: minutesAgo(1) }),
      ],
      [agent('maya')],
      new Map(),
      now,
    );
    expect(next?.conversation.id).toBe('urgent');
  });

  it('skips a team whose agents are all full and serves the next team in queue order', () => {
    const next = nextAssignment(
      [
        queued('billing-1', { queuedAt: minutesAgo(9) }),
        queued('shipping-1', { teamKey: 'shipping', queuedAt: minutesAgo(2) }),
      ],
      [agent('maya', { capacity: 1 }), agent('sam', { teamKeys: ['shipping'] })],
      new Map([['maya', 1]]),
      now,
    );
    expect(next).toMatchObject({ conversation: { id: 'shipping-1' }, agent: { id: 'sam' } });
  });

  it('assigns nothing when nobody is available', () => {
    expect(nextAssignment([queued('c1')], [agent('maya', { status: 'away' })], new Map(), now)).toBeNull();
  });

  it('does not hand a conversation straight back to the agent who sent it back to the queue', () => {
    const agents = [agent('maya'), agent('sam', { capacity: 1 })];
    const sentBack = { conversationId: 'c1', agentId: 'maya' };
    expect(nextAssignment([queued('c1')], agents, new Map(), now, sentBack)?.agent.id).toBe('sam');
    expect(nextAssignment([queued('c1')], [agent('maya')], new Map(), now, sentBack)).toBeNull();
  });

  it('gives a returning customer back to the person who last resolved their conversation, when they have room', () => {
    const agents = [agent('maya'), agent('leo', { lastAssignedAt: minutesAgo(5) })];
    const back = queued('back', { returningAgentId: 'leo' });
    // Maya would be next by the team's rule (assigned less recently); Leo knows the case.
    expect(nextAssignment([back], agents, new Map(), now)?.agent.id).toBe('leo');
    expect(nextAssignment([queued('new')], agents, new Map(), now)?.agent.id).toBe('maya');
  });

  it('falls back to the team’s rule when the returning customer’s person is away, full, on another team or sent it back', () => {
    const back = queued('back', { returningAgentId: 'leo' });
    const maya = agent('maya');
    const cases: { leo: AssignableAgent; open?: Map<string, number>; sentBack?: boolean }[] = [
      { leo: agent('leo', { status: 'away' }) },
      { leo: agent('leo'), open: new Map([['leo', 2]]) },
      { leo: agent('leo', { teamKeys: ['shipping'] }) },
      { leo: agent('leo'), sentBack: true },
    ];
    for (const { leo, open, sentBack } of cases) {
      const next = nextAssignment(
        [back],
        [maya, leo],
        open ?? new Map(),
        now,
        sentBack ? { conversationId: 'back', agentId: 'leo' } : null,
      );
      expect(next?.agent.id).toBe('maya');
    }
  });

  it('never lets a returning customer jump the queue: the order stays the queue’s', () => {
    const next = nextAssignment(
      [queued('waiting', { queuedAt: minutesAgo(9) }), queued('back', { returningAgentId: 'maya' })],
      [agent('maya', { capacity: 1 })],
      new Map(),
      now,
    );
    expect(next?.conversation.id).toBe('waiting');
  });
});
