/**
 * The SPEC §9 report's queries: every count and sum of a window, its time percentiles (exact, or
 * from the day histograms) and the per-category pass — each over the daily rollup's whole days
 * plus the facts rows the rollup does not stand for (daily-rollup.sql.ts) — and the report built
 * from their rows.
 */
import { type RawBuilder, sql } from 'kysely';
import {
  histogramSpread,
  type MetricSettings,
  type MetricsFilter,
  type MetricsReport,
  type RateMetric,
  type Spread,
  type TimeBucketCount,
} from '../../../core/metrics/index.ts';
import {
  factsAggregates,
  factsConditions,
  factsTimeBuckets,
  rateColumn,
  rolledUpFor,
  rollupColumns,
  rollupDays,
  rollupRows,
  rollupSums,
  uncoveredFacts,
} from './daily-rollup.sql.ts';
import { resolvedSql } from './metric-definitions.sql.ts';

export type Row = Record<string, unknown>;

export const numberOrNull = (value: unknown): number | null =>
  value === null || value === undefined ? null : Number(value);

export const ratio = (top: unknown, bottom: unknown): number | null => {
  const denominator = Number(bottom ?? 0);
  return denominator === 0 ? null : Number(top ?? 0) / denominator;
};

/** The conversations a report counts (as filterFacts in the core), as rows `f`. */
export const factsCte = (workspaceId: string, filter: MetricsFilter): RawBuilder<unknown> =>
  sql`SELECT f.* FROM conversation_facts f WHERE ${factsConditions(workspaceId, filter)}`;

const seconds = (from: string, to: string) => sql.raw(`extract(epoch from (${to} - ${from}))::float8`);
// Both percentiles from one sort: the array form of percentile_cont sorts its input once.
const percentiles = (name: string, value: RawBuilder<unknown>, where: RawBuilder<unknown>) => [
  sql`percentile_cont(ARRAY[0.5, 0.9]::float8[]) WITHIN GROUP (ORDER BY ${value}) FILTER (WHERE ${where}) AS ${sql.ref(`${name}_p`)}`,
];

/** The exact time percentiles (percentile_cont over the rows): one sort each, so only for small windows. */
export const percentileColumns = (): RawBuilder<unknown>[] => [
  ...percentiles(
    'first_response',
    seconds('first_customer_message_at', 'first_response_at'),
    sql`first_response_at IS NOT NULL`,
  ),
  ...percentiles('resolution', seconds('first_customer_message_at', 'resolved_at'), resolvedSql),
  ...percentiles('handle', sql`handle_seconds`, sql`handle_seconds IS NOT NULL`),
];

/** Every count and sum of the window: the rollup's whole days plus the facts it does not stand for. */
export const countsQuery = (workspaceId: string, filter: MetricsFilter, asOf: Date) => {
  const days = rollupDays(filter, asOf);
  const rest = uncoveredFacts(workspaceId, filter, days);
  if (days === null) return sql<Row>`SELECT ${factsAggregates(asOf)} FROM (${rest}) f`;
  const rollup = rollupRows('conversation_facts_daily', workspaceId, filter, days, rolledUpFor(filter));
  return sql<Row>`SELECT ${rollupSums('p')} FROM (
    SELECT ${rollupColumns('d')} FROM (${rollup}) d
    UNION ALL SELECT ${factsAggregates(asOf)} FROM (${rest}) f) p`;
};

/** The window's three time histograms: the rollup's day buckets plus the facts it does not stand for. */
export const timeBucketsQuery = (workspaceId: string, filter: MetricsFilter, asOf: Date) => {
  const days = rollupDays(filter, asOf);
  const rest = factsTimeBuckets(uncoveredFacts(workspaceId, filter, days));
  const parts =
    days === null
      ? rest
      : sql`SELECT d.measure, d.bucket, d.n
          FROM (${rollupRows('conversation_facts_daily_times', workspaceId, filter, days, rolledUpFor(filter))}) d
          UNION ALL ${rest}`;
  return sql<{ measure: unknown; bucket: unknown; n: unknown }>`
    SELECT measure, bucket, sum(n) AS n FROM (${parts}) t GROUP BY measure, bucket`;
};

export const spreadsFromBuckets = (
  rows: readonly { measure: unknown; bucket: unknown; n: unknown }[],
): Row => {
  const histogram = (measure: number): TimeBucketCount[] =>
    rows
      .filter((row) => Number(row.measure) === measure)
      .map((row) => ({ bucket: Number(row.bucket), count: Number(row.n) }));
  const asPair = (spread: Spread) => [spread.p50, spread.p90];
  return {
    first_response_p: asPair(histogramSpread(histogram(1))),
    resolution_p: asPair(histogramSpread(histogram(2))),
    handle_p: asPair(histogramSpread(histogram(3))),
  };
};

/**
 * One grouped pass per category: the AI resolution rate's two counts, the category's historical
 * handle time (people alone) and what AI-involved conversations still cost people. Time saved —
 * the mean of (category baseline − human seconds spent) over AI-involved conversations whose
 * category has a baseline — is Σ(n·baseline − spent) ÷ Σn over those categories, the same mean
 * without a second scan. The rollup's rows per category stand for its whole days.
 */
export const byCategoryQuery = (
  workspaceId: string,
  filter: MetricsFilter,
  asOf: Date,
  configured: Readonly<Record<string, number>>,
) => {
  const days = rollupDays(filter, asOf);
  const rest = uncoveredFacts(workspaceId, filter, days);
  const baseline = sql`NOT f.ai_involved AND f.resolution = 'human' AND f.handle_seconds IS NOT NULL`;
  const fromFacts = sql`SELECT f.category,
      count(*) FILTER (WHERE f.ai_involved) AS of,
      count(*) FILTER (WHERE f.ai_involved AND f.resolution = 'ai') AS counts,
      count(*) FILTER (WHERE ${baseline}) AS baseline_conversations,
      coalesce(sum(f.handle_seconds) FILTER (WHERE ${baseline}), 0) AS baseline_seconds,
      coalesce(sum(coalesce(f.handle_seconds, 0)) FILTER (WHERE f.ai_involved), 0) AS ai_spent_seconds
    FROM (${rest}) f GROUP BY f.category`;
  const parts =
    days === null
      ? fromFacts
      : sql`SELECT d.category, d.ai_resolution_rate_of AS of, d.ai_resolution_rate_counts AS counts,
            d.baseline_conversations, d.baseline_seconds, d.ai_spent_seconds
          FROM (${rollupRows('conversation_facts_daily', workspaceId, filter, days, rolledUpFor(filter, true))}) d
          UNION ALL ${fromFacts}`;
  return sql<{ category: string | null; of: unknown; counts: unknown; time_saved: unknown }>`
  WITH g AS (
    SELECT category, sum(of)::float8 AS of, sum(counts) AS counts,
      sum(baseline_seconds) / nullif(sum(baseline_conversations), 0)::float8 AS history,
      sum(ai_spent_seconds) AS spent
    FROM (${parts}) p
    WHERE category IS NOT NULL
    GROUP BY category
  ),
  saved AS (
    SELECT sum(of * baseline - spent) / nullif(sum(of), 0) AS seconds
    FROM (
      SELECT of, spent, coalesce((${JSON.stringify(configured)}::jsonb ->> category)::float8, history) AS baseline
      FROM g
    ) b
    WHERE baseline IS NOT NULL AND of > 0
  )
  SELECT g.category, g.of, g.counts, saved.seconds AS time_saved
  FROM saved LEFT JOIN g ON g.of > 0
  ORDER BY g.category`;
};

export const toReport = (
  row: Row,
  settings: MetricSettings,
  timeSaved: number | null,
  byCategory: Record<string, number | null>,
): MetricsReport => {
  const rateOf = (metric: RateMetric) =>
    ratio(row[rateColumn(metric, 'counts')], row[rateColumn(metric, 'of')]);
  const resolvedCount = Number(row.resolved ?? 0);
  const hourly = settings.humanHourlyCost;
  const cost =
    Number(row.ai_cost ?? 0) +
    Number(row.ai_turns ?? 0) * settings.aiCostPerTurn +
    (Number(row.handle_seconds ?? 0) / 3600) * (hourly ?? 0);
  const spread = (name: string) => {
    const both = row[`${name}_p`];
    return {
      p50: numberOrNull(Array.isArray(both) ? both[0] : null),
      p90: numberOrNull(Array.isArray(both) ? both[1] : null),
    };
  };
  return {
    conversations: Number(row.conversations ?? 0),
    involvementRate: rateOf('involvementRate'),
    aiResolutionRate: rateOf('aiResolutionRate'),
    aiResolutionRateByCategory: byCategory,
    automationRate: rateOf('automationRate'),
    handoffRate: rateOf('handoffRate'),
    recontactRateAfterAi: rateOf('recontactRateAfterAi'),
    durableAiResolutionRate: rateOf('durableAiResolutionRate'),
    timeSavedPerAiConversation: timeSaved,
    escalationPrecision: ratio(row.handoffs_judged_needed, row.handoffs_judged),
    missedEscalations: rateOf('missedEscalations'),
    knowledgeCoverage: ratio(row.ai_questions_covered, row.ai_questions),
    combined24hResolutionRate: rateOf('combined24hResolutionRate'),
    csat: {
      aiOnly: rateOf('csatAiOnly'),
      handedOver: rateOf('csatHandedOver'),
      humanOnly: rateOf('csatHumanOnly'),
    },
    firstContactResolution: rateOf('firstContactResolution'),
    timeToFirstResponse: spread('first_response'),
    timeToResolution: spread('resolution'),
    handleTime: spread('handle'),
    waitEstimateMae: ratio(row.wait_error_seconds, row.waits_measured),
    costPerResolved: hourly === null || resolvedCount === 0 ? null : cost / resolvedCount,
  };
};
