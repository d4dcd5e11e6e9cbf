import { z } from 'zod';
import { defaultConcurrencyEfficiency } from './concurrency.ts';

/**
 * Bounds on what a plan may describe. The planner runs Erlang C for every open hour of every live
 * channel, which costs time in proportion to the team's size, so inputs no support team has
 * (1e12 conversations a week froze the server) are refused with a message instead of computed.
 */
export const planLimits = {
  /** About 600 full-time people handling conversations: six times the largest reference team. */
  maxHandleHoursPerWeek: 25_000,
  maxConversationsPerWeek: 10_000_000,
  maxHandleMinutes: 24 * 60,
  maxCategories: 100,
  maxChannels: 10,
  maxVolumeRows: 2_000,
  maxConcurrency: 20,
  maxWaitSeconds: 7 * 24 * 3600,
  /** Counts of things a team has: articles, integrations, people. */
  maxCount: 1_000_000,
  maxMinutes: 10_000,
  maxIncrease: 5,
} as const;

const id = z.string().min(1).max(100, 'keep ids under 100 characters');
const count = z.number().min(0).max(planLimits.maxCount, `must be at most ${planLimits.maxCount}`);
const minutes = z.number().min(0).max(planLimits.maxMinutes, `must be at most ${planLimits.maxMinutes}`);
const hours = z.number().min(0).max(168, 'must be at most 168 (the hours in a week)');
const waitSeconds = z
  .number()
  .max(planLimits.maxWaitSeconds, `must be at most ${planLimits.maxWaitSeconds} (a week)`);
const increase = z.number().min(0).max(planLimits.maxIncrease, `must be at most ${planLimits.maxIncrease}`);

/** Opening hours of one day as whole hours [open, close) on a 0–24 clock; null when closed. */
const dayHours = z
  .tuple([z.number().int().min(0).max(23), z.number().int().min(1).max(24)])
  .refine(([open, close]) => close > open, 'close must be after open')
  .nullable();

const share = z.number().min(0).max(1);

const categorySchema = z.object({
  id,
  /** Minutes a person spends on one conversation of this category today (before automation). */
  handleMinutes: z
    .number()
    .positive()
    .max(planLimits.maxHandleMinutes, `must be at most ${planLimits.maxHandleMinutes} (a day)`),
  /** Share of this category's conversations the AI resolves after automation. */
  aiResolutionShare: share,
  /** Overrides the plan-wide increase in handle time on what the AI leaves to people. */
  residualHandleTimeIncrease: increase.optional(),
  /** High-risk or complex work (fraud, legal, disputes) handled by specialists, not the frontline queue. */
  specialist: z.boolean().default(false),
});

const channelSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('live'),
    id,
    /** Share to answer within `targetSeconds`, e.g. 0.8 in 60 s for chat. */
    serviceLevel: z.number().gt(0).lt(1),
    targetSeconds: waitSeconds.min(0),
    /** Conversations one agent carries at once (1 for phone). */
    concurrency: z
      .number()
      .min(1)
      .max(planLimits.maxConcurrency, `must be at most ${planLimits.maxConcurrency}`)
      .default(1),
    /** Set to model abandonment (Erlang A): customers' mean patience in seconds. */
    patienceSeconds: waitSeconds.positive().optional(),
  }),
  z.object({
    kind: z.literal('deferred'),
    id,
  }),
]);

const intradaySchema = z.discriminatedUnion('kind', [
  /** Even across opening hours. */
  z.object({ kind: z.literal('flat') }),
  /** Day shares (Monday first) times hour-of-day shares; both renormalised over opening hours. */
  z.object({
    kind: z.literal('dayAndHour'),
    dayShares: z.array(count).length(7),
    hourShares: z.array(count).length(24),
  }),
  /** 168 hourly shares, Monday 00:00 first. */
  z.object({ kind: z.literal('hourly'), shares: z.array(count).length(168) }),
]);

const range = z.tuple([count, count]).refine(([low, high]) => high >= low, 'high < low');

/** Figures people report for a team like this one; the planner compares itself to them and explains gaps. */
const reportedSchema = z.object({
  source: z.string().min(1).max(500),
  teamAfter: range.optional(),
  remainingShare: range.optional(),
  frontline: range.optional(),
  aiQa: range.optional(),
  knowledgeOps: range.optional(),
  specialists: range.optional(),
  analytics: range.optional(),
});

export const staffingPlanInputSchema = z
  .object({
    name: z.string().max(200, 'keep the name under 200 characters').default('Team plan'),
    categories: z
      .array(categorySchema)
      .min(1)
      .max(planLimits.maxCategories, `list at most ${planLimits.maxCategories} categories`),
    channels: z
      .array(channelSchema)
      .min(1)
      .max(planLimits.maxChannels, `list at most ${planLimits.maxChannels} channels`),
    /** Conversations per week by category and channel (everything that arrives, before the AI). */
    volume: z
      .array(
        z.object({
          category: id,
          channel: id,
          perWeek: z
            .number()
            .min(0)
            .max(planLimits.maxConversationsPerWeek, `must be at most ${planLimits.maxConversationsPerWeek}`),
        }),
      )
      .min(1)
      .max(planLimits.maxVolumeRows, `list at most ${planLimits.maxVolumeRows} volume rows`),
    intraday: intradaySchema.default({ kind: 'flat' }),
    /** Monday first; volume outside opening hours is treated as arriving once the team is open. */
    openingHours: z.array(dayHours).length(7),
    /** How much longer the conversations the AI leaves to people take, e.g. 0.2 = 20% longer. */
    residualHandleTimeIncrease: increase.default(0.2),
    /** The full increase applies from this category AI share up; below it, it ramps linearly from 0. */
    residualIncreaseFullAtShare: z.number().gt(0).max(1).default(0.5),
    concurrencyEfficiency: z.number().min(0).max(1).default(defaultConcurrencyEfficiency),
    maxOccupancy: z.number().gt(0).max(1).default(0.85),
    /** Agents on live channels work deferred conversations (email) in their idle time. */
    blendDeferredWork: z.boolean().default(true),
    /** Fewest agents on shift in any open hour. */
    minimumCoverage: z.number().int().min(0).max(10_000).default(1),
    /** Share of paid time not spent on conversations: breaks, training, meetings, absence. */
    shrinkage: z.number().min(0).lt(1).default(0.3),
    hoursPerFteWeek: z.number().positive().max(80).default(40),
    roles: z
      .object({
        aiQa: z
          .object({
            samplingRate: share.default(0.05),
            /** AI conversations flagged (thumbs-down, recontact, complaint) — all reviewed on top of the sample. */
            flaggedShare: share.default(0.03),
            minutesPerReview: minutes.default(6),
            /** At least this much of a person once the AI resolves `activeAbovePerWeek` conversations. */
            minimumFte: z.number().min(0).max(1_000).default(0.5),
            activeAbovePerWeek: count.default(1_000),
          })
          .prefault({}),
        knowledgeOps: z
          .object({
            articles: count.default(100),
            minutesPerArticlePerMonth: minutes.default(10),
            gapsPerWeek: count.default(10),
            minutesPerGap: minutes.default(45),
            integrations: count.default(2),
            hoursPerIntegrationPerWeek: hours.default(1.5),
            policyChangesPerWeek: count.default(1),
            hoursPerPolicyChange: hours.default(2),
          })
          .prefault({}),
        specialists: z.object({ occupancy: z.number().gt(0).max(1).default(0.8) }).prefault({}),
        analytics: z
          .object({
            baseHoursPerWeek: hours.default(8),
            hoursPerPersonPerWeek: hours.default(0.4),
            hoursPerThousandAiConversations: hours.default(2),
            /** Below this many people the work is part of a lead's job, not its own role. */
            ownRoleFromTeamSize: count.default(30),
          })
          .prefault({}),
        teamLeads: z
          .object({
            enabled: z.boolean().default(true),
            spanOfControl: z.number().positive().max(1_000).default(12),
          })
          .prefault({}),
      })
      .prefault({}),
    reported: reportedSchema.optional(),
  })
  .superRefine((input, ctx) => {
    const categories = new Set(input.categories.map((c) => c.id));
    const channels = new Set(input.channels.map((c) => c.id));
    input.volume.forEach((row, i) => {
      if (!categories.has(row.category)) {
        ctx.addIssue({
          code: 'custom',
          path: ['volume', i, 'category'],
          message: `unknown category "${row.category}"`,
        });
      }
      if (!channels.has(row.channel)) {
        ctx.addIssue({
          code: 'custom',
          path: ['volume', i, 'channel'],
          message: `unknown channel "${row.channel}"`,
        });
      }
    });
    const handleHours = input.volume.reduce((total, row) => {
      const category = input.categories.find((c) => c.id === row.category);
      return total + (row.perWeek * (category?.handleMinutes ?? 0)) / 60;
    }, 0);
    if (handleHours > planLimits.maxHandleHoursPerWeek) {
      ctx.addIssue({
        code: 'custom',
        path: ['volume'],
        message: `the volume and handle times add up to ${Math.round(handleHours).toLocaleString('en')} hours of handling a week; the planner covers teams up to ${planLimits.maxHandleHoursPerWeek.toLocaleString('en')} hours a week (about 600 people)`,
      });
    }
    if (input.openingHours.every((day) => day === null)) {
      ctx.addIssue({
        code: 'custom',
        path: ['openingHours'],
        message: 'the team must be open at least one day',
      });
    }
  });

export type StaffingPlanInput = z.infer<typeof staffingPlanInputSchema>;
/** What callers may send: defaults filled in by the schema. */
export type StaffingPlanInputDraft = z.input<typeof staffingPlanInputSchema>;
export type PlanCategory = StaffingPlanInput['categories'][number];
export type PlanChannel = StaffingPlanInput['channels'][number];
export type ReportedRanges = NonNullable<StaffingPlanInput['reported']>;
