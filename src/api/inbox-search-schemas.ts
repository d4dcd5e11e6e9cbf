/** GET /api/inbox/conversations: a view or team queue, narrowed by a search and filters. */
import { z } from 'zod';
import { instant } from './instant.ts';
import { conversationStateSchema, inboxQuerySchema } from './schemas.ts';
import { tagNameSchema } from './tag-schemas.ts';
import { lineText } from './text-fields.ts';

export const inboxListQuerySchema = inboxQuerySchema
  .extend({
    /** Words of the customer's name or e-mail or of any message (all of them, as prefixes), or a conversation id. */
    q: lineText(200).optional(),
    status: conversationStateSchema.optional(),
    priority: z.coerce.number().int('a whole number').min(0).max(100).optional(),
    /** `me`, `none` (nobody yet) or an agent's id. */
    assignee: z.union([z.enum(['me', 'none']), z.uuid('an agent id, me or none')]).optional(),
    category: lineText(100).min(1).optional(),
    /** Started at or after this instant. */
    from: instant.optional(),
    /** Started before this instant. */
    to: instant.optional(),
    /** Only conversations on this hold (the active views leave held ones out). */
    hold: z.enum(['snoozed', 'waiting_on_customer']).optional(),
    /** Only conversations carrying this tag. */
    tag: tagNameSchema.optional(),
    /** `true`: only conversations with news the signed-in person has not read. */
    unread: z
      .enum(['true', 'false'], 'true or false')
      .transform((value) => value === 'true')
      .optional(),
    /** Conversations per page: 1–500 (200 by default; 100 for the resolved view). */
    limit: z.coerce.number().int('a whole number').min(1).max(500).optional(),
    /** The `nextCursor` of the page before. */
    cursor: z.string().min(1).max(300).optional(),
  })
  .strict()
  .refine((query) => !query.from || !query.to || query.from.getTime() < query.to.getTime(), {
    message: 'from must be before to',
    path: ['from'],
  });
export type InboxListQuery = z.infer<typeof inboxListQuerySchema>;
