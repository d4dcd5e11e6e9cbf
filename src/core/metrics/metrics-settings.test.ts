import { describe, expect, it } from 'vitest';
import { defaultFactSettings } from './derive-facts.ts';
import {
  assumedResolutionWindowMs,
  changesFacts,
  factSettingsFrom,
  metricSettingsFrom,
  parseMetricsSettings,
} from './metrics-settings.ts';

describe('metrics settings', () => {
  it('default to a 24-hour assumed-resolution window, a 7-day recontact window and no costs', () => {
    const parsed = parseMetricsSettings(undefined);
    if (parsed.kind !== 'valid') throw new Error(parsed.problems.join('; '));
    expect(parsed.settings).toEqual({
      assumedResolutionHours: 24,
      recontactDays: 7,
      humanHourlyCost: null,
      aiCostPerConversation: null,
      aiCostPerTurn: 0,
      baselineHandleMinutes: {},
    });
    expect(assumedResolutionWindowMs(parsed.settings)).toBe(24 * 3600_000);
    expect(factSettingsFrom(parsed.settings, defaultFactSettings.relevanceThreshold)).toEqual(
      defaultFactSettings,
    );
  });

  it('turn configured minutes and days into what the derivation and the report use', () => {
    const parsed = parseMetricsSettings({
      recontactDays: 3,
      humanHourlyCost: 42,
      baselineHandleMinutes: { refund: 12 },
    });
    if (parsed.kind !== 'valid') throw new Error(parsed.problems.join('; '));
    expect(factSettingsFrom(parsed.settings, 0.5).recontactWindowMs).toBe(3 * 24 * 3600_000);
    const asOf = new Date(0);
    expect(metricSettingsFrom(parsed.settings, asOf)).toEqual({
      asOf,
      humanHourlyCost: 42,
      aiCostPerTurn: 0,
      baselineHandleSeconds: { refund: 720 },
    });
  });

  it('ask for the facts to be derived again only when the recontact window changes', () => {
    const parse = (document: unknown) => {
      const parsed = parseMetricsSettings(document);
      if (parsed.kind !== 'valid') throw new Error('expected valid settings');
      return parsed.settings;
    };
    const defaults = parse({});
    expect(changesFacts(defaults, parse({ recontactDays: 7 }))).toBe(false);
    expect(changesFacts(defaults, parse({ recontactDays: 3 }))).toBe(true);
    expect(changesFacts(defaults, parse({ humanHourlyCost: 30, assumedResolutionHours: 2 }))).toBe(false);
  });

  it('list every problem with the field it is in', () => {
    expect(parseMetricsSettings({ recontactDays: 0, humanHourlyCost: -1, ticketsPerDay: 3 })).toEqual({
      kind: 'invalid',
      problems: [
        'recontactDays: must be more than 0 days',
        'humanHourlyCost: must not be negative',
        'settings: Unrecognized key: "ticketsPerDay"',
      ],
    });
  });
});
