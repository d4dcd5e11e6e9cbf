/** GET /api/metrics: the SPEC §9 report for a window, with the keys of the `baton replay` report. */
import { z } from 'zod';
import { drillMetricNames, rateMetricNames, seriesBuckets } from '../core/metrics/index.ts';
import { instant } from './instant.ts';
import { lineText } from './text-fields.ts';

const DAY_MS = 86_400_000;

// Refuses control characters and broken Unicode, which PostgreSQL would refuse with a 500.
const filterText = lineText(100).pipe(z.string().min(1));

const windowAndFilters = {
  /** First customer message at or after this instant; default 30 days before `to`. */
  from: instant.optional(),
  /** First customer message before this instant; default now. */
  to: instant.optional(),
  category: filterText.optional(),
  team: filterText.optional(),
  channel: filterText.optional(),
};

const fromBeforeTo = (query: { from?: Date | undefined; to?: Date | undefined }) =>
  !query.from || !query.to || query.from.getTime() < query.to.getTime();
const fromBeforeToProblem = { message: 'from must be before to', path: ['from'] };

export const metricsQuerySchema = z
  .object(windowAndFilters)
  .strict()
  .refine(fromBeforeTo, fromBeforeToProblem);
export type MetricsQuery = z.infer<typeof metricsQuerySchema>;

/** The window a query asks for, with its defaults filled in. */
export const metricsWindowOf = (query: MetricsQuery, now: Date): { from: Date; to: Date } => {
  const to = query.to ?? now;
  return { from: query.from ?? new Date(to.getTime() - 30 * DAY_MS), to };
};

const rate = z.number().nullable();
const spread = z.object({ p50: z.number().nullable(), p90: z.number().nullable() });

export const metricsReportSchema = z.object({
  conversations: z.number().int(),
  involvementRate: rate,
  aiResolutionRate: rate,
  aiResolutionRateByCategory: z.record(z.string(), rate),
  automationRate: rate,
  handoffRate: rate,
  recontactRateAfterAi: rate,
  durableAiResolutionRate: rate,
  timeSavedPerAiConversation: z.number().nullable(),
  escalationPrecision: rate,
  missedEscalations: rate,
  knowledgeCoverage: rate,
  combined24hResolutionRate: rate,
  csat: z.object({ aiOnly: rate, handedOver: rate, humanOnly: rate }),
  firstContactResolution: rate,
  timeToFirstResponse: spread,
  timeToResolution: spread,
  handleTime: spread,
  waitEstimateMae: z.number().nullable(),
  costPerResolved: z.number().nullable(),
});

/** What was counted: the window (ISO instants), the filters, and the report's "now". */
const echoSchema = z.object({
  from: z.string(),
  to: z.string(),
  category: z.string().nullable(),
  team: z.string().nullable(),
  channel: z.string().nullable(),
  asOf: z.string(),
});

export const metricsResponseSchema = metricsReportSchema.extend({
  /**
   * Conversations whose figures are still being counted again (after the counting settings changed,
   * or written moments ago): until they are, the report holds their earlier figures.
   */
  recounting: z.number().int(),
  query: echoSchema,
});
export type MetricsResponse = z.infer<typeof metricsResponseSchema>;

/** The longest day-by-day series: a year and a day (longer windows go by week). */
const MAX_DAYS = 366;
/** The longest week-by-week series: about ten years. */
const MAX_WEEKS = 520;

/** GET /api/metrics/series: the counts per UTC day or ISO week of the window. */
export const metricsSeriesQuerySchema = z
  .object({ ...windowAndFilters, by: z.enum(seriesBuckets).default('day') })
  .strict()
  .refine(fromBeforeTo, fromBeforeToProblem);

/** Why a series window is too long for its periods, or null: the route answers 400 invalid_input. */
export const seriesWindowProblem = (window: { from: Date; to: Date }, by: 'day' | 'week'): string | null => {
  const days = (window.to.getTime() - window.from.getTime()) / DAY_MS;
  if (by === 'day' ? days <= MAX_DAYS : days <= MAX_WEEKS * 7) return null;
  return `A series covers at most ${MAX_DAYS} days by day or ${MAX_WEEKS} weeks by week: choose by=week or a shorter window.`;
};

const rateCountSchema = z.object({
  /** Conversations the rate is counted among. */
  of: z.number().int(),
  /** Those among them that count. */
  counts: z.number().int(),
  /** counts ÷ of; null when of is 0. */
  rate,
});

const seriesPointSchema = z.object({
  /** The period's first day (a week's Monday), YYYY-MM-DD, UTC. */
  period: z.string(),
  /** The part of the window the period covers, ISO instants. */
  from: z.string(),
  to: z.string(),
  conversations: z.number().int(),
  rates: z.record(z.enum(rateMetricNames), rateCountSchema),
});

export const metricsSeriesResponseSchema = z.object({
  by: z.enum(seriesBuckets),
  query: echoSchema,
  series: z.array(seriesPointSchema),
});
export type MetricsSeriesResponse = z.infer<typeof metricsSeriesResponseSchema>;

const pageNumber = (min: number, max: number, fallback: number) =>
  z
    .string()
    .regex(/^\d{1,7}$/, 'a whole number')
    .transform(Number)
    .pipe(z.number().int().min(min).max(max))
    .optional()
    .transform((value) => value ?? fallback);

/** GET /api/metrics/conversations: the conversations behind one number, a page at a time. */
export const metricConversationsQuerySchema = z
  .object({
    ...windowAndFilters,
    /** `conversations`, or a rate's key (`handoffRate`, `aiResolutionRate`, `csatAiOnly`…). */
    metric: z.enum(drillMetricNames),
    /** `counts`: the conversations that count (default); `of`: all those the rate is counted among. */
    part: z.enum(['of', 'counts']).default('counts'),
    limit: pageNumber(1, 200, 50),
    offset: pageNumber(0, 1_000_000, 0),
  })
  .strict()
  .refine(fromBeforeTo, fromBeforeToProblem);

export const metricConversationsResponseSchema = z.object({
  metric: z.enum(drillMetricNames),
  part: z.enum(['of', 'counts']),
  query: echoSchema,
  /** How many conversations the number counted; the page holds up to `limit` of them from `offset`. */
  total: z.number().int(),
  limit: z.number().int(),
  offset: z.number().int(),
  conversations: z.array(
    z.object({
      id: z.string(),
      customerId: z.string(),
      customerName: z.string().nullable(),
      channel: z.string(),
      category: z.string().nullable(),
      team: z.string().nullable(),
      /** The customer's first message, ISO instant: the time the window and periods go by. */
      firstMessageAt: z.string(),
      handedOver: z.boolean(),
      resolution: z.string().nullable(),
      csat: z.number().nullable(),
      /** The conversation in the inbox. */
      href: z.string(),
    }),
  ),
});
export type MetricConversationsResponse = z.infer<typeof metricConversationsResponseSchema>;
