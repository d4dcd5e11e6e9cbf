/** A draft policy's backtest in the ops console (SPEC §5): the request and what comes back; shared with the web app. */
import { z } from 'zod';
import { policyCheckRequestSchema } from './ops-schemas.ts';

export const policyBacktestRequestSchema = policyCheckRequestSchema
  .extend({
    /** The last N days of recorded decisions; null replays everything recorded. */
    days: z
      .number()
      .int('days is a whole number')
      .min(1, 'days is at least 1, or null for everything recorded')
      .max(3_650, 'days is at most 3650, or null for everything recorded')
      .nullable()
      .default(28),
  })
  .strict();
export type PolicyBacktestRequest = z.input<typeof policyBacktestRequestSchema>;

const policyOutcomeSchema = z.object({
  escalated: z.number(),
  byCategory: z.record(z.string(), z.object({ conversations: z.number(), escalated: z.number() })),
  byReason: z.record(z.string(), z.number()),
});

const decisionSchema = z.object({
  action: z.enum(['answer', 'clarify', 'escalate']),
  category: z.string(),
  reasons: z.array(z.string()),
});

export const policyBacktestSchema = z.object({
  /** The published version the draft was compared with (0 for the built-in default). */
  policyVersion: z.number(),
  days: z.number().nullable(),
  conversations: z.number(),
  /** Conversations someone judged (a review label or an agent's verdict). */
  judged: z.number(),
  baseline: policyOutcomeSchema,
  draft: policyOutcomeSchema,
  changed: z.number(),
  /** The first changed conversations, with what each policy decided and what people said. */
  changedConversations: z.array(
    z.object({
      id: z.string(),
      baseline: decisionSchema,
      draft: decisionSchema,
      need: z.enum(['needed', 'not_needed']).nullable(),
    }),
  ),
  labelled: z.object({
    baselineMisses: z.number(),
    draftMisses: z.number(),
    baselineNeedless: z.number(),
    draftNeedless: z.number(),
  }),
});
export type PolicyBacktestView = z.infer<typeof policyBacktestSchema>;
