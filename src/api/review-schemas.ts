/** The review queue's requests and responses (SPEC §8), shared by the server and the web app. */
import { z } from 'zod';
import { reviewLabels, reviewRootCauses } from '../core/events/vocabulary.ts';
import { eventViewSchema, messageViewSchema } from './schemas.ts';
import { paragraphText } from './text-fields.ts';

export const reviewWeekQuerySchema = z.object({
  week: z
    .string()
    .regex(/^\d{4}-W\d{2}$/, 'must be an ISO week such as 2026-W49')
    .optional(),
});

export const reviewLabelViewSchema = z.object({
  source: z.enum(['review', 'flag']),
  messageId: z.string().nullable(),
  label: z.enum(reviewLabels),
  rootCause: z.enum(reviewRootCauses).nullable(),
  correctAnswer: z.string().nullable(),
  notes: z.string().nullable(),
  authorId: z.string(),
  authorName: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ReviewLabelView = z.infer<typeof reviewLabelViewSchema>;

export const reviewQueueItemSchema = z.object({
  conversationId: z.string(),
  category: z.string(),
  source: z.enum(['flag', 'sample']),
  tier: z.enum(['risky', 'routine']).nullable(),
  risks: z.array(z.string()),
  /** How many AI-handled conversations of the week this one stands for (1 for a flag). */
  weight: z.number(),
  subject: z.string().nullable(),
  /** This reviewer's label, or null while unlabelled. */
  label: reviewLabelViewSchema.nullable(),
});
export type ReviewQueueItem = z.infer<typeof reviewQueueItemSchema>;

export const reviewQueueSchema = z.object({
  week: z.string(),
  /** True once the week is over and its sample is stored; the week under way is drawn afresh. */
  stored: z.boolean(),
  drawnAt: z.string(),
  capacity: z.number(),
  population: z.number(),
  strata: z.array(
    z.object({
      category: z.string(),
      tier: z.enum(['risky', 'routine']),
      population: z.number(),
      sampled: z.number(),
      weight: z.number().nullable(),
    }),
  ),
  items: z.array(reviewQueueItemSchema),
  reviewed: z.number(),
});
export type ReviewQueue = z.infer<typeof reviewQueueSchema>;

export const reviewConversationSchema = z.object({
  conversationId: z.string(),
  subject: z.string().nullable(),
  category: z.string().nullable(),
  customerName: z.string(),
  messages: z.array(messageViewSchema),
  /** The latest AI decision's data (action, category, trace), or null when the AI never decided. */
  decision: z.record(z.string(), z.unknown()).nullable(),
  handoff: z.record(z.string(), z.unknown()).nullable(),
  events: z.array(eventViewSchema),
  /** Every label on it: reviewers' and agents' flags. */
  labels: z.array(reviewLabelViewSchema),
});
export type ReviewConversation = z.infer<typeof reviewConversationSchema>;

export const reviewLabelRequestSchema = z
  .object({
    label: z.enum(reviewLabels),
    rootCause: z.enum(reviewRootCauses).nullable().optional(),
    correctAnswer: paragraphText(4000).nullable().optional(),
    notes: paragraphText(4000).nullable().optional(),
  })
  .strict();
export type ReviewLabelRequest = z.infer<typeof reviewLabelRequestSchema>;
