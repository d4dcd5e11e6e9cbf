/**
 * The workspace's policy draft (issue 14 item 6): accepting a threshold suggestion stores the
 * current policy with the suggested threshold as a draft — never a silent change — which ops
 * backtest, publish through the versioned path, or discard in the ops console. Shared with the web app.
 */
import { z } from 'zod';
import { suggestionBacktestSchema } from './threshold-suggestion-schemas.ts';

export const policyDraftSchema = z.object({
  /** Identifies this draft (a new accept replaces it with a higher number); publish and discard name it. */
  draft: z.number().int().min(1),
  source: z.literal('threshold_suggestion'),
  category: z.string(),
  fromThreshold: z.number(),
  toThreshold: z.number(),
  targetPrecision: z.number(),
  /** The published policy version the draft was made from; publishing refuses once another is current. */
  basedOnVersion: z.number().int().min(0),
  /** The whole draft policy as YAML, as the editor and the draft backtest take it. */
  yaml: z.string(),
  /** Why the person accepted it, in their words. */
  why: z.string(),
  /** The note the published version will carry: the why, the change and the backtest's numbers. */
  note: z.string(),
  by: z.string(),
  byName: z.string(),
  createdAt: z.string(),
  /** The suggestion's backtest when it was accepted. */
  backtest: suggestionBacktestSchema,
});
export type PolicyDraftView = z.infer<typeof policyDraftSchema>;

export const policyDraftResponseSchema = z.object({
  draft: policyDraftSchema.nullable(),
  /** Whether the signed-in person may publish or discard it (ops and admins). */
  canChange: z.boolean(),
});
export type PolicyDraftResponse = z.infer<typeof policyDraftResponseSchema>;

/** What accepting a suggestion answers: the new draft, and the one it replaced, if any. */
export const acceptSuggestionResponseSchema = z.object({
  draft: policyDraftSchema,
  replaced: policyDraftSchema
    .pick({ draft: true, category: true, toThreshold: true, byName: true })
    .nullable(),
});
export type AcceptSuggestionResponse = z.infer<typeof acceptSuggestionResponseSchema>;

/** Names the draft the person saw, so a draft replaced meanwhile is not the one published or discarded. */
export const policyDraftActionSchema = z.object({ draft: z.number().int().min(1) }).strict();
export type PolicyDraftAction = z.infer<typeof policyDraftActionSchema>;
