/**
 * Request and response shapes of the team planner API (SPEC §10). The plan input is the staffing
 * core's own schema; the response mirrors `StaffingPlan`, so the route fails to compile if they drift.
 */
import { z } from 'zod';
import { roleIds, staffingPlanInputSchema } from '../core/staffing/index.ts';

const roleIdSchema = z.enum(roleIds);

const roleFigureSchema = z.object({
  fte: z.number(),
  explanation: z.string(),
  inputs: z.record(z.string(), z.union([z.number(), z.string(), z.boolean()])),
});

const roleLineSchema = z.object({
  role: roleIdSchema,
  label: z.string(),
  before: roleFigureSchema,
  after: roleFigureSchema,
  change: z.number(),
});

const stageTotalsSchema = z.object({
  fte: z.number(),
  headcount: z.number(),
  agentsFte: z.number(),
  humanConversationsPerWeek: z.number(),
  handleHoursPerWeek: z.number(),
});

const comparisonSchema = z.object({
  figure: z.enum([
    'teamAfter',
    'remainingShare',
    'frontline',
    'aiQa',
    'knowledgeOps',
    'specialists',
    'analytics',
  ]),
  model: z.number(),
  reported: z.tuple([z.number(), z.number()]).readonly(),
  within: z.boolean(),
  gap: z.number(),
  note: z.string(),
  /** Outside the range: one sentence naming the input that would have to change; null when within. */
  change: z.string().nullable(),
});

export const staffingPlanSchema = z.object({
  name: z.string(),
  roles: z.array(roleLineSchema).readonly(),
  totals: z.object({ before: stageTotalsSchema, after: stageTotalsSchema }),
  automation: z.object({
    conversationsPerWeek: z.number(),
    aiResolvedPerWeek: z.number(),
    volumeShare: z.number(),
    handleHoursShareRemoved: z.number(),
    remainingTeamShare: z.number(),
  }),
  comparisons: z.array(comparisonSchema).readonly(),
  notes: z.array(z.string()).readonly(),
});

export const automationPointSchema = z.object({
  automationRate: z.number(),
  fte: z.number(),
  headcount: z.number(),
  byRole: z.record(roleIdSchema, z.number()),
});
export type AutomationPointView = z.infer<typeof automationPointSchema>;

/** The automation rates the curve is computed at when the request does not name them. */
export const defaultCurveRates: readonly number[] = [0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9];

export const planRequestSchema = z
  .object({
    input: staffingPlanInputSchema,
    /** Automation rates (0–1) for the head count vs automation curve; at most 21. */
    curveRates: z.array(z.number().min(0).max(1)).max(21).optional(),
  })
  .strict();
/** What the page sends: the plan input as edited (defaults are filled in by the server). */
export type PlanRequest = z.input<typeof planRequestSchema>;
/** A complete plan input, every default filled in: what the page edits. */
export type PlanInputView = z.output<typeof staffingPlanInputSchema>;

export const planResponseSchema = z.object({
  plan: staffingPlanSchema,
  curve: z.array(automationPointSchema),
});
export type PlanResponse = z.infer<typeof planResponseSchema>;
export type StaffingPlanView = PlanResponse['plan'];

export const plannerScenarioSchema = z.object({
  /** The example file's name without .json, e.g. "mid-team-25-agents". */
  id: z.string(),
  name: z.string(),
  input: staffingPlanInputSchema,
});
export type PlannerScenario = z.output<typeof plannerScenarioSchema>;

export const plannerDefaultsSchema = z.object({
  defaultInput: staffingPlanInputSchema,
  scenarios: z.array(plannerScenarioSchema),
});
export type PlannerDefaults = z.output<typeof plannerDefaultsSchema>;

export const plannerHistoryQuerySchema = z.object({
  /** How far back to read, in days (whole weeks give an unbiased week). */
  days: z.coerce.number().int().min(1).max(365).default(28),
  /** Samples a category needs before its measured handle time and AI share replace the defaults. */
  minSamples: z.coerce.number().int().min(1).max(10_000).optional(),
});

export const historyFieldSchema = z.enum(['volume', 'handleMinutes', 'aiResolutionShare']);
export type HistoryFieldView = z.infer<typeof historyFieldSchema>;

export const categoryEvidenceSchema = z.object({
  category: z.string(),
  conversations: z.number(),
  aiResolved: z.number(),
  humanResolved: z.number(),
  abandoned: z.number(),
  handleSamples: z.number(),
  perWeek: z.number(),
  handleMinutes: z.number(),
  aiResolutionShare: z.number(),
  /** The figures that are still the planner's defaults, because history was too thin to measure them. */
  usedDefaultFor: z.array(historyFieldSchema).readonly(),
});
export type CategoryEvidenceView = z.infer<typeof categoryEvidenceSchema>;

export const plannerHistorySchema = z.object({
  input: staffingPlanInputSchema,
  evidence: z.array(categoryEvidenceSchema).readonly(),
  window: z.object({ from: z.string(), to: z.string(), days: z.number(), weeks: z.number() }),
  conversations: z.number(),
  uncategorised: z.number(),
  channelsNotRecorded: z.array(z.string()).readonly(),
  intraday: z.enum(['hourly', 'dayAndHour', 'default']),
});
export type PlannerHistory = z.output<typeof plannerHistorySchema>;
