/** The coaching settings (SPEC §8): reviewers' weekly review capacity and the report cadence. */
import { z } from 'zod';

export const reportCadences = ['weekly', 'fortnightly'] as const;

export const coachingSettingsSchema = z.object({
  /** How many conversations the reviewers can review a week: the sample's size follows it. */
  reviewsPerWeek: z
    .number()
    .int('write the weekly review capacity as a whole number')
    .min(1, 'the weekly review capacity is at least 1')
    .max(10_000, 'the weekly review capacity is at most 10000'),
  /** How often the review report is read: every week, or every two weeks. */
  reportCadence: z.enum(reportCadences, { message: 'the report cadence is "weekly" or "fortnightly"' }),
});
export type CoachingSettings = z.infer<typeof coachingSettingsSchema>;

export const coachingSettingsUpdateSchema = coachingSettingsSchema.extend({
  note: z.string().max(500).optional(),
});

export const coachingSettingsViewSchema = coachingSettingsSchema.extend({
  /** Whether the signed-in person may change them (ops and admins). */
  canEdit: z.boolean(),
});
export type CoachingSettingsView = z.infer<typeof coachingSettingsViewSchema>;
