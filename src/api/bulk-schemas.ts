/** POST /api/inbox/bulk: one action on many conversations, each done (or refused) on its own. */
import { z } from 'zod';
import { conversationSummarySchema } from './schemas.ts';
import { tagNameSchema } from './tag-schemas.ts';
import { lineText } from './text-fields.ts';

/** The most conversations one bulk request acts on (a screenful and then some). */
export const BULK_LIMIT = 100;

const conversationIds = z
  .array(z.uuid('a conversation id'))
  .min(1, 'name at least one conversation')
  .max(BULK_LIMIT, `at most ${BULK_LIMIT} conversations at a time`)
  .refine((ids) => new Set(ids).size === ids.length, 'name each conversation once');

export const bulkRequestSchema = z.discriminatedUnion('action', [
  z.object({ action: z.literal('resolve'), conversationIds }).strict(),
  z.object({ action: z.literal('assign'), conversationIds, agentId: z.uuid('an agent id') }).strict(),
  z.object({ action: z.literal('move'), conversationIds, teamKey: lineText(100).min(1) }).strict(),
  z.object({ action: z.literal('tag'), conversationIds, tag: tagNameSchema }).strict(),
  z.object({ action: z.literal('untag'), conversationIds, tag: tagNameSchema }).strict(),
]);
export type BulkRequest = z.infer<typeof bulkRequestSchema>;

export const bulkResultSchema = z.discriminatedUnion('ok', [
  z.object({ id: z.string(), ok: z.literal(true), conversation: conversationSummarySchema }),
  z.object({
    id: z.string(),
    ok: z.literal(false),
    /** Why this one was not changed, as the single-conversation action would have answered. */
    error: z.object({ code: z.string(), message: z.string() }),
  }),
]);

export const bulkResponseSchema = z.object({
  /** One per conversation, in the order asked. */
  results: z.array(bulkResultSchema),
  done: z.number().int(),
  failed: z.number().int(),
});
export type BulkResponse = z.infer<typeof bulkResponseSchema>;
