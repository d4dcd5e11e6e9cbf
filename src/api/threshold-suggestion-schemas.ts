/** Threshold suggestions (SPEC §8): the list, a suggestion's backtest and accepting it as a policy draft; shared with the web app. */
import { z } from 'zod';
import { lineText, paragraphText } from './text-fields.ts';

const targetPrecision = z.coerce
  .number()
  .min(0.5, 'a target precision is between 0.5 and 0.99')
  .max(0.99, 'a target precision is between 0.5 and 0.99');

/** Without a target precision, the one ops saved for the workspace (0.9 before any) is used. */
export const suggestionsQuerySchema = z.object({ targetPrecision: targetPrecision.optional() });

const thresholdPointSchema = z.object({
  threshold: z.number(),
  precision: z.number().nullable(),
  answeredShare: z.number(),
  answered: z.number(),
});

export const thresholdSuggestionSchema = z.object({
  category: z.string(),
  kind: z.enum(['change', 'keep', 'not_enough_labels', 'unreachable']),
  /** Whether thresholds in this category are compared with calibrated confidence. */
  calibrated: z.boolean(),
  labels: z.number(),
  current: thresholdPointSchema,
  suggested: thresholdPointSchema.nullable(),
  why: z.string(),
});
export type ThresholdSuggestionView = z.infer<typeof thresholdSuggestionSchema>;

export const thresholdSuggestionsSchema = z.object({
  /** The policy version the suggestions were made against; accepting checks it is still current. */
  policyVersion: z.number(),
  days: z.number(),
  targetPrecision: z.number(),
  canApply: z.boolean(),
  suggestions: z.array(thresholdSuggestionSchema),
  /** Suggestions ops dismissed, hidden until their evidence changes. */
  dismissed: z.array(z.object({ category: z.string(), by: z.string(), why: z.string(), at: z.string() })),
});
export type ThresholdSuggestionsView = z.infer<typeof thresholdSuggestionsSchema>;

export const suggestionParamsSchema = z.object({ category: lineText(100).min(1) });

export const suggestionBacktestRequestSchema = z
  .object({ targetPrecision: targetPrecision.default(0.9) })
  .strict();

const outcomeSchema = z.object({
  /** Share of the conversations the AI handled without a person. */
  aiResolution: z.number(),
  handoffs: z.number(),
  /** Answers sent where people said a person was needed. */
  wrongAnswers: z.number(),
  /** Handoffs people said were not needed. */
  needlessHandoffs: z.number(),
});

export const suggestionBacktestSchema = z.object({
  category: z.string(),
  policyVersion: z.number(),
  currentThreshold: z.number(),
  threshold: z.number(),
  days: z.number(),
  conversations: z.number(),
  before: outcomeSchema,
  after: outcomeSchema,
  changed: z.number(),
  changedIds: z.array(z.string()),
});
export type SuggestionBacktestView = z.infer<typeof suggestionBacktestSchema>;

export const acceptSuggestionRequestSchema = z
  .object({
    targetPrecision,
    /** The threshold the backtest showed; refused if the suggestion has moved since. */
    threshold: z.number().min(0).max(1),
    /** The policy version the backtest ran against; refused if another was published since. */
    policyVersion: z.number().int().min(0),
    note: paragraphText(1_000).trim().min(1, 'say why you are making this change'),
  })
  .strict();

export const dismissSuggestionRequestSchema = z
  .object({
    targetPrecision,
    note: paragraphText(1_000).trim().min(1, 'say why you are dismissing this suggestion'),
  })
  .strict();
export type DismissSuggestionRequest = z.infer<typeof dismissSuggestionRequestSchema>;

export const suggestionSettingsRequestSchema = z.object({ targetPrecision }).strict();
export type SuggestionSettingsRequest = z.infer<typeof suggestionSettingsRequestSchema>;
