import { describe, expect, it } from 'vitest';
import { unreadCounts } from './unread-counts.ts';

const billing = (id: string) => ({ id, teamKey: 'billing' });
const shipping = (id: string) => ({ id, teamKey: 'shipping' });

describe('unreadCounts', () => {
  it('counts each view and team queue, and titles the queues and my conversations once each', () => {
    const counts = unreadCounts({
      queue: [billing('a'), billing('b'), shipping('c')],
      mine: [billing('a'), shipping('d')],
      ai: [{ id: 'e', teamKey: null }],
    });
    expect(counts).toEqual({
      views: { queue: 3, mine: 2, ai: 1 },
      teams: { billing: 2, shipping: 1 },
      total: 4,
    });
  });

  it('is all zeros when nothing is unread', () => {
    expect(unreadCounts({ queue: [], mine: [], ai: [] })).toEqual({
      views: { queue: 0, mine: 0, ai: 0 },
      teams: {},
      total: 0,
    });
  });
});
