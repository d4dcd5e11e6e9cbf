/**
 * The SQL twin of each rate in src/core/metrics/metric-definitions.ts, over `conversation_facts`
 * rows. `satisfies Record<RateMetric, …>` makes a new rate in the core fail to compile until it has
 * its SQL here; the metrics contract holds the two equal on the same rows.
 */
import { type RawBuilder, sql } from 'kysely';
import type { RateMetric, SetMetric } from '../../../core/metrics/index.ts';

export interface RateSql {
  readonly of: RawBuilder<boolean>;
  readonly counts: RawBuilder<boolean>;
}

const resolvedByAi = sql<boolean>`resolution = 'ai'`;
const resolved = sql<boolean>`resolution IN ('ai', 'human')`;
const handler = sql<string>`CASE
  WHEN NOT ai_involved THEN 'human_only'
  WHEN handed_over_at IS NOT NULL OR human_involved THEN 'handed_over'
  ELSE 'ai_only' END`;
const ratedBy = (name: string) => sql<boolean>`csat IS NOT NULL AND ${handler} = ${name}`;
const goodRating = sql<boolean>`csat >= 4`;

/** Rates whose 24-hour window depends on the report's "now". */
export const rateSql = (asOf: Date): Record<RateMetric, RateSql> =>
  ({
    involvementRate: { of: sql`TRUE`, counts: sql`ai_involved` },
    aiResolutionRate: { of: sql`ai_involved`, counts: resolvedByAi },
    handoffRate: { of: sql`TRUE`, counts: sql`handed_over_at IS NOT NULL` },
    automationRate: { of: sql`TRUE`, counts: resolvedByAi },
    recontactRateAfterAi: { of: resolvedByAi, counts: sql`recontacted` },
    durableAiResolutionRate: { of: sql`ai_involved`, counts: sql`${resolvedByAi} AND NOT recontacted` },
    missedEscalations: {
      of: resolvedByAi,
      counts: sql`(review_label IS NOT DISTINCT FROM 'should_have_escalated' OR recontact_escalated)`,
    },
    combined24hResolutionRate: {
      // Absolute hours, not days: a day across a clock change is not 24 hours.
      of: sql`first_customer_message_at <= ${asOf}::timestamptz - interval '24 hours'`,
      counts: sql`${resolved} AND resolved_at <= first_customer_message_at + interval '24 hours'`,
    },
    firstContactResolution: { of: resolved, counts: sql`NOT recontacted` },
    csatAiOnly: { of: ratedBy('ai_only'), counts: goodRating },
    csatHandedOver: { of: ratedBy('handed_over'), counts: goodRating },
    csatHumanOnly: { of: ratedBy('human_only'), counts: goodRating },
  }) satisfies Record<RateMetric, RateSql>;

export const resolvedSql = resolved;

const measuredSince = (column: string) =>
  sql<boolean>`${sql.ref(column)} IS NOT NULL AND first_customer_message_at IS NOT NULL`;
const both = (condition: RawBuilder<boolean>): RateSql => ({ of: condition, counts: condition });

/** The SQL twin of the core's `setDefinitions`: the conversations behind sums, times and cost. */
export const setSql: Record<SetMetric, RateSql> = {
  escalationPrecision: { of: sql`handoffs_judged > 0`, counts: sql`handoffs_judged_needed > 0` },
  knowledgeCoverage: { of: sql`ai_questions > 0`, counts: sql`ai_questions_covered > 0` },
  timeToFirstResponse: both(measuredSince('first_response_at')),
  timeToResolution: both(sql<boolean>`${resolved} AND ${measuredSince('resolved_at')}`),
  handleTime: both(sql<boolean>`handle_seconds IS NOT NULL`),
  costPerResolved: both(resolved),
};
