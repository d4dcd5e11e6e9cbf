/** Requests and responses of the workspace settings page (issue 10): the chat's look, the counting windows and costs. */
import { z } from 'zod';
import { HEX_COLOUR, LAUNCHER_TEXT_MAX, widgetPositions } from '../core/workspace/widget-settings.ts';
import { lineText } from './text-fields.ts';

const publicUrlSchema = lineText(300)
  .pipe(z.url({ protocol: /^https?$/, error: 'must be a web address such as https://support.example.com' }))
  .nullable();

export const widgetSettingsSchema = z
  .object({
    greeting: lineText(300).min(1, 'write the first line customers see, e.g. "Hi! How can we help?"'),
    colour: z.string().regex(HEX_COLOUR, 'must be a colour such as #1f4fd1'),
    position: z.enum(widgetPositions, { error: 'must be right or left' }),
    publicUrl: publicUrlSchema,
    /** Absent: "Chat with us". */
    launcherText: lineText(LAUNCHER_TEXT_MAX)
      .min(1, 'write the words on the chat button, e.g. "Chat with us"')
      .optional(),
  })
  .strict();

export const countingSettingsSchema = z
  .object({
    assumedResolutionHours: z.number(),
    recontactDays: z.number(),
    humanHourlyCost: z.number().nullable(),
    aiCostPerConversation: z.number().nullable(),
  })
  .strict();

export const saveSettingsRequestSchema = z
  .object({
    widget: widgetSettingsSchema,
    counting: countingSettingsSchema,
    note: lineText(300).optional(),
  })
  .strict();
export type SaveSettingsRequest = z.infer<typeof saveSettingsRequestSchema>;

export const settingsChangeSchema = z.object({
  /** `widget` (the chat's look and the public URL) or `metrics` (windows and costs). */
  setting: z.string(),
  version: z.number(),
  author: z.string(),
  at: z.string(),
  note: z.string().nullable(),
  /** The values as saved in this version: earlier versions are the previous values. */
  value: z.record(z.string(), z.unknown()),
});

export const settingsViewSchema = z.object({
  widget: widgetSettingsSchema,
  counting: countingSettingsSchema,
  history: z.array(settingsChangeSchema),
});
export type SettingsView = z.infer<typeof settingsViewSchema>;

/** A save's answer: the page's view, and how many past conversations it queued to be counted again. */
export const savedSettingsSchema = settingsViewSchema.extend({
  /** Conversations already counted that a new window (recontact or assumed resolution) counts anew; 0 otherwise. */
  recounted: z.number().int(),
});
export type SavedSettings = z.infer<typeof savedSettingsSchema>;

/** What the chat and the widget loader read, without signing in. */
export const widgetAppearanceSchema = z.object({
  greeting: z.string(),
  colour: z.string(),
  position: z.enum(widgetPositions),
  launcherText: z.string(),
});
