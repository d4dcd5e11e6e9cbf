/** Canned replies: a team's saved reply, and one as an agent picks it for a conversation. */
import { z } from 'zod';
import { lineText, paragraphText } from './text-fields.ts';

export const cannedReplyRequestSchema = z
  .object({
    teamKey: lineText(100).min(1, 'name the team'),
    title: lineText(200).min(1, 'give the reply a title'),
    /** Placeholders: {{customer.name}}, {{customer.first_name}}, {{agent.first_name}}, {{order.status}}… */
    body: paragraphText(10_000).refine((text) => text.trim().length > 0, 'write the reply'),
  })
  .strict();

export const cannedReplyViewSchema = z.object({
  id: z.string(),
  teamKey: z.string(),
  title: z.string(),
  body: z.string(),
  text: z.string(),
  unfilled: z.array(z.string()),
  updatedAt: z.string(),
});
export type CannedReplyViewBody = z.infer<typeof cannedReplyViewSchema>;

export const cannedRepliesQuerySchema = z
  .object({ conversation: z.string().min(1).max(100).optional() })
  .strict();

export const cannedRepliesListSchema = z.object({
  replies: z.array(cannedReplyViewSchema),
  /** Every placeholder a reply may use here (people, and the configured lookups' fields). */
  placeholders: z.array(z.string()),
});
export type CannedRepliesListBody = z.infer<typeof cannedRepliesListSchema>;
