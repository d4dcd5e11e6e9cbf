/** The SPEC §9 report as SQL aggregates over `conversation_facts` (never a replay of events in JavaScript). */
import { type RawBuilder, sql } from 'kysely';
import type {
  MetricSettings,
  MetricsFilter,
  MetricsReport,
  RateMetric,
} from '../../../core/metrics/index.ts';
import { rateDefinitions } from '../../../core/metrics/index.ts';
import type { MetricsRepository } from '../../../core/ports/metrics.ts';
import type { Db } from '../database.ts';
import { toEvent } from '../mappers.ts';
import { type FactsTables, toFactsRow } from './conversation-facts.table.ts';
import { rateSql, resolvedSql } from './metric-definitions.sql.ts';
import { drillPage, seriesQuery, toSeriesPoint } from './metrics-series.sql.ts';

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

/** The conversations a report counts (as filterFacts in the core). */
const factsCte = (workspaceId: string, filter: MetricsFilter): RawBuilder<unknown> => {
  const conditions: RawBuilder<unknown>[] = [
    sql`workspace_id = ${workspaceId}`,
    sql`first_customer_message_at IS NOT NULL`,
  ];
  if (filter.from) conditions.push(sql`first_customer_message_at >= ${filter.from}::timestamptz`);
  if (filter.to) conditions.push(sql`first_customer_message_at < ${filter.to}::timestamptz`);
  if (filter.category !== undefined) conditions.push(sql`category = ${filter.category}`);
  if (filter.teamKey !== undefined) conditions.push(sql`team_key = ${filter.teamKey}`);
  if (filter.channel !== undefined) conditions.push(sql`channel = ${filter.channel}`);
  return sql`SELECT * FROM conversation_facts WHERE ${sql.join(conditions, sql` AND `)}`;
};

const seconds = (from: string, to: string) => sql.raw(`extract(epoch from (${to} - ${from}))::float8`);
// Both percentiles from one sort: the array form of percentile_cont sorts its input once.
const percentiles = (name: string, value: RawBuilder<unknown>, where: RawBuilder<unknown>) => [
  sql`percentile_cont(ARRAY[0.5, 0.9]::float8[]) WITHIN GROUP (ORDER BY ${value}) FILTER (WHERE ${where}) AS ${sql.ref(`${name}_p`)}`,
];

const rateMetrics = Object.keys(rateDefinitions).filter((key): key is RateMetric =>
  Object.hasOwn(rateDefinitions, key),
);

/** One pass over the filtered rows: every rate's two counts and the sums. */
const aggregateColumns = (asOf: Date): RawBuilder<unknown>[] => {
  const rates = rateSql(asOf);
  return [
    sql`count(*) AS conversations`,
    ...rateMetrics.flatMap((metric) => [
      sql`count(*) FILTER (WHERE ${rates[metric].of}) AS ${sql.ref(`${metric}_of`)}`,
      sql`count(*) FILTER (WHERE (${rates[metric].of}) AND (${rates[metric].counts})) AS ${sql.ref(`${metric}_counts`)}`,
    ]),
    sql`count(*) FILTER (WHERE ${resolvedSql}) AS resolved`,
    sql`sum(handoffs_judged) AS handoffs_judged, sum(handoffs_judged_needed) AS handoffs_judged_needed`,
    sql`sum(ai_questions) AS ai_questions, sum(ai_questions_covered) AS ai_questions_covered`,
    sql`sum(waits_measured) AS waits_measured, sum(wait_error_seconds) AS wait_error_seconds`,
    sql`sum(ai_cost) AS ai_cost, sum(ai_turns) AS ai_turns, sum(coalesce(handle_seconds, 0)) AS handle_seconds`,
  ];
};

/**
 * The time percentiles, in a query of their own: ordered-set aggregates cannot run in parallel
 * workers, so beside the counts they would hold the whole pass to one core.
 */
const percentileColumns = (): RawBuilder<unknown>[] => [
  ...percentiles(
    'first_response',
    seconds('first_customer_message_at', 'first_response_at'),
    sql`first_response_at IS NOT NULL`,
  ),
  ...percentiles('resolution', seconds('first_customer_message_at', 'resolved_at'), resolvedSql),
  ...percentiles('handle', sql`handle_seconds`, sql`handle_seconds IS NOT NULL`),
];

/**
 * One grouped pass per category: the AI resolution rate's two counts, the category's historical
 * handle time (people alone) and what AI-involved conversations still cost people. Time saved —
 * the mean of (category baseline − human seconds spent) over AI-involved conversations whose
 * category has a baseline — is Σ(n·baseline − spent) ÷ Σn over those categories, the same mean
 * without a second scan.
 */
const byCategoryQuery = (facts: RawBuilder<unknown>, configured: Readonly<Record<string, number>>) => sql<{
  category: string | null;
  of: unknown;
  counts: unknown;
  time_saved: unknown;
}>`
  WITH f AS (${facts}),
  g AS (
    SELECT category,
      count(*) FILTER (WHERE ai_involved) AS of,
      count(*) FILTER (WHERE ai_involved AND resolution = 'ai') AS counts,
      avg(handle_seconds) FILTER (
        WHERE NOT ai_involved AND resolution = 'human' AND handle_seconds IS NOT NULL
      ) AS history,
      sum(coalesce(handle_seconds, 0)) FILTER (WHERE ai_involved) AS spent
    FROM f WHERE category IS NOT NULL
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

const toReport = (
  row: Row,
  settings: MetricSettings,
  timeSaved: number | null,
  byCategory: Record<string, number | null>,
): MetricsReport => {
  const rateOf = (metric: RateMetric) => ratio(row[`${metric}_counts`], row[`${metric}_of`]);
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

/** The metrics repository over any Baton database handle (the table is added by migration 0030). */
export const metricsRepository = (store: Db, now: () => Date = () => new Date()): MetricsRepository => {
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
      const facts = factsCte(workspaceId, filter);
      const [aggregate, times, categories] = await Promise.all([
        sql<Row>`WITH f AS (${facts}) SELECT ${sql.join(aggregateColumns(settings.asOf))} FROM f`.execute(db),
        sql<Row>`WITH f AS (${facts}) SELECT ${sql.join(percentileColumns())} FROM f`.execute(db),
        byCategoryQuery(facts, settings.baselineHandleSeconds).execute(db),
      ]);
      const byCategory: Record<string, number | null> = {};
      for (const row of categories.rows) {
        if (row.category !== null) byCategory[row.category] = ratio(row.counts, row.of);
      }
      const timeSaved = numberOrNull(categories.rows[0]?.time_saved);
      const row = { ...aggregate.rows[0], ...times.rows[0] };
      return toReport(row, settings, timeSaved, byCategory);
    },

    async series(workspaceId, settings, filter, by) {
      const { rows } = await seriesQuery(factsCte(workspaceId, filter), settings.asOf, by).execute(db);
      return rows.map(toSeriesPoint);
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
