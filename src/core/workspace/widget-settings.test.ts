import { describe, expect, it } from 'vitest';
import { defaultWidgetSettings, parseWidgetSettings } from './widget-settings.ts';

describe('widget settings', () => {
  it('gives the defaults before anything was saved', () => {
    expect(parseWidgetSettings(undefined)).toEqual(defaultWidgetSettings);
  });

  it('keeps what was saved', () => {
    const saved = {
      greeting: 'Welcome to Acme!',
      colour: '#0a7f3f',
      position: 'left',
      publicUrl: 'https://help.acme.test',
      launcherText: 'Ask Acme',
    };
    expect(parseWidgetSettings(saved)).toEqual(saved);
  });

  it('falls back field by field when a stored value is malformed', () => {
    expect(
      parseWidgetSettings({
        greeting: '  ',
        colour: 'red',
        position: 'top',
        publicUrl: 7,
        launcherText: 'x'.repeat(41),
      }),
    ).toEqual(defaultWidgetSettings);
    expect(parseWidgetSettings({ colour: '#ABCDEF' }).colour).toBe('#ABCDEF');
  });
});
