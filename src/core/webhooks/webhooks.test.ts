import { describe, expect, it } from 'vitest';
import { checkWebhookUrl, isPublicAddress } from './destination.ts';
import { DEFAULT_WEBHOOK_RETRY, nextWebhookStep, webhookRetryDelayMs } from './retry-schedule.ts';

const settings = { maxAttempts: 4, firstRetryMs: 1000, longestRetryMs: 5000 };
const response = (status: number, retryAfterSeconds: number | null = null) =>
  ({ kind: 'response', status, retryAfterSeconds }) as const;

describe('webhook retry schedule', () => {
  it('doubles the wait per attempt, within equal jitter, up to the longest wait', () => {
    expect([1, 2, 3, 4].map((attempt) => webhookRetryDelayMs(attempt, settings, 0))).toEqual([
      500, 1000, 2000, 2500,
    ]);
    expect([1, 2, 3, 4].map((attempt) => webhookRetryDelayMs(attempt, settings, 1))).toEqual([
      1000, 2000, 4000, 5000,
    ]);
    expect(webhookRetryDelayMs(30, DEFAULT_WEBHOOK_RETRY, 1)).toBe(DEFAULT_WEBHOOK_RETRY.longestRetryMs);
  });

  it('retries network errors, timeouts, 429 and 5xx until the last attempt, then fails', () => {
    const network = { kind: 'network_error', message: 'connect ECONNREFUSED' } as const;
    for (const result of [network, response(500), response(503), response(429), response(408)]) {
      expect(nextWebhookStep(1, result, settings, 0.5).state).toBe('queued');
      expect(nextWebhookStep(4, result, settings, 0.5)).toMatchObject({ state: 'failed' });
    }
    expect(nextWebhookStep(4, response(502), settings, 0.5)).toEqual({
      state: 'failed',
      why: 'HTTP 502 on attempt 4 of 4',
    });
  });

  it('delivers on any 2xx; fails at once on redirects and other 4xx', () => {
    expect(nextWebhookStep(1, response(204), settings, 0)).toEqual({ state: 'delivered' });
    expect(nextWebhookStep(1, response(301), settings, 0)).toEqual({
      state: 'failed',
      why: 'redirect (301) not followed: not retried',
    });
    expect(nextWebhookStep(1, response(404), settings, 0)).toEqual({
      state: 'failed',
      why: 'HTTP 404: not retried',
    });
  });

  it('heeds Retry-After when it asks for longer than the back-off, within the longest wait', () => {
    expect(nextWebhookStep(1, response(429, 3), settings, 0)).toEqual({ state: 'queued', retryInMs: 3000 });
    expect(nextWebhookStep(1, response(503, 3600), settings, 0)).toEqual({
      state: 'queued',
      retryInMs: 5000,
    });
    expect(nextWebhookStep(2, response(429, 0), settings, 0)).toEqual({ state: 'queued', retryInMs: 1000 });
  });
});

describe('webhook destinations', () => {
  it('knows public addresses from loopback, private, link-local and mapped ones', () => {
    expect(isPublicAddress('93.184.215.14')).toBe(true);
    expect(isPublicAddress('2606:4700::1111')).toBe(true);
    for (const address of [
      '127.0.0.1',
      '10.1.2.3',
      '172.20.0.1',
      '192.168.0.9',
      '169.254.169.254',
      '0.0.0.0',
    ]) {
      expect(isPublicAddress(address)).toBe(false);
    }
    for (const address of ['::1', '::', 'fd12::1', 'fe80::1', '::ffff:10.0.0.1', '100.64.1.1', 'not-an-ip']) {
      expect(isPublicAddress(address)).toBe(false);
    }
  });

  it('accepts a public https URL and refuses other schemes, credentials and private hosts', () => {
    expect(checkWebhookUrl('https://hooks.example.com/baton', false).href).toBe(
      'https://hooks.example.com/baton',
    );
    const code = (url: string, allowPrivate = false) => {
      try {
        checkWebhookUrl(url, allowPrivate);
        return 'accepted';
      } catch (error) {
        return error instanceof Error && 'code' in error ? error.code : 'thrown';
      }
    };
    expect(code('ftp://hooks.example.com/')).toBe('webhook_url_invalid');
    expect(code('https://a:b@hooks.example.com/')).toBe('webhook_url_invalid');
    expect(code('hooks.example.com/x')).toBe('webhook_url_invalid');
    for (const url of [
      'http://169.254.169.254/',
      'http://127.0.0.1:8080/',
      'http://2130706433/',
      'http://[::ffff:7f00:1]/',
      'http://localhost/',
      'http://printer.local/',
      'http://intranet/',
    ]) {
      expect(code(url)).toBe('webhook_url_blocked');
    }
    expect(code('http://127.0.0.1:8080/', true)).toBe('accepted');
  });
});
