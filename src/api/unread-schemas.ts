/** Unread markers: which conversations a person has not read, and the counts the inbox shows. */
import { z } from 'zod';

export const unreadViewSchema = z.object({
  /** Unread conversations among the team queues, the person's own and those with the AI. */
  conversationIds: z.array(z.string()),
  views: z.object({ queue: z.number(), mine: z.number(), ai: z.number() }),
  /** Unread conversations per team queue; teams with none are absent. */
  teams: z.record(z.string(), z.number()),
  /** The tab title's number: unread in the team queues and assigned to the person, once each. */
  total: z.number(),
});
export type UnreadView = z.infer<typeof unreadViewSchema>;
