import { describe, expect, it } from 'vitest';
import { percentile } from './percentile.ts';

describe('percentile (as PostgreSQL percentile_cont)', () => {
  it('interpolates between the closest ranks', () => {
    expect(percentile([10, 20, 30, 40], 0.5)).toBe(25);
    expect(percentile([40, 10, 30, 20], 0.9)).toBeCloseTo(37, 12);
  });

  it('returns the one value, the ends, and null for none', () => {
    expect(percentile([7], 0.9)).toBe(7);
    expect(percentile([1, 2, 3], 0)).toBe(1);
    expect(percentile([1, 2, 3], 1)).toBe(3);
    expect(percentile([], 0.5)).toBeNull();
  });
});
