import { describe, expect, it } from 'vitest';
import { percentile } from './percentile.ts';
import {
  histogramPercentile,
  TIME_PERCENTILE_ERROR,
  type TimeBucketCount,
  timeBucketOf,
  timeBucketSeconds,
  withinTimeBound,
} from './time-histogram.ts';

const histogramOf = (values: readonly number[]): TimeBucketCount[] => {
  const counts = new Map<number, number>();
  for (const value of values) {
    const bucket = timeBucketOf(value);
    counts.set(bucket, (counts.get(bucket) ?? 0) + 1);
  }
  return [...counts].map(([bucket, count]) => ({ bucket, count }));
};

describe('time histograms (percentiles within a stated bound)', () => {
  it('stands for every time by a value within the bound, keeping their order', () => {
    const times = [0, 0.4, 1, 2, 59.9, 60, 61, 3_599, 86_400, 604_800, 2_592_000];
    for (const seconds of times) {
      const standIn = timeBucketSeconds(timeBucketOf(seconds));
      expect(Math.abs(standIn - seconds)).toBeLessThanOrEqual(TIME_PERCENTILE_ERROR * (seconds + 1) + 1e-9);
    }
    const standIns = times.map((seconds) => timeBucketSeconds(timeBucketOf(seconds)));
    expect(standIns).toEqual([...standIns].sort((a, b) => a - b));
  });

  it('mirrors negative times below zero', () => {
    expect(timeBucketOf(-5)).toBeLessThan(timeBucketOf(0));
    expect(timeBucketSeconds(timeBucketOf(-5))).toBeCloseTo(-timeBucketSeconds(timeBucketOf(5)), 12);
  });

  it('gives percentiles within the bound of percentile_cont on spread-out times', () => {
    const times = Array.from({ length: 997 }, (_, i) => ((i * 7919) % 997) ** 1.7 / 3);
    for (const fraction of [0, 0.1, 0.5, 0.9, 0.99, 1]) {
      const exact = percentile(times, fraction);
      const approximate = histogramPercentile(histogramOf(times), fraction);
      expect(withinTimeBound(approximate, exact), `p${fraction * 100}: ${approximate} vs ${exact}`).toBe(
        true,
      );
    }
  });

  it('interpolates between two ranks as percentile_cont does, and is null for nothing', () => {
    // 10 s and 1000 s: the median is halfway between their stand-ins.
    const histogram = histogramOf([10, 1000]);
    const halfway = (timeBucketSeconds(timeBucketOf(10)) + timeBucketSeconds(timeBucketOf(1000))) / 2;
    expect(histogramPercentile(histogram, 0.5)).toBeCloseTo(halfway, 9);
    expect(histogramPercentile([], 0.5)).toBeNull();
    expect(withinTimeBound(null, null)).toBe(true);
    expect(withinTimeBound(1, null)).toBe(false);
    expect(withinTimeBound(120, 100)).toBe(false);
  });
});
