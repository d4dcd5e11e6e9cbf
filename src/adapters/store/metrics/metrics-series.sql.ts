/**
 * The §9 counts per day or ISO week, and the conversations behind one count, in SQL over
 * `conversation_facts` — the same `of`/`counts` conditions as the report, so a chart's number, its
 * drill-down list and the report agree. The metrics contract holds both equal to the pure core.
 */
import { type RawBuilder, sql } from 'kysely';
import {
  type DrillMetric,
  type DrillPart,
  isSetMetric,
  type MetricsFilter,
  type MetricsSeriesPoint,
  perRate,
  type RateMetric,
  type SeriesBucket,
} from '../../../core/metrics/index.ts';
import type { MetricConversation, MetricConversationsPage } from '../../../core/ports/metrics.ts';
import type { Db } from '../database.ts';
import {
  factsAggregates,
  type RollupDays,
  rateColumn,
  rolledUpFor,
  rollupColumns,
  rollupRows,
  rollupSums,
  uncoveredFacts,
} from './daily-rollup.sql.ts';
import { rateSql, setSql } from './metric-definitions.sql.ts';

type Row = Record<string, unknown>;

// The UTC day, or the ISO week's Monday (date_trunc('week') starts weeks on Monday). Rows group
// by the truncated timestamp; only the few groups are formatted as YYYY-MM-DD.
const periodSql = (by: SeriesBucket, at: RawBuilder<unknown>) => sql`date_trunc(${by}, ${at})`;

/** The counts per period: the rollup's whole days, plus the facts rows it does not stand for. */
export const seriesQuery = (
  workspaceId: string,
  filter: MetricsFilter,
  asOf: Date,
  by: SeriesBucket,
  days: RollupDays | null,
) => {
  const fromFacts = sql`SELECT ${periodSql(by, sql`f.first_customer_message_at AT TIME ZONE 'UTC'`)} AS bucket,
      ${factsAggregates(asOf)}
    FROM (${uncoveredFacts(workspaceId, filter, days)}) f GROUP BY 1`;
  const parts =
    days === null
      ? fromFacts
      : sql`SELECT ${periodSql(by, sql`d.day::timestamp`)} AS bucket, ${rollupColumns('d')}
          FROM (${rollupRows('conversation_facts_daily', workspaceId, filter, days, rolledUpFor(filter))}) d
          UNION ALL ${fromFacts}`;
  return sql<Row>`
    SELECT to_char(p.bucket, 'YYYY-MM-DD') AS period, ${rollupSums('p')}
    FROM (${parts}) p GROUP BY p.bucket ORDER BY p.bucket`;
};

export const toSeriesPoint = (row: Row): MetricsSeriesPoint => ({
  period: String(row.period),
  conversations: Number(row.conversations ?? 0),
  rates: perRate((metric: RateMetric) => ({
    of: Number(row[rateColumn(metric, 'of')] ?? 0),
    counts: Number(row[rateColumn(metric, 'counts')] ?? 0),
  })),
});

/** The condition a conversation meets to be one of the number's. */
const drillCondition = (asOf: Date, metric: DrillMetric, part: DrillPart): RawBuilder<unknown> => {
  if (metric === 'conversations') return sql`TRUE`;
  const rate = isSetMetric(metric) ? setSql[metric] : rateSql(asOf)[metric];
  return part === 'of' ? rate.of : sql`(${rate.of}) AND (${rate.counts})`;
};

const dateOf = (value: unknown): Date => (value instanceof Date ? value : new Date(String(value)));

const toConversation = (row: Row): MetricConversation => ({
  conversationId: String(row.conversation_id),
  customerId: String(row.customer_id),
  customerName: typeof row.customer_name === 'string' ? row.customer_name : null,
  channel: String(row.channel),
  category: typeof row.category === 'string' ? row.category : null,
  teamKey: typeof row.team_key === 'string' ? row.team_key : null,
  firstCustomerMessageAt: dateOf(row.first_customer_message_at),
  handedOver: row.handed_over_at !== null && row.handed_over_at !== undefined,
  resolution: typeof row.resolution === 'string' ? row.resolution : null,
  csat: row.csat === null || row.csat === undefined ? null : Number(row.csat),
});

export interface DrillRequest {
  readonly asOf: Date;
  readonly metric: DrillMetric;
  readonly part: DrillPart;
  readonly limit: number;
  readonly offset: number;
}

/** One page of the conversations behind a number (newest first message first) and how many there are. */
export const drillPage = async (
  db: Db,
  facts: RawBuilder<unknown>,
  request: DrillRequest,
): Promise<MetricConversationsPage> => {
  const condition = drillCondition(request.asOf, request.metric, request.part);
  const [total, page] = await Promise.all([
    sql<Row>`WITH f AS (${facts}) SELECT count(*) AS total FROM f WHERE ${condition}`.execute(db),
    sql<Row>`
      WITH f AS (${facts})
      SELECT f.conversation_id, f.customer_id, cu.name AS customer_name, f.channel, f.category, f.team_key,
        f.first_customer_message_at, f.handed_over_at, f.resolution, f.csat
      FROM f LEFT JOIN customers cu ON cu.id = f.customer_id
      WHERE ${condition}
      ORDER BY f.first_customer_message_at DESC, f.conversation_id
      LIMIT ${request.limit} OFFSET ${request.offset}`.execute(db),
  ]);
  return { total: Number(total.rows[0]?.total ?? 0), conversations: page.rows.map(toConversation) };
};
