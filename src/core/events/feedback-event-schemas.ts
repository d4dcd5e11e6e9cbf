/**
 * Payloads of what people say about a conversation (SPEC §7, §8, §9): the agent's escalation
 * verdict, flags on AI answers, the customer's rating, a reviewer's label.
 */
import { z } from 'zod';
import {
  aiMessageFlags,
  escalationVerdicts,
  idSchema,
  reviewLabels,
  reviewRootCauses,
} from './vocabulary.ts';

export const MAX_RATING_COMMENT_CHARS = 1000;

/**
 * One verdict per handoff: it names the `handed_over` event it judges. A second verdict on the
 * same handoff changes it and says what it changed from, so nothing is overwritten.
 */
export const escalationVerdictSchema = z.strictObject({
  verdict: z.enum(escalationVerdicts),
  handoffEventId: idSchema,
  previous: z.enum(escalationVerdicts).nullable(),
});

export const aiMessageFlaggedSchema = z.strictObject({
  messageId: idSchema,
  flag: z.enum(aiMessageFlags),
  correctAnswer: z.string().min(1).nullable(),
});

/** The customer was asked to rate the resolution named by `resolvedEventId` (once per resolution). */
export const ratingRequestedSchema = z.strictObject({ resolvedEventId: idSchema });

/** The customer's rating of one resolution (CSAT); a later rating of the same resolution replaces it. */
export const ratedSchema = z.strictObject({
  rating: z.number().int().min(1).max(5),
  comment: z.string().min(1).max(MAX_RATING_COMMENT_CHARS).nullable(),
  resolvedEventId: idSchema,
});

export const reviewedSchema = z.strictObject({
  label: z.enum(reviewLabels),
  rootCause: z.enum(reviewRootCauses).nullable(),
});
