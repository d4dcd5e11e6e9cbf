/** The weekly review report's request and response (SPEC §8), shared by the server and the web app. */
import { z } from 'zod';

export const weeklyReportQuerySchema = z.object({
  /** ISO week; the week just finished when left out. */
  week: z
    .string()
    .regex(/^\d{4}-W\d{2}$/, 'write the week like 2026-W49')
    .optional(),
});

export const weeklyReportResponseSchema = z.object({
  week: z.string(),
  /** The weeks covered, oldest first: two when the coaching setting's cadence is fortnightly. */
  weeks: z.array(z.string()),
  cadence: z.enum(['weekly', 'fortnightly']),
  /** The report as `baton report --format md` prints it. */
  markdown: z.string(),
  /** The report as `baton report --format json` prints it. */
  report: z.record(z.string(), z.unknown()),
});
export type WeeklyReportResponse = z.infer<typeof weeklyReportResponseSchema>;
