import { describe, expect, it } from 'vitest';
import { simulateHistory } from './simulate-history.ts';

const start = new Date(Date.UTC(2026, 2, 2)); // a Monday
const fourWeeks = simulateHistory({ start, days: 28, perDay: 40, seed: 7 });

describe('simulateHistory', () => {
  it('gives the same history for the same seed and another for another seed', () => {
    expect(simulateHistory({ start, days: 28, perDay: 40, seed: 7 })).toEqual(fourWeeks);
    expect(simulateHistory({ start, days: 28, perDay: 40, seed: 8 })).not.toEqual(fourWeeks);
  });

  it('brings about the requested volume, more on weekdays than at the weekend', () => {
    expect(fourWeeks.length).toBeGreaterThan(28 * 40 * 0.85);
    expect(fourWeeks.length).toBeLessThan(28 * 40 * 1.15);
    const byWeekday = [0, 0, 0, 0, 0, 0, 0];
    for (const conversation of fourWeeks) {
      const weekday = (new Date(conversation.messages[0]?.at ?? 0).getUTCDay() + 6) % 7;
      byWeekday[weekday] = (byWeekday[weekday] ?? 0) + 1;
    }
    expect(byWeekday[0]).toBeGreaterThan(byWeekday[6] ?? 0);
  });

  it('starts every conversation with the customer, keeps time order, and stays inside the days asked for', () => {
    const end = start.getTime() + 29 * 86_400_000;
    for (const conversation of fourWeeks) {
      expect(conversation.messages[0]?.role).toBe('customer');
      const times = conversation.messages.map((m) => Date.parse(m.at));
      expect(times).toEqual([...times].sort((a, b) => a - b));
      expect(times[0]).toBeGreaterThanOrEqual(start.getTime());
      expect(times.at(-1)).toBeLessThan(end);
    }
  });

  it('has customers who come back, ratings from 1 to 5 and verdicts on some conversations', () => {
    const customers = new Set(fourWeeks.map((c) => c.customer));
    const returning = 1 - customers.size / fourWeeks.length;
    expect(returning).toBeGreaterThan(0.1);
    expect(returning).toBeLessThan(0.3);
    const ratings = new Set(fourWeeks.flatMap((c) => (c.csat === undefined ? [] : [c.csat])));
    expect([...ratings].sort()).toEqual([1, 2, 3, 4, 5]);
    expect(fourWeeks.some((c) => c.verdict === 'needed')).toBe(true);
    expect(fourWeeks.some((c) => c.review !== undefined)).toBe(true);
  });
});
