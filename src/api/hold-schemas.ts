/** Holds on a conversation (snoozed, waiting on the customer): the request that sets one and how one shows. */
import { z } from 'zod';

export const holdRequestSchema = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('snoozed'),
      /** When the conversation comes back, ISO 8601 with its zone (at most 90 days ahead). */
      until: z.iso.datetime({
        offset: true,
        message: 'a date and time with its zone, e.g. 2026-03-02T09:00:00Z',
      }),
    })
    .strict(),
  z.object({ kind: z.literal('waiting_on_customer') }).strict(),
  /** Takes the hold off: the conversation is back in the active views. */
  z.object({ kind: z.literal('none') }).strict(),
]);
export type HoldRequestBody = z.infer<typeof holdRequestSchema>;

export const holdViewSchema = z
  .object({ kind: z.enum(['snoozed', 'waiting_on_customer']), until: z.string().nullable() })
  .nullable();
export type HoldView = z.infer<typeof holdViewSchema>;
