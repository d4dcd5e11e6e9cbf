import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { eventually, request } from '../../../test/support/http.ts';
import { startTestBaton, TEST_SECRET, type TestBaton } from '../../../test/support/test-baton.ts';
import { buildHttpApp } from '../app.ts';
import { signCustomerIdentity } from '../auth/customer-identity.ts';
import { noRateLimits } from '../security/rate-limits.ts';
import { createOperationalMetrics } from './operational-metrics.ts';

let baton: TestBaton;
let webRoot: string;
beforeAll(async () => {
  baton = await startTestBaton();
  webRoot = await mkdtemp(join(tmpdir(), 'baton-web-'));
  await writeFile(join(webRoot, 'index.html'), '<!doctype html><title>Baton</title>');
});
afterAll(async () => {
  await baton?.close();
  await rm(webRoot, { recursive: true, force: true });
});

const scrape = async (): Promise<string> => {
  const res = await fetch(`${baton.url}/metrics`);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toContain('text/plain');
  return res.text();
};

/** The value of one sample line, e.g. `baton_live_sockets` or `name{label="x"}`. */
const sample = (text: string, series: string): number | null => {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? null : Number(line.slice(series.length + 1));
};

const startChat = async () => {
  const started = await request(baton.url, 'POST', '/api/widget/conversations', { body: { name: 'Ana' } });
  return { id: (started.body.conversation as { id: string }).id, token: String(started.body.token) };
};

describe('GET /metrics', () => {
  it('counts requests by route pattern and status, and times AI turns by outcome', async () => {
    const chat = await startChat();
    await request(baton.url, 'POST', `/api/widget/conversations/${chat.id}/messages`, {
      token: chat.token,
      body: { text: 'can I speak to a human please' },
    });
    await baton.baton.app.aiTurns.idle();
    const text = await scrape();
    const route = '/api/widget/conversations/:id/messages';
    expect(
      sample(text, `baton_http_request_duration_seconds_count{method="POST",route="${route}",status="201"}`),
    ).toBe(1);
    expect(text).not.toContain(chat.id);
    expect(sample(text, 'baton_ai_turn_duration_seconds_count{outcome="escalate"}')).toBe(1);
    expect(text).toContain('# TYPE baton_process_cpu_seconds_total counter');
  });

  it('reports what waits, read from the database at each scrape', async () => {
    const chat = await startChat();
    // Handed over straight in the store, so no assignment takes it off the queue meanwhile.
    await baton.store.conversations.applyChange(
      chat.id,
      'ai',
      { state: 'queued', teamKey: 'billing', priority: 1 },
      {
        type: 'handed_over',
        actor: { kind: 'ai' },
        data: { teamKey: 'billing', priority: 1, reasons: [], waitMinutes: null, packet: {} },
      },
    );
    const text = await scrape();
    const depths = await baton.store.metrics.queueDepths(baton.baton.app.workspace.id);
    expect(depths.handoffsWaiting).toBeGreaterThanOrEqual(1);
    expect(sample(text, 'baton_queue_depth{queue="handoffs_waiting"}')).toBe(depths.handoffsWaiting);
    expect(sample(text, 'baton_queue_depth{queue="ai_turns_queued"}')).toBe(depths.aiTurnsQueued);
    expect(sample(text, 'baton_queue_depth{queue="ai_turns_running"}')).toBe(depths.aiTurnsRunning);
    expect(sample(text, 'baton_queue_depth{queue="facts_stale"}')).not.toBeNull();
  });

  it('counts account lookups by integration and status', async () => {
    const started = await request(baton.url, 'POST', '/api/widget/conversations', {
      body: { externalId: 'cus_ana', identitySignature: signCustomerIdentity(TEST_SECRET, 'cus_ana') },
    });
    const id = (started.body.conversation as { id: string }).id;
    await request(baton.url, 'POST', `/api/widget/conversations/${id}/messages`, {
      token: String(started.body.token),
      body: { text: "Why is this month's charge different from last month's?" },
    });
    await baton.baton.app.aiTurns.idle();
    const lookups = (await baton.store.events.list(id)).filter((e) => e.type === 'lookup_completed');
    expect(lookups.length).toBeGreaterThan(0);
    const text = await scrape();
    for (const lookup of lookups) {
      const series = `baton_integration_call_duration_seconds_count{integration="${lookup.data.name}",status="${lookup.data.status}"}`;
      expect(sample(text, series), series).toBeGreaterThanOrEqual(1);
    }
  });

  it('shows the open live-update connections', async () => {
    const chat = await startChat();
    const socket = new WebSocket(
      `${baton.url.replace('http', 'ws')}/api/live?conversation=${chat.id}&token=${chat.token}`,
    );
    await new Promise((resolve, reject) => {
      socket.once('message', resolve);
      socket.once('error', reject);
    });
    expect(sample(await scrape(), 'baton_live_sockets')).toBe(1);
    socket.close();
    await eventually(async () => (sample(await scrape(), 'baton_live_sockets') === 0 ? true : null));
  });
});

describe('request ids and request logs', () => {
  const logged: Record<string, unknown>[] = [];
  const log = pino(
    { level: 'info' },
    new Writable({
      write(chunk, _encoding, done) {
        logged.push(JSON.parse(String(chunk)));
        done();
      },
    }),
  );
  const app = () =>
    buildHttpApp(
      { app: baton.baton.app, settings: { ...testSettings }, rateLimits: noRateLimits },
      {
        webRoot,
        observability: { metrics: createOperationalMetrics(), log, metricsToken: 'scrape-token-0123456789' },
      },
    );

  it('gives every response a request id, keeping a sane one the caller sent', async () => {
    const fresh = await app().request('/api/health');
    expect(fresh.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    const kept = await app().request('/api/health', { headers: { 'X-Request-Id': 'lb-42' } });
    expect(kept.headers.get('x-request-id')).toBe('lb-42');
  });

  it('logs one line per request with its id, route pattern, status and duration, and no query string', async () => {
    logged.length = 0;
    const res = await app().request('/api/widget/conversations/not-a-conversation?token=secret-value');
    const line = logged.find((entry) => entry.requestId === res.headers.get('x-request-id'));
    expect(line).toMatchObject({
      msg: 'request',
      method: 'GET',
      route: '/api/widget/conversations/:id',
      path: '/api/widget/conversations/not-a-conversation',
      status: res.status,
    });
    expect(line?.durationMs).toBeTypeOf('number');
    expect(JSON.stringify(logged)).not.toContain('secret-value');
  });

  it('serves /metrics before the web app’s catch-all, and wants the token when one is set', async () => {
    const page = await app().request('/agent');
    expect(await page.text()).toContain('<title>Baton</title>');
    const refused = await app().request('/metrics');
    expect(refused.status).toBe(401);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('unauthenticated');
    const scraped = await app().request('/metrics', {
      headers: { authorization: 'Bearer scrape-token-0123456789' },
    });
    expect(scraped.status).toBe(200);
    expect(await scraped.text()).toContain('# TYPE baton_http_request_duration_seconds histogram');
  });
});

const testSettings = {
  secret: TEST_SECRET,
  identitySecret: TEST_SECRET,
  sessionTtlHours: 1,
  customerTokenTtlDays: 1,
  secureCookies: false,
};
