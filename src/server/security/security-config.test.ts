import { readFileSync } from 'node:fs';
import { parse } from 'dotenv';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, requireProductionSecrets } from '../config.ts';
import { defaultRateLimitSettings, parseRate } from './rate-limit-settings.ts';

const productionSecrets = {
  BATON_SECRET: 'a'.repeat(64),
  BATON_IDENTITY_SECRET: 'b'.repeat(64),
};

describe('production secrets', () => {
  const problemsOf = (env: Readonly<Record<string, string | undefined>>) => {
    try {
      requireProductionSecrets(env);
      return [];
    } catch (error) {
      if (error instanceof ConfigError) return [...error.problems];
      throw error;
    }
  };

  it('lets the server start without secrets in development, where Baton keeps a generated one in its data folder', () => {
    expect(problemsOf({})).toEqual([]);
  });

  it('refuses to start in production without BATON_SECRET and a separate identity secret, saying how to make one', () => {
    for (const env of [{ NODE_ENV: 'production' }, { BATON_PUBLIC_URL: 'https://desk.acme.example' }]) {
      const problems = problemsOf(env);
      expect(problems).toHaveLength(2);
      expect(problems[0]).toMatch(/^BATON_SECRET: required in production.*openssl rand -hex 32/);
      expect(problems[1]).toMatch(/^BATON_IDENTITY_SECRET: required in production.*openssl rand -hex 32/);
    }
    const same = problemsOf({
      NODE_ENV: 'production',
      BATON_SECRET: 'c'.repeat(64),
      BATON_IDENTITY_SECRET: 'c'.repeat(64),
    });
    expect(same).toEqual([expect.stringMatching(/^BATON_IDENTITY_SECRET: must differ from BATON_SECRET/)]);
    expect(problemsOf({ NODE_ENV: 'production', ...productionSecrets })).toEqual([]);
  });
});

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
