import { describe, expect, it } from 'vitest';
import { type AssignableAgent, chooseAgent } from './choose-agent.ts';

const now = new Date('2025-03-05T10:00:00Z');
const agent = (id: string, overrides: Partial<AssignableAgent> = {}): AssignableAgent => ({
  id,
  teamKeys: ['billing'],
  status: 'available',
  capacity: 3,
  lastAssignedAt: null,
  ...overrides,
});

describe('chooseAgent', () => {
  it('picks the least-loaded available agent on the team', () => {
    const agents = [agent('a'), agent('b'), agent('c')];
    expect(chooseAgent(agents, { a: 2, b: 0, c: 1 }, 'billing', now)?.id).toBe('b');
  });

  it('compares load as a share of capacity', () => {
    const agents = [agent('a', { capacity: 2 }), agent('b', { capacity: 4 })];
    const openCounts = new Map([
      ['a', 1],
      ['b', 1],
    ]);
    expect(chooseAgent(agents, openCounts, 'billing', now)?.id).toBe('b');
  });

  it('breaks ties by who was assigned least recently, never-assigned first', () => {
    const agents = [
      agent('a', { lastAssignedAt: new Date('2025-03-05T09:50:00Z') }),
      agent('b', { lastAssignedAt: new Date('2025-03-05T09:10:00Z') }),
      agent('c', { lastAssignedAt: null }),
    ];
    expect(chooseAgent(agents, {}, 'billing', now)?.id).toBe('c');
    expect(chooseAgent(agents.slice(0, 2), {}, 'billing', now)?.id).toBe('b');
  });

  it('skips agents who are away, on another team, or full', () => {
    const agents = [
      agent('away', { status: 'away' }),
      agent('other', { teamKeys: ['shipping'] }),
      agent('full', { capacity: 2 }),
    ];
    expect(chooseAgent(agents, { full: 2 }, 'billing', now)).toBeNull();
  });

  it('returns null when the team has nobody', () => {
    expect(chooseAgent([], {}, 'billing', now)).toBeNull();
  });
});
