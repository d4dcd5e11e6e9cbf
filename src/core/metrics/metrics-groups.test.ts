import { describe, expect, it } from 'vitest';
import { computeMetrics } from './compute-metrics.ts';
import { metricsCsv, metricsPeriods } from './metrics-groups.ts';

const settings = { asOf: new Date(0), humanHourlyCost: null, aiCostPerTurn: 0, baselineHandleSeconds: {} };

describe('metricsPeriods', () => {
  it('splits a window into UTC days, the first and last clipped to it', () => {
    const periods = metricsPeriods(new Date('2026-03-02T12:00:00Z'), new Date('2026-03-04T06:00:00Z'), 'day');
    expect(periods.map((p) => [p.key, p.from.toISOString(), p.to.toISOString()])).toEqual([
      ['2026-03-02', '2026-03-02T12:00:00.000Z', '2026-03-03T00:00:00.000Z'],
      ['2026-03-03', '2026-03-03T00:00:00.000Z', '2026-03-04T00:00:00.000Z'],
      ['2026-03-04', '2026-03-04T00:00:00.000Z', '2026-03-04T06:00:00.000Z'],
    ]);
  });

  it('splits a window into ISO weeks keyed by their Monday', () => {
    // 2026-03-04 is a Wednesday; 2026-03-16 a Monday.
    const periods = metricsPeriods(
      new Date('2026-03-04T00:00:00Z'),
      new Date('2026-03-17T00:00:00Z'),
      'week',
    );
    expect(periods.map((p) => p.key)).toEqual(['2026-03-02', '2026-03-09', '2026-03-16']);
    expect(periods[0]?.from.toISOString()).toBe('2026-03-04T00:00:00.000Z');
    expect(periods[2]?.to.toISOString()).toBe('2026-03-17T00:00:00.000Z');
  });
});

describe('metricsCsv', () => {
  it('writes a header and one row per group, nested numbers as dotted columns and nothing as an empty cell', () => {
    const empty = computeMetrics([], settings);
    const csv = metricsCsv('category', [{ group: 'returns, exchanges', report: empty }]);
    const [header, row, end] = csv.split('\r\n');
    expect(header?.split(',').slice(0, 3)).toEqual(['category', 'conversations', 'involvementRate']);
    expect(header).toContain('csat.aiOnly');
    expect(header).toContain('timeToFirstResponse.p90');
    expect(header).not.toContain('aiResolutionRateByCategory');
    expect(row?.startsWith('"returns, exchanges",0,,')).toBe(true);
    expect(row?.split(',').length).toBe((header?.split(',').length ?? 0) + 1); // the quoted comma
    expect(end).toBe('');
  });
});
