/**
 * The workspace's counting settings (SPEC §2, §9), saved as the versioned workspace setting
 * `metrics`: the assumed-resolution and recontact windows, and the costs and baselines the cost and
 * time-saved metrics need. Validated on save; every field has a default, so an empty document works.
 */
import { z } from 'zod';
import { DEFAULT_ASSUMED_RESOLUTION_WINDOW_MS } from '../conversation/assumed-resolution.ts';
import { DEFAULT_RECONTACT_WINDOW_MS } from '../conversation/recontact.ts';
import type { FactSettings } from './conversation-facts.ts';
import type { MetricSettings } from './metrics-report.ts';

const HOUR_MS = 3600_000;

export const METRICS_SETTINGS_KEY = 'metrics';

export const metricsSettingsSchema = z.strictObject({
  /** A quiet customer's AI-answered conversation counts as resolved by the AI after this many hours. */
  assumedResolutionHours: z
    .number()
    .positive('must be more than 0 hours')
    .max(24 * 30, 'must be at most 30 days')
    .default(DEFAULT_ASSUMED_RESOLUTION_WINDOW_MS / HOUR_MS),
  /** The same customer back on the same category within this many days is a recontact. */
  recontactDays: z
    .number()
    .positive('must be more than 0 days')
    .max(90, 'must be at most 90 days')
    .default(DEFAULT_RECONTACT_WINDOW_MS / (24 * HOUR_MS)),
  /** What an hour of an agent's time costs, in the workspace's currency; no cost metric without it. */
  humanHourlyCost: z.number().min(0, 'must not be negative').nullable().default(null),
  /** What one AI-handled conversation costs, as the settings page states it; not yet read by a metric. */
  aiCostPerConversation: z.number().min(0, 'must not be negative').nullable().default(null),
  /** A flat AI cost per turn, for providers that do not report their cost. */
  aiCostPerTurn: z.number().min(0, 'must not be negative').default(0),
  /** Human handle time per category in minutes, where history should not decide it. */
  baselineHandleMinutes: z.record(z.string().min(1), z.number().min(0)).default({}),
});

export type MetricsSettings = z.infer<typeof metricsSettingsSchema>;

export type MetricsSettingsResult =
  | { readonly kind: 'valid'; readonly settings: MetricsSettings }
  | { readonly kind: 'invalid'; readonly problems: readonly string[] };

/** The saved document with defaults filled in, or every problem as "field: message". */
export const parseMetricsSettings = (document: unknown): MetricsSettingsResult => {
  const parsed = metricsSettingsSchema.safeParse(document ?? {});
  if (parsed.success) return { kind: 'valid', settings: parsed.data };
  return {
    kind: 'invalid',
    problems: parsed.error.issues.map((issue) => `${issue.path.join('.') || 'settings'}: ${issue.message}`),
  };
};

/** The windows in milliseconds, as the assumed-resolution sweep uses them. */
export const assumedResolutionWindowMs = (settings: MetricsSettings): number =>
  settings.assumedResolutionHours * HOUR_MS;

/** What the facts derivation needs from the settings. */
export const factSettingsFrom = (settings: MetricsSettings, relevanceThreshold: number): FactSettings => ({
  recontactWindowMs: settings.recontactDays * 24 * HOUR_MS,
  relevanceThreshold,
});

/**
 * Whether facts derived under `before` must be derived again under `after`: a setting the
 * derivation reads (the recontact window) changed. Costs and baselines are read by each report.
 */
export const changesFacts = (before: MetricsSettings, after: MetricsSettings): boolean =>
  JSON.stringify(factSettingsFrom(before, 0)) !== JSON.stringify(factSettingsFrom(after, 0));

/** What a report needs from the settings, for a report as of `asOf`. */
export const metricSettingsFrom = (settings: MetricsSettings, asOf: Date): MetricSettings => ({
  asOf,
  humanHourlyCost: settings.humanHourlyCost,
  aiCostPerTurn: settings.aiCostPerTurn,
  baselineHandleSeconds: Object.fromEntries(
    Object.entries(settings.baselineHandleMinutes).map(([category, minutes]) => [category, minutes * 60]),
  ),
});
