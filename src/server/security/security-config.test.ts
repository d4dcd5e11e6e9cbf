import { readFileSync } from 'node:fs';
import { parse } from 'dotenv';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../config.ts';
import { defaultRateLimitSettings, parseRate } from './rate-limit-settings.ts';

describe('security settings', () => {
  it('reads .env.example as the defaults', () => {
    const example = parse(readFileSync(new URL('../../../.env.example', import.meta.url)));
    const config = loadConfig(example);
    expect(config.rateLimits).toEqual(defaultRateLimitSettings);
    expect(config.trustedProxyHops).toBe(0);
    expect(config.widgetFrameAncestors).toEqual(['*']);
  });

  it('reads rates as N per time and turns limits off only when asked', () => {
    expect(parseRate('20/10m')).toEqual({ points: 20, seconds: 600 });
    expect(parseRate('5 / 2h')).toEqual({ points: 5, seconds: 7200 });
    expect(parseRate('0/1m')).toBeNull();
    expect(parseRate('lots')).toBeNull();
    expect(loadConfig({ BATON_RATE_LIMITS: 'off' }).rateLimits).toBe('off');
    const config = loadConfig({
      RATE_LIMIT_MESSAGES_PER_CUSTOMER: '3/1s',
      BATON_WIDGET_FRAME_ANCESTORS: 'https://a.example, https://b.example',
    });
    expect(config.rateLimits !== 'off' && config.rateLimits.messagesPerCustomer).toEqual({
      points: 3,
      seconds: 1,
    });
    expect(config.widgetFrameAncestors).toEqual(['https://a.example', 'https://b.example']);
  });

  it('reads the live socket origins, with the public URL, and refuses anything but origins', () => {
    expect(loadConfig({}).liveAllowedOrigins).toEqual([]);
    const config = loadConfig({
      BATON_PUBLIC_URL: 'https://desk.acme.example/support',
      BATON_LIVE_ALLOWED_ORIGINS: 'https://admin.acme.example, http://127.0.0.1:5173',
    });
    expect(config.liveAllowedOrigins).toEqual([
      'https://desk.acme.example',
      'https://admin.acme.example',
      'http://127.0.0.1:5173',
    ]);
    expect(() => loadConfig({ BATON_LIVE_ALLOWED_ORIGINS: 'https://a.example/path' })).toThrow(
      /BATON_LIVE_ALLOWED_ORIGINS: must be origins like https:\/\/desk\.example\.com/,
    );
  });

  it('names a malformed rate with the form it wants', () => {
    expect(() => loadConfig({ RATE_LIMIT_MESSAGES_PER_IP: 'fast' })).toThrow(ConfigError);
    expect(() => loadConfig({ RATE_LIMIT_MESSAGES_PER_IP: 'fast' })).toThrow(
      /RATE_LIMIT_MESSAGES_PER_IP: must be N\/<time>, e\.g\. 20\/10m/,
    );
  });
});
