/** The SPEC §9 report as SQL aggregates over `conversation_facts` (never a replay of events in JavaScript). */
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
import type { MetricsRepository } from '../../../core/ports/metrics.ts';
import type { Db } from '../database.ts';
import { toEvent } from '../mappers.ts';
import { type FactsTables, toFactsRow } from './conversation-facts.table.ts';
import {
  factsAggregates,
  factsConditions,
  factsTimeBuckets,
  rateColumn,
  refreshRollupDays,
  rolledUpFor,
  rollupColumns,
  rollupDays,
  rollupRows,
  rollupSums,
  uncoveredFacts,
} from './daily-rollup.sql.ts';
import { resolvedSql } from './metric-definitions.sql.ts';
import { drillPage, seriesQuery, toSeriesPoint } from './metrics-series.sql.ts';

/**
 * Up to this many conversations in a window, the time percentiles are percentile_cont over the
 * rows (a sort of at most this many values each); above it, they come from the day histograms.
 */
const EXACT_PERCENTILES_UP_TO = 10_000;

/** Rows per INSERT: 34 parameters a row stays far below PostgreSQL's 65,535 bind parameters. */
const SAVE_BATCH = 500;

type Row = Record<string, unknown>;

type StaleTables = FactsTables & {
  conversation_facts_stale: { conversation_id: string; workspace_id: string; marked_at: Date };
};

const numberOrNull = (value: unknown): number | null =>
  value === null || value === undefined ? null : Number(value);

const ratio = (top: unknown, bottom: unknown): number | null => {
  const denominator = Number(bottom ?? 0);
  return denominator === 0 ? null : Number(top ?? 0) / denominator;
};

/** The conversations a report counts (as filterFacts in the core), as rows `f`. */
const factsCte = (workspaceId: string, filter: MetricsFilter): RawBuilder<unknown> =>
  sql`SELECT f.* FROM conversation_facts f WHERE ${factsConditions(workspaceId, filter)}`;

const seconds = (from: string, to: string) => sql.raw(`extract(epoch from (${to} - ${from}))::float8`);
// Both percentiles from one sort: the array form of percentile_cont sorts its input once.
const percentiles = (name: string, value: RawBuilder<unknown>, where: RawBuilder<unknown>) => [
  sql`percentile_cont(ARRAY[0.5, 0.9]::float8[]) WITHIN GROUP (ORDER BY ${value}) FILTER (WHERE ${where}) AS ${sql.ref(`${name}_p`)}`,
];

/** The exact time percentiles (percentile_cont over the rows): one sort each, so only for small windows. */
const percentileColumns = (): RawBuilder<unknown>[] => [
  ...percentiles(
    'first_response',
    seconds('first_customer_message_at', 'first_response_at'),
    sql`first_response_at IS NOT NULL`,
  ),
  ...percentiles('resolution', seconds('first_customer_message_at', 'resolved_at'), resolvedSql),
  ...percentiles('handle', sql`handle_seconds`, sql`handle_seconds IS NOT NULL`),
];

/** Every count and sum of the window: the rollup's whole days plus the facts it does not stand for. */
const countsQuery = (workspaceId: string, filter: MetricsFilter, asOf: Date) => {
  const days = rollupDays(filter, asOf);
  const rest = uncoveredFacts(workspaceId, filter, days);
  if (days === null) return sql<Row>`SELECT ${factsAggregates(asOf)} FROM (${rest}) f`;
  const rollup = rollupRows('conversation_facts_daily', workspaceId, filter, days, rolledUpFor(filter));
  return sql<Row>`SELECT ${rollupSums('p')} FROM (
    SELECT ${rollupColumns('d')} FROM (${rollup}) d
    UNION ALL SELECT ${factsAggregates(asOf)} FROM (${rest}) f) p`;
};

/** The window's three time histograms: the rollup's day buckets plus the facts it does not stand for. */
const timeBucketsQuery = (workspaceId: string, filter: MetricsFilter, asOf: Date) => {
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

const spreadsFromBuckets = (rows: readonly { measure: unknown; bucket: unknown; n: unknown }[]): Row => {
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
const byCategoryQuery = (
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

const toReport = (
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

/**
 * The metrics repository over any Baton database handle (the tables are added by migrations 0030
 * and 0074). Windows of up to `exactPercentilesUpTo` conversations get exact time percentiles.
 */
export const metricsRepository = (
  store: Db,
  now: () => Date = () => new Date(),
  { exactPercentilesUpTo = EXACT_PERCENTILES_UP_TO }: { readonly exactPercentilesUpTo?: number } = {},
): MetricsRepository => {
  const db = store.withTables<StaleTables>();
  return {
    async saveFacts(workspaceId, facts) {
      for (let start = 0; start < facts.length; start += SAVE_BATCH) {
        const rows = facts.slice(start, start + SAVE_BATCH).map((row) => toFactsRow(workspaceId, row, now()));
        await db
          .insertInto('conversation_facts')
          .values(rows)
          .onConflict((conflict) =>
            conflict.column('conversation_id').doUpdateSet((eb) => {
              const columns = Object.keys(rows[0] ?? {}).filter(
                (column): column is keyof (typeof rows)[number] => column !== 'conversation_id',
              );
              return Object.fromEntries(columns.map((column) => [column, eb.ref(`excluded.${column}`)]));
            }),
          )
          .execute();
      }
    },

    async report(workspaceId, settings, filter = {}) {
      const [aggregate, buckets, categories] = await Promise.all([
        countsQuery(workspaceId, filter, settings.asOf).execute(db),
        timeBucketsQuery(workspaceId, filter, settings.asOf).execute(db),
        byCategoryQuery(workspaceId, filter, settings.asOf, settings.baselineHandleSeconds).execute(db),
      ]);
      const byCategory: Record<string, number | null> = {};
      for (const row of categories.rows) {
        if (row.category !== null) byCategory[row.category] = ratio(row.counts, row.of);
      }
      const timeSaved = numberOrNull(categories.rows[0]?.time_saved);
      const counted = aggregate.rows[0] ?? {};
      // Small windows get exact percentiles; above, the histograms' are within the stated bound.
      const times =
        Number(counted.conversations ?? 0) <= exactPercentilesUpTo
          ? ((
              await sql<Row>`WITH f AS (${factsCte(workspaceId, filter)}) SELECT ${sql.join(percentileColumns())} FROM f`.execute(
                db,
              )
            ).rows[0] ?? {})
          : spreadsFromBuckets(buckets.rows);
      return toReport({ ...counted, ...times }, settings, timeSaved, byCategory);
    },

    async series(workspaceId, settings, filter, by) {
      const days = rollupDays(filter, settings.asOf);
      const { rows } = await seriesQuery(workspaceId, filter, settings.asOf, by, days).execute(db);
      return rows.map(toSeriesPoint);
    },

    refreshDays(workspaceId) {
      return refreshRollupDays(store, workspaceId);
    },

    conversationsBehind(workspaceId, settings, filter, number, page) {
      return drillPage(store, factsCte(workspaceId, filter), { asOf: settings.asOf, ...number, ...page });
    },

    async takeStale(workspaceId, limit) {
      const { rows } = await sql<{ customer_id: string }>`
        WITH taken AS (
          DELETE FROM conversation_facts_stale s
          WHERE s.conversation_id IN (
            SELECT conversation_id FROM conversation_facts_stale
            WHERE workspace_id = ${workspaceId}
            ORDER BY marked_at
            LIMIT ${limit}
            FOR UPDATE SKIP LOCKED
          )
          RETURNING s.conversation_id
        )
        SELECT DISTINCT c.customer_id FROM taken JOIN conversations c ON c.id = taken.conversation_id`.execute(
        db,
      );
      return rows.map((row) => row.customer_id);
    },

    async eventsOfCustomers(workspaceId, customerIds) {
      if (customerIds.length === 0) return [];
      const rows = await store
        .selectFrom('conversation_events as e')
        .innerJoin('conversations as c', 'c.id', 'e.conversation_id')
        .selectAll('e')
        .where('c.workspace_id', '=', workspaceId)
        .where('c.customer_id', 'in', customerIds)
        .orderBy('e.conversation_id')
        .orderBy('e.seq')
        .execute();
      return rows.map(toEvent);
    },

    async queueDepths(workspaceId) {
      const { rows } = await sql<Record<string, unknown>>`
        SELECT
          (SELECT count(*) FROM ai_jobs WHERE workspace_id = ${workspaceId} AND state = 'queued') AS ai_queued,
          (SELECT count(*) FROM ai_jobs WHERE workspace_id = ${workspaceId} AND state = 'running') AS ai_running,
          (SELECT count(*) FROM conversations WHERE workspace_id = ${workspaceId} AND state = 'queued') AS handoffs,
          (SELECT count(*) FROM conversation_facts_stale WHERE workspace_id = ${workspaceId}) AS stale`.execute(
        db,
      );
      const row = rows[0] ?? {};
      return {
        aiTurnsQueued: Number(row.ai_queued ?? 0),
        aiTurnsRunning: Number(row.ai_running ?? 0),
        handoffsWaiting: Number(row.handoffs ?? 0),
        factsStale: Number(row.stale ?? 0),
      };
    },

    async staleCount(workspaceId) {
      const row = await db
        .selectFrom('conversation_facts_stale')
        .select((eb) => eb.fn.countAll<string>().as('count'))
        .where('workspace_id', '=', workspaceId)
        .executeTakeFirst();
      return Number(row?.count ?? 0);
    },
  };
};
