/**
 * The §9 report split into groups (`baton metrics --by`): consecutive days or ISO weeks of the
 * window, or one group per category or team; and the groups as CSV, one row each.
 */
import type { MetricsReport } from './metrics-report.ts';

export const metricsGroupings = ['day', 'week', 'category', 'team'] as const;
export type MetricsGrouping = (typeof metricsGroupings)[number];

export interface MetricsPeriod {
  /** The period's first day, YYYY-MM-DD (a week's Monday). */
  readonly key: string;
  readonly from: Date;
  readonly to: Date;
}

const DAY_MS = 86_400_000;
const dayKey = (time: number): string => new Date(time).toISOString().slice(0, 10);

/**
 * The UTC days, or the ISO weeks (Monday to Sunday), that the window [from, to) touches, each
 * clipped to the window so the groups add up to the whole.
 */
export const metricsPeriods = (from: Date, to: Date, by: 'day' | 'week'): MetricsPeriod[] => {
  const firstDay = Math.floor(from.getTime() / DAY_MS) * DAY_MS;
  const weekday = (new Date(firstDay).getUTCDay() + 6) % 7;
  let start = by === 'week' ? firstDay - weekday * DAY_MS : firstDay;
  const step = by === 'week' ? 7 * DAY_MS : DAY_MS;
  const periods: MetricsPeriod[] = [];
  while (start < to.getTime()) {
    const end = start + step;
    periods.push({
      key: dayKey(start),
      from: new Date(Math.max(start, from.getTime())),
      to: new Date(Math.min(end, to.getTime())),
    });
    start = end;
  }
  return periods;
};

/** The report's numbers as flat columns (nested keys joined with dots); the per-category map is left out. */
const columnsOf = (report: MetricsReport): [string, number | null][] =>
  Object.entries(report).flatMap(([key, value]): [string, number | null][] => {
    if (key === 'aiResolutionRateByCategory') return [];
    if (typeof value === 'object' && value !== null) {
      return Object.entries(value).map(([inner, number]) => [
        `${key}.${inner}`,
        typeof number === 'number' ? number : null,
      ]);
    }
    return [[key, typeof value === 'number' ? value : null]];
  });

/** A CSV field: quoted when it holds a comma, a quote or a line break (RFC 4180). */
const field = (text: string): string => (/[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text);

/** One header line and one line per group; an empty cell where a number has nothing to count. */
export const metricsCsv = (
  groupColumn: string,
  groups: readonly { readonly group: string; readonly report: MetricsReport }[],
): string => {
  const first = groups[0];
  const header = [groupColumn, ...(first ? columnsOf(first.report).map(([key]) => key) : [])];
  const rows = groups.map(({ group, report }) => [
    field(group),
    ...columnsOf(report).map(([, value]) => (value === null ? '' : String(value))),
  ]);
  return [header.map(field), ...rows].map((row) => `${row.join(',')}\r\n`).join('');
};
