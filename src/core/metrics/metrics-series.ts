/**
 * The §9 counts over time and the conversations behind a number: per UTC day or ISO week of the
 * first customer message, each rate as its two counts (so a chart and a drill-down agree to the
 * conversation), and which conversations one count is made of.
 */
import type { ConversationFacts } from './conversation-facts.ts';
import {
  type RateContext,
  type RateDefinition,
  type RateMetric,
  rateDefinitions,
  type SetMetric,
  setDefinitions,
} from './metric-definitions.ts';
import { filterFacts, type MetricsFilter } from './metrics-filter.ts';

export const seriesBuckets = ['day', 'week'] as const;
export type SeriesBucket = (typeof seriesBuckets)[number];

/** A rate's two counts: the conversations it is counted among, and those among them that count. */
export interface RateCount {
  readonly of: number;
  readonly counts: number;
}

export interface MetricsSeriesPoint {
  /** The period's first day, YYYY-MM-DD (a week's Monday), in UTC. */
  readonly period: string;
  readonly conversations: number;
  readonly rates: Readonly<Record<RateMetric, RateCount>>;
}

export const rateMetricNames = Object.keys(rateDefinitions).filter((key): key is RateMetric =>
  Object.hasOwn(rateDefinitions, key),
);

const DAY_MS = 86_400_000;

/** The UTC day, or the Monday of the ISO week, that `at` falls in. */
export const periodOf = (at: Date, by: SeriesBucket): string => {
  const day = Math.floor(at.getTime() / DAY_MS) * DAY_MS;
  const start = by === 'week' ? day - ((new Date(day).getUTCDay() + 6) % 7) * DAY_MS : day;
  return new Date(start).toISOString().slice(0, 10);
};

/** One value per rate, written out so a new rate fails to compile here until it is counted. */
export const perRate = <T>(make: (metric: RateMetric) => T): Record<RateMetric, T> => ({
  involvementRate: make('involvementRate'),
  aiResolutionRate: make('aiResolutionRate'),
  handoffRate: make('handoffRate'),
  automationRate: make('automationRate'),
  recontactRateAfterAi: make('recontactRateAfterAi'),
  durableAiResolutionRate: make('durableAiResolutionRate'),
  missedEscalations: make('missedEscalations'),
  combined24hResolutionRate: make('combined24hResolutionRate'),
  firstContactResolution: make('firstContactResolution'),
  csatAiOnly: make('csatAiOnly'),
  csatHandedOver: make('csatHandedOver'),
  csatHumanOnly: make('csatHumanOnly'),
});

const noCounts = (): Record<RateMetric, RateCount> => perRate(() => ({ of: 0, counts: 0 }));

/** A period with nothing in it: zero conversations, every rate 0 of 0. */
export const emptyPoint = (period: string): MetricsSeriesPoint => ({
  period,
  conversations: 0,
  rates: noCounts(),
});

/** The filtered conversations' counts per period that has any, oldest first. */
export const metricsSeries = (
  rows: readonly ConversationFacts[],
  context: RateContext,
  filter: MetricsFilter,
  by: SeriesBucket,
): MetricsSeriesPoint[] => {
  const points = new Map<string, { conversations: number; rates: Record<RateMetric, RateCount> }>();
  for (const row of filterFacts(rows, filter)) {
    if (row.firstCustomerMessageAt === null) continue;
    const period = periodOf(row.firstCustomerMessageAt, by);
    const point = points.get(period) ?? { conversations: 0, rates: noCounts() };
    point.conversations += 1;
    for (const metric of rateMetricNames) {
      const definition: RateDefinition = rateDefinitions[metric];
      if (!definition.of(row, context)) continue;
      const counted = definition.counts(row, context);
      const before = point.rates[metric];
      point.rates[metric] = { of: before.of + 1, counts: before.counts + (counted ? 1 : 0) };
    }
    points.set(period, point);
  }
  return [...points.entries()]
    .sort(([a], [b]) => byCodeUnits(a, b))
    .map(([period, point]) => ({ period, ...point }));
};

/** Which number a drill-down opens: every conversation, or one side of a rate. */
export type DrillMetric = RateMetric | SetMetric | 'conversations';
export type DrillPart = 'of' | 'counts';
const setMetricNames = Object.keys(setDefinitions).filter((key): key is SetMetric =>
  Object.hasOwn(setDefinitions, key),
);
export const drillMetricNames: readonly DrillMetric[] = [
  'conversations',
  ...rateMetricNames,
  ...setMetricNames,
];

export const isSetMetric = (metric: DrillMetric): metric is SetMetric =>
  Object.hasOwn(setDefinitions, metric);

/** Whether a filtered conversation is one of the number's: among a rate's `of`, or also `counts`. */
export const countedIn = (
  row: ConversationFacts,
  context: RateContext,
  metric: DrillMetric,
  part: DrillPart,
): boolean => {
  if (metric === 'conversations') return true;
  const definition: RateDefinition = isSetMetric(metric) ? setDefinitions[metric] : rateDefinitions[metric];
  if (!definition.of(row, context)) return false;
  return part === 'of' || definition.counts(row, context);
};

// As PostgreSQL orders uuids (bytes, so lowercase hex in code-unit order), not by locale.
const byCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** The conversations behind one number, newest first message first (ties by id). */
export const drillFacts = (
  rows: readonly ConversationFacts[],
  context: RateContext,
  filter: MetricsFilter,
  metric: DrillMetric,
  part: DrillPart,
): ConversationFacts[] =>
  filterFacts(rows, filter)
    .filter((row) => countedIn(row, context, metric, part))
    .sort(
      (a, b) =>
        (b.firstCustomerMessageAt?.getTime() ?? 0) - (a.firstCustomerMessageAt?.getTime() ?? 0) ||
        byCodeUnits(a.conversationId, b.conversationId),
    );
