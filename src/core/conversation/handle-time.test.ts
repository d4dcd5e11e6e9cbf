import { describe, expect, it } from 'vitest';
import { humanHandleTimes, median } from './handle-time.ts';

const at = (minute: number) => new Date(Date.UTC(2026, 10, 24, 9, minute));
const event = (conversationId: string, type: string, minute: number, data: Record<string, unknown> = {}) => ({
  conversationId,
  type,
  at: at(minute),
  data,
});

describe('human handle time', () => {
  it('runs from the first pick-up to the person’s resolution, with the team it was picked up for', () => {
    const times = humanHandleTimes([
      event('c1', 'assigned', 0, { teamKey: 'billing' }),
      event('c1', 'assigned', 5, { teamKey: 'orders' }),
      event('c1', 'resolved', 12, { resolution: 'human' }),
    ]);
    expect(times.get('c1')).toEqual({ minutes: 12, teamKey: 'billing' });
  });

  it('ignores conversations nobody picked up and resolutions that were not a person’s', () => {
    const times = humanHandleTimes([
      event('c1', 'resolved', 3, { resolution: 'human' }),
      event('c2', 'assigned', 0),
      event('c2', 'resolved', 30, { resolution: 'ai' }),
    ]);
    expect(times.size).toBe(0);
  });
});

describe('median', () => {
  it('takes the middle value, or the mean of the two middle ones', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 10])).toBe(3.5);
    expect(median([])).toBeNaN();
  });
});
