/** The teams page's requests and responses (issue 10), shared by the server and the web app. */
import { z } from 'zod';
import { lineText } from './text-fields.ts';

const weekday = z.enum(['1', '2', '3', '4', '5', '6', '7']);
const clockText = z.string().max(5);

export const businessHoursSchema = z
  .object({
    timeZone: lineText(64).min(1),
    /** ISO weekday (1 = Monday … 7 = Sunday) → [opening "HH:MM", closing "HH:MM"]; a missing day is closed. */
    days: z.partialRecord(weekday, z.tuple([clockText, clockText])),
    holidays: z.array(z.string().max(10)).max(366).default([]),
  })
  .strict();

export const teamKeySchema = z
  .string()
  .regex(/^[a-z][a-z0-9_-]{0,39}$/, 'use 1–40 lowercase letters, digits, "_" or "-", starting with a letter');

export const teamRequestSchema = z
  .object({
    name: lineText(80).min(1, 'write a name'),
    categories: z.array(lineText(60).min(1)).max(50),
    /** Null: open at all hours. */
    businessHours: businessHoursSchema.nullable(),
  })
  .strict();
export type TeamRequest = z.infer<typeof teamRequestSchema>;

export const teamDetailSchema = z.object({
  key: z.string(),
  name: z.string(),
  categories: z.array(z.string()),
  businessHours: z
    .object({
      timeZone: z.string(),
      days: z.partialRecord(weekday, z.tuple([z.string(), z.string()])),
      holidays: z.array(z.string()),
    })
    .nullable(),
  open: z.boolean(),
});
export type TeamDetailView = z.infer<typeof teamDetailSchema>;

export const teamListSchema = z.object({
  teams: z.array(teamDetailSchema),
  /** The policy's categories: what a team may own. */
  categories: z.array(z.string()),
});
export type TeamListView = z.infer<typeof teamListSchema>;
