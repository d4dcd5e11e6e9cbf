import { z } from 'zod';
import { defaultConcurrencyEfficiency } from './concurrency.ts';

/** Opening hours of one day as whole hours [open, close) on a 0–24 clock; null when closed. */
const dayHours = z
  .tuple([z.number().int().min(0).max(23), z.number().int().min(1).max(24)])
  .refine(([open, close]) => close > open, 'close must be after open')
  .nullable();

const share = z.number().min(0).max(1);

const categorySchema = z.object({
  id: z.string().min(1),
  /** Minutes a person spends on one conversation of this category today (before automation). */
  handleMinutes: z.number().positive(),
  /** Share of this category's conversations the AI resolves after automation. */
  aiResolutionShare: share,
  /** Overrides the plan-wide increase in handle time on what the AI leaves to people. */
  residualHandleTimeIncrease: z.number().min(0).optional(),
  /** High-risk or complex work (fraud, legal, disputes) handled by specialists, not the frontline queue. */
  specialist: z.boolean().default(false),
});

const channelSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('live'),
    id: z.string().min(1),
    /** Share to answer within `targetSeconds`, e.g. 0.8 in 60 s for chat. */
    serviceLevel: z.number().gt(0).lt(1),
    targetSeconds: z.number().min(0),
    /** Conversations one agent carries at once (1 for phone). */
    concurrency: z.number().min(1).default(1),
    /** Set to model abandonment (Erlang A): customers' mean patience in seconds. */
    patienceSeconds: z.number().positive().optional(),
  }),
  z.object({
    kind: z.literal('deferred'),
    id: z.string().min(1),
  }),
]);

const intradaySchema = z.discriminatedUnion('kind', [
  /** Even across opening hours. */
  z.object({ kind: z.literal('flat') }),
  /** Day shares (Monday first) times hour-of-day shares; both renormalised over opening hours. */
  z.object({
    kind: z.literal('dayAndHour'),
    dayShares: z.array(z.number().min(0)).length(7),
    hourShares: z.array(z.number().min(0)).length(24),
  }),
  /** 168 hourly shares, Monday 00:00 first. */
  z.object({ kind: z.literal('hourly'), shares: z.array(z.number().min(0)).length(168) }),
]);

const range = z
  .tuple([z.number().min(0), z.number().min(0)])
  .refine(([low, high]) => high >= low, 'high < low');

/** Figures people report for a team like this one; the planner compares itself to them and explains gaps. */
const reportedSchema = z.object({
  source: z.string().min(1),
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
    name: z.string().default('Team plan'),
    categories: z.array(categorySchema).min(1),
    channels: z.array(channelSchema).min(1),
    /** Conversations per week by category and channel (everything that arrives, before the AI). */
    volume: z
      .array(
        z.object({ category: z.string().min(1), channel: z.string().min(1), perWeek: z.number().min(0) }),
      )
      .min(1),
    intraday: intradaySchema.default({ kind: 'flat' }),
    /** Monday first; volume outside opening hours is treated as arriving once the team is open. */
    openingHours: z.array(dayHours).length(7),
    /** How much longer the conversations the AI leaves to people take, e.g. 0.2 = 20% longer. */
    residualHandleTimeIncrease: z.number().min(0).default(0.2),
    /** The full increase applies from this category AI share up; below it, it ramps linearly from 0. */
    residualIncreaseFullAtShare: z.number().gt(0).max(1).default(0.5),
    concurrencyEfficiency: z.number().min(0).max(1).default(defaultConcurrencyEfficiency),
    maxOccupancy: z.number().gt(0).max(1).default(0.85),
    /** Agents on live channels work deferred conversations (email) in their idle time. */
    blendDeferredWork: z.boolean().default(true),
    /** Fewest agents on shift in any open hour. */
    minimumCoverage: z.number().int().min(0).default(1),
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
            minutesPerReview: z.number().min(0).default(6),
            /** At least this much of a person once the AI resolves `activeAbovePerWeek` conversations. */
            minimumFte: z.number().min(0).default(0.5),
            activeAbovePerWeek: z.number().min(0).default(1_000),
          })
          .prefault({}),
        knowledgeOps: z
          .object({
            articles: z.number().min(0).default(100),
            minutesPerArticlePerMonth: z.number().min(0).default(10),
            gapsPerWeek: z.number().min(0).default(10),
            minutesPerGap: z.number().min(0).default(45),
            integrations: z.number().min(0).default(2),
            hoursPerIntegrationPerWeek: z.number().min(0).default(1.5),
            policyChangesPerWeek: z.number().min(0).default(1),
            hoursPerPolicyChange: z.number().min(0).default(2),
          })
          .prefault({}),
        specialists: z.object({ occupancy: z.number().gt(0).max(1).default(0.8) }).prefault({}),
        analytics: z
          .object({
            baseHoursPerWeek: z.number().min(0).default(8),
            hoursPerPersonPerWeek: z.number().min(0).default(0.4),
            hoursPerThousandAiConversations: z.number().min(0).default(2),
            /** Below this many people the work is part of a lead's job, not its own role. */
            ownRoleFromTeamSize: z.number().min(0).default(30),
          })
          .prefault({}),
        teamLeads: z
          .object({ enabled: z.boolean().default(true), spanOfControl: z.number().positive().default(12) })
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
