import { describe, expect, it } from 'vitest';
import { dayOf, duration, money, percent } from './metric-format.ts';

describe('analytics number formats', () => {
  it('writes rates as percentages and nothing counted as a dash', () => {
    expect(percent(null)).toBe('—');
    expect(percent(0)).toBe('0%');
    expect(percent(1)).toBe('100%');
    expect(percent(0.4567)).toBe('45.7%');
  });

  it('writes seconds in the unit a person reads', () => {
    expect(duration(null)).toBe('—');
    expect(duration(42)).toBe('42 s');
    expect(duration(600)).toBe('10 min');
    expect(duration(7200)).toBe('2.0 h');
    expect(money(3.456)).toBe('3.46');
    expect(dayOf(new Date(Date.UTC(2026, 2, 9, 23)))).toBe('2026-03-09');
  });
});
