/**
 * The daily rollup of `conversation_facts` (migration 0074) and how a report splits its window
 * between it and the facts. Whole UTC days that ended more than 24 hours before the report's "now"
 * (so the 24-hour rate's `of` side holds for every row of the day) and are not marked stale come
 * from the rollup; the window's partial days at both ends, its last day or two and any stale day
 * come from the facts rows, aggregated with the very same expressions. Counts and sums are therefore
 * exact; the time percentiles are exact below a size and read from the day histograms above it.
 */
import { type RawBuilder, sql } from 'kysely';
import {
  type MetricsFilter,
  type RateMetric,
  rateMetricNames,
  TIME_BUCKET_RATIO,
} from '../../../core/metrics/index.ts';
import { atomically } from '../atomically.ts';
import type { Db } from '../database.ts';
import { rateSql, resolvedSql } from './metric-definitions.sql.ts';

const DAY_MS = 86_400_000;
/**
 * The rollup is built as of the end of time: every day it serves ended more than 24 hours before
 * the report's "now", so the 24-hour rate counts all its conversations as old enough.
 */
const ROLLUP_AS_OF = new Date(Date.UTC(9999, 11, 31));
/** An arbitrary constant naming the rollup's lock among advisory locks (with the workspace). */
const ROLLUP_LOCK_CLASS = 7_204_674;

/** The rollup column of one side of a rate: involvementRate → involvement_rate_of. */
export const rateColumn = (metric: RateMetric, part: 'of' | 'counts'): string =>
  `${metric.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`)}_${part}`;

const baseline = sql`NOT f.ai_involved AND f.resolution = 'human' AND f.handle_seconds IS NOT NULL`;

/** Every rollup column as an aggregate over facts rows `f` (never NULL, so sums of days add up). */
const countAggregates = (asOf: Date): readonly (readonly [string, RawBuilder<unknown>])[] => {
  const rates = rateSql(asOf);
  return [
    ['conversations', sql`count(*)`],
    ['resolved', sql`count(*) FILTER (WHERE ${resolvedSql})`],
    ['handoffs_judged', sql`coalesce(sum(f.handoffs_judged), 0)`],
    ['handoffs_judged_needed', sql`coalesce(sum(f.handoffs_judged_needed), 0)`],
    ['ai_questions', sql`coalesce(sum(f.ai_questions), 0)`],
    ['ai_questions_covered', sql`coalesce(sum(f.ai_questions_covered), 0)`],
    ['waits_measured', sql`coalesce(sum(f.waits_measured), 0)`],
    ['ai_turns', sql`coalesce(sum(f.ai_turns), 0)`],
    ['baseline_conversations', sql`count(*) FILTER (WHERE ${baseline})`],
    ...rateMetricNames.flatMap((metric) => [
      [rateColumn(metric, 'of'), sql`count(*) FILTER (WHERE ${rates[metric].of})`] as const,
      [
        rateColumn(metric, 'counts'),
        sql`count(*) FILTER (WHERE (${rates[metric].of}) AND (${rates[metric].counts}))`,
      ] as const,
    ]),
    ['wait_error_seconds', sql`coalesce(sum(f.wait_error_seconds), 0)`],
    ['ai_cost', sql`coalesce(sum(f.ai_cost), 0)`],
    ['handle_seconds', sql`coalesce(sum(f.handle_seconds), 0)`],
    ['baseline_seconds', sql`coalesce(sum(f.handle_seconds) FILTER (WHERE ${baseline}), 0)`],
    ['ai_spent_seconds', sql`coalesce(sum(coalesce(f.handle_seconds, 0)) FILTER (WHERE f.ai_involved), 0)`],
  ];
};

export const rollupColumnNames = countAggregates(ROLLUP_AS_OF).map(([name]) => name);

/** The aggregates over facts rows `f`, named as the rollup's columns. */
export const factsAggregates = (asOf: Date): RawBuilder<unknown> =>
  sql.join(countAggregates(asOf).map(([name, aggregate]) => sql`${aggregate} AS ${sql.ref(name)}`));

/** The rollup's columns of rows `d`, summed (for a window) or as they are. */
export const rollupSums = (alias: string): RawBuilder<unknown> =>
  sql.join(rollupColumnNames.map((name) => sql`sum(${sql.ref(`${alias}.${name}`)}) AS ${sql.ref(name)}`));
export const rollupColumns = (alias: string): RawBuilder<unknown> =>
  sql.join(rollupColumnNames.map((name) => sql`${sql.ref(`${alias}.${name}`)}`));

/** Each of a facts row's three times (1 first response, 2 resolution, 3 handle), NULL where it has none. */
const timesOf = sql`(VALUES
  (1, extract(epoch from (f.first_response_at - f.first_customer_message_at))::float8),
  (2, CASE WHEN ${resolvedSql} THEN extract(epoch from (f.resolved_at - f.first_customer_message_at))::float8 END),
  (3, f.handle_seconds)
) AS m (measure, value)`;

/** The bucket of time.histogram's timeBucketOf, in SQL. */
const bucketOf = (value: RawBuilder<unknown>) => {
  const lnRatio = sql.lit(Math.log(TIME_BUCKET_RATIO));
  return sql`CASE WHEN ${value} < 0 THEN -1 - floor(ln(1 - ${value}) / ${lnRatio})
    ELSE floor(ln(${value} + 1) / ${lnRatio}) END::integer`;
};

/** Facts rows `f` as (measure, bucket, n). */
export const factsTimeBuckets = (facts: RawBuilder<unknown>): RawBuilder<unknown> => sql`
  SELECT m.measure, ${bucketOf(sql`m.value`)} AS bucket, count(*) AS n
  FROM (${facts}) f CROSS JOIN LATERAL ${timesOf}
  WHERE m.value IS NOT NULL
  GROUP BY 1, 2`;

/** Which filter dimensions a rollup row sums over: GROUPING(category, team_key, channel). */
export const rolledUpFor = (filter: MetricsFilter, keepCategory = false): number =>
  (filter.category === undefined && !keepCategory ? 4 : 0) |
  (filter.teamKey === undefined ? 2 : 0) |
  (filter.channel === undefined ? 1 : 0);

/** The whole days [start, end) a report reads from the rollup, as YYYY-MM-DD; none when empty. */
export interface RollupDays {
  readonly start: string | null;
  readonly end: string;
}

const dayText = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export const rollupDays = (filter: MetricsFilter, asOf: Date): RollupDays | null => {
  const start = filter.from === undefined ? null : Math.ceil(filter.from.getTime() / DAY_MS) * DAY_MS;
  const cutoff = Math.floor((asOf.getTime() - DAY_MS) / DAY_MS) * DAY_MS;
  const end =
    filter.to === undefined ? cutoff : Math.min(Math.floor(filter.to.getTime() / DAY_MS) * DAY_MS, cutoff);
  if (start !== null && start >= end) return null;
  return { start: start === null ? null : dayText(start), end: dayText(end) };
};

const dayStart = (day: RawBuilder<unknown>) => sql`(${day}::timestamp AT TIME ZONE 'UTC')`;

/** Conditions on facts rows `f` for the workspace and filter. */
export const factsConditions = (workspaceId: string, filter: MetricsFilter): RawBuilder<unknown> => {
  const conditions: RawBuilder<unknown>[] = [
    sql`f.workspace_id = ${workspaceId}`,
    sql`f.first_customer_message_at IS NOT NULL`,
  ];
  if (filter.from) conditions.push(sql`f.first_customer_message_at >= ${filter.from}::timestamptz`);
  if (filter.to) conditions.push(sql`f.first_customer_message_at < ${filter.to}::timestamptz`);
  if (filter.category !== undefined) conditions.push(sql`f.category = ${filter.category}`);
  if (filter.teamKey !== undefined) conditions.push(sql`f.team_key = ${filter.teamKey}`);
  if (filter.channel !== undefined) conditions.push(sql`f.channel = ${filter.channel}`);
  return sql.join(conditions, sql` AND `);
};

const notStale = (alias: string) => sql`NOT EXISTS (
  SELECT 1 FROM conversation_facts_daily_stale s
  WHERE s.workspace_id = ${sql.ref(`${alias}.workspace_id`)} AND s.day = ${sql.ref(`${alias}.day`)})`;

/** The filtered facts rows the rollup does not stand for: the whole window when it stands for none. */
export const uncoveredFacts = (
  workspaceId: string,
  filter: MetricsFilter,
  days: RollupDays | null,
): RawBuilder<unknown> => {
  const where = factsConditions(workspaceId, filter);
  if (days === null) return sql`SELECT f.* FROM conversation_facts f WHERE ${where}`;
  const parts: RawBuilder<unknown>[] = [];
  if (days.start !== null) {
    parts.push(sql`SELECT f.* FROM conversation_facts f
      WHERE ${where} AND f.first_customer_message_at < ${dayStart(sql`${days.start}::date`)}`);
  }
  parts.push(sql`SELECT f.* FROM conversation_facts f
    WHERE ${where} AND f.first_customer_message_at >= ${dayStart(sql`${days.end}::date`)}`);
  // A stale day inside the range: its rollup rows may be out of date, so its facts count instead.
  parts.push(sql`SELECT f.* FROM conversation_facts_daily_stale s
    JOIN conversation_facts f ON f.workspace_id = s.workspace_id
      AND f.first_customer_message_at >= ${dayStart(sql`s.day`)}
      AND f.first_customer_message_at < ${dayStart(sql`(s.day + 1)`)}
    WHERE s.workspace_id = ${workspaceId} AND s.day < ${days.end}::date
      ${days.start === null ? sql`` : sql`AND s.day >= ${days.start}::date`} AND ${where}`);
  return sql.join(parts, sql` UNION ALL `);
};

/** Rollup rows `d` (of `table`) for the filter's dimensions in the days, not stale. */
export const rollupRows = (
  table: 'conversation_facts_daily' | 'conversation_facts_daily_times',
  workspaceId: string,
  filter: MetricsFilter,
  days: RollupDays,
  rolledUp: number,
): RawBuilder<unknown> => {
  const conditions: RawBuilder<unknown>[] = [
    sql`d.workspace_id = ${workspaceId}`,
    sql`d.rolled_up = ${rolledUp}`,
    sql`d.day < ${days.end}::date`,
  ];
  if (days.start !== null) conditions.push(sql`d.day >= ${days.start}::date`);
  if (filter.category !== undefined) conditions.push(sql`d.category = ${filter.category}`);
  if (filter.teamKey !== undefined) conditions.push(sql`d.team_key = ${filter.teamKey}`);
  if (filter.channel !== undefined) conditions.push(sql`d.channel = ${filter.channel}`);
  conditions.push(notStale('d'));
  return sql`SELECT d.* FROM ${sql.table(table)} d WHERE ${sql.join(conditions, sql` AND `)}`;
};

const grouping = sql`GROUPING(f.category, f.team_key, f.channel)`;
const dimensionsCube = sql`CUBE (f.category, f.team_key, f.channel)`;

/**
 * Rebuilds the workspace's stale days from its facts and removes their marks, in one transaction;
 * returns how many days it rebuilt. Refreshes of one workspace take turns (an advisory lock), so
 * two never rebuild the same day at once.
 */
export const refreshRollupDays = (store: Db, workspaceId: string): Promise<number> =>
  atomically(store, async (db) => {
    await sql`SELECT pg_advisory_xact_lock(${ROLLUP_LOCK_CLASS}::integer, hashtext(${workspaceId}::text))`.execute(
      db,
    );
    // Only days a report now reads from the rollup (ended more than 24 hours ago): the current
    // day changes with every answered message, and rebuilding it after each facts refresh would
    // aggregate the whole day again and again for rows no report reads. Its mark waits (reports
    // read a marked day from the facts) until the day is old enough; a later run rebuilds it.
    const taken = await sql<{ day: string }>`
      DELETE FROM conversation_facts_daily_stale
      WHERE workspace_id = ${workspaceId}
        AND day < ((now() - interval '24 hours') AT TIME ZONE 'UTC')::date
      RETURNING to_char(day, 'YYYY-MM-DD') AS day`.execute(db);
    const days = taken.rows.map((row) => row.day);
    if (days.length === 0) return 0;
    for (const table of ['conversation_facts_daily', 'conversation_facts_daily_times'] as const) {
      await sql`DELETE FROM ${sql.table(table)}
        WHERE workspace_id = ${workspaceId} AND day = ANY(${days}::date[])`.execute(db);
    }
    const dayRows = sql`unnest(${days}::date[]) AS t (day)
      JOIN conversation_facts f ON f.workspace_id = ${workspaceId}
        AND f.first_customer_message_at >= ${dayStart(sql`t.day`)}
        AND f.first_customer_message_at < ${dayStart(sql`(t.day + 1)`)}`;
    await sql`
      INSERT INTO conversation_facts_daily (workspace_id, day, rolled_up, category, team_key, channel,
        ${sql.join(rollupColumnNames.map((name) => sql.ref(name)))})
      SELECT ${workspaceId}::uuid, t.day, ${grouping}, f.category, f.team_key, f.channel,
        ${factsAggregates(ROLLUP_AS_OF)}
      FROM ${dayRows}
      GROUP BY t.day, ${dimensionsCube}`.execute(db);
    await sql`
      INSERT INTO conversation_facts_daily_times (workspace_id, day, rolled_up, category, team_key, channel,
        measure, bucket, n)
      SELECT ${workspaceId}::uuid, f.day, ${grouping}, f.category, f.team_key, f.channel, f.measure, f.bucket, count(*)
      FROM (
        SELECT t.day, f.category, f.team_key, f.channel, m.measure, ${bucketOf(sql`m.value`)} AS bucket
        FROM ${dayRows} CROSS JOIN LATERAL ${timesOf}
        WHERE m.value IS NOT NULL
      ) f
      GROUP BY f.day, f.measure, f.bucket, ${dimensionsCube}`.execute(db);
    return days.length;
  });
