import { describe, expect, it } from 'vitest';
import { isoWeekOf, isoWeekRange, nextIsoWeek, previousIsoWeek } from './iso-week.ts';

describe('ISO weeks', () => {
  it.each([
    ['2026-11-23T00:00:00Z', '2026-W48'],
    ['2026-11-29T23:59:59Z', '2026-W48'],
    ['2027-01-01T12:00:00Z', '2026-W53'],
    ['2025-12-29T00:00:00Z', '2026-W01'],
    ['2021-01-03T00:00:00Z', '2020-W53'],
  ])('%s is in %s', (at, week) => {
    expect(isoWeekOf(new Date(at))).toBe(week);
  });

  it('gives a week its Monday-to-Monday range and refuses weeks that do not exist', () => {
    expect(isoWeekRange('2026-W48')).toEqual({
      start: new Date('2026-11-23T00:00:00Z'),
      end: new Date('2026-11-30T00:00:00Z'),
    });
    expect(isoWeekRange('2025-W53')).toBeNull();
    expect(isoWeekRange('2026-48')).toBeNull();
    expect(previousIsoWeek('2026-W01')).toBe('2025-W52');
    expect(nextIsoWeek('2025-W52')).toBe('2026-W01');
    expect(nextIsoWeek('2026-W48')).toBe('2026-W49');
    expect(nextIsoWeek('2026-48')).toBeNull();
  });
});
