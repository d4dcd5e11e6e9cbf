/** First- and next-response targets per team and the timer a conversation shows (issue 15). */
import { z } from 'zod';
import { MAX_TARGET_MINUTES } from '../core/response-time/response-targets.ts';
import { lineText } from './text-fields.ts';

/** The reply a person owes on a conversation: which one, when it is due, and the team's target it came from. */
export const responseDueSchema = z.object({
  kind: z.enum(['first_response', 'next_response']),
  /** ISO time; in the past when the reply is overdue. */
  dueAt: z.string(),
  targetMinutes: z.number().int(),
});
export type ResponseDueView = z.infer<typeof responseDueSchema>;

const targetMinutes = z
  .number({ message: 'give the target as a number of minutes' })
  .int('use whole minutes')
  .min(1, 'use at least 1 minute')
  .max(MAX_TARGET_MINUTES, `use at most ${MAX_TARGET_MINUTES} minutes (a week)`);

export const responseTargetsRequestSchema = z
  .object({
    firstResponseMinutes: targetMinutes,
    nextResponseMinutes: targetMinutes,
    /** Why they changed, kept with the version. */
    note: lineText(500).optional(),
  })
  .strict();
export type ResponseTargetsRequest = z.infer<typeof responseTargetsRequestSchema>;

export const teamResponseTargetsSchema = z.object({
  teamKey: z.string(),
  teamName: z.string(),
  firstResponseMinutes: z.number().int(),
  nextResponseMinutes: z.number().int(),
  /** True while the team has no targets of its own and uses the defaults. */
  isDefault: z.boolean(),
  /** The version of the team's own targets (0 for the defaults). */
  version: z.number().int(),
});
export type TeamResponseTargetsView = z.infer<typeof teamResponseTargetsSchema>;

export const responseTargetsListSchema = z.object({
  teams: z.array(teamResponseTargetsSchema),
  defaults: z.object({ firstResponseMinutes: z.number().int(), nextResponseMinutes: z.number().int() }),
  /** Ops and admins change targets; everyone else reads them. */
  canEdit: z.boolean(),
});
export type ResponseTargetsListView = z.infer<typeof responseTargetsListSchema>;
