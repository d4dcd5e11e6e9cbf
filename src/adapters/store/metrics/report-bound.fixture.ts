/**
 * Compares a report read with histogram percentiles to the pure core's: every count, rate and sum
 * to `digits` places, each time percentile within docs/metrics.md's bound of the exact one.
 */
import { expect } from 'vitest';
import { type MetricsReport, withinTimeBound } from '../../../core/metrics/index.ts';
import { expectSameReport } from '../../../core/metrics/report-matcher.fixture.ts';

const times = ['timeToFirstResponse', 'timeToResolution', 'handleTime'] as const;

export const expectReportWithinTimeBound = (
  actual: unknown,
  expected: MetricsReport,
  digits: number,
): void => {
  if (typeof actual !== 'object' || actual === null) throw new Error('the report is not an object');
  const spreads = new Map(Object.entries(actual));
  for (const time of times) {
    const approximate: unknown = spreads.get(time);
    for (const part of ['p50', 'p90'] as const) {
      const value =
        typeof approximate === 'object' && approximate !== null ? Object.entries(approximate) : [];
      const got = value.find(([key]) => key === part)?.[1];
      const exact = expected[time][part];
      expect(
        withinTimeBound(typeof got === 'number' ? got : null, exact),
        `${time}.${part}: ${String(got)} against exactly ${exact}`,
      ).toBe(true);
    }
    spreads.set(time, expected[time]);
  }
  expectSameReport(Object.fromEntries(spreads), expected, digits);
};
