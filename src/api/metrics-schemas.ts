/** GET /api/metrics: the SPEC §9 report for a window, with the keys of the `baton replay` report. */
import { z } from 'zod';

const DAY_MS = 86_400_000;

/** An instant as ISO 8601: a date (`2026-03-01`, midnight UTC) or a date and time with its zone. */
const instant = z.union([z.iso.date(), z.iso.datetime({ offset: true })]).transform((text) => new Date(text));

const filterText = z.string().min(1).max(100);

export const metricsQuerySchema = z
  .object({
    /** First customer message at or after this instant; default 30 days before `to`. */
    from: instant.optional(),
    /** First customer message before this instant; default now. */
    to: instant.optional(),
    category: filterText.optional(),
    team: filterText.optional(),
    channel: filterText.optional(),
  })
  .strict()
  .refine((query) => !query.from || !query.to || query.from.getTime() < query.to.getTime(), {
    message: 'from must be before to',
    path: ['from'],
  });
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

export const metricsResponseSchema = metricsReportSchema.extend({
  /** What was counted: the window (ISO instants), the filters, and the report's "now". */
  query: z.object({
    from: z.string(),
    to: z.string(),
    category: z.string().nullable(),
    team: z.string().nullable(),
    channel: z.string().nullable(),
    asOf: z.string(),
  }),
});
export type MetricsResponse = z.infer<typeof metricsResponseSchema>;
