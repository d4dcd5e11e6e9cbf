/**
 * GET /api/metrics on a real Baton: conversations written through the customer and inbox APIs are
 * reported with the same numbers the pure core computes from the same events, under each filter;
 * only ops, admins and QA may read it; a bad window is a 400 that says what to send.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agentApi, agentToken } from '../../../test/support/desk.ts';
import { request } from '../../../test/support/http.ts';
import { startTestBaton, type TestBaton } from '../../../test/support/test-baton.ts';
import { workspaceMetricsSettings } from '../../app/conversation-facts.ts';
import { eventTypes } from '../../core/events/index.ts';
import {
  computeMetrics,
  deriveConversationFacts,
  type MetricsFilter,
  metricSettingsFrom,
} from '../../core/metrics/index.ts';
import { expectSameReport } from '../../core/metrics/report-matcher.fixture.ts';

let baton: TestBaton;
let ops: string;
beforeAll(async () => {
  baton = await startTestBaton();
  ops = await agentToken(baton, 'sam@acme.test');
  // An answered question, a handoff worked and resolved by a person, and one left for the AI.
  for (const text of [
    'How long does standard shipping take?',
    'I want to talk to a real person',
    'How do I return an item?',
  ]) {
    const res = await request(baton.url, 'POST', '/api/widget/conversations', { body: {} });
    const chat = { id: (res.body.conversation as { id: string }).id, token: String(res.body.token) };
    await request(baton.url, 'POST', `/api/widget/conversations/${chat.id}/messages`, {
      token: chat.token,
      body: { text },
    });
    await baton.baton.app.aiTurns.idle();
    if (text.includes('person')) {
      await agentApi(baton, ops, 'POST', `/api/inbox/conversations/${chat.id}/take-over`);
      await agentApi(baton, ops, 'POST', `/api/inbox/conversations/${chat.id}/replies`, {
        text: 'Sam here, happy to help.',
      });
      await agentApi(baton, ops, 'POST', `/api/inbox/conversations/${chat.id}/verdict`, {
        verdict: 'needed',
      });
      await agentApi(baton, ops, 'POST', `/api/inbox/conversations/${chat.id}/resolve`);
    }
  }
});
afterAll(async () => baton?.close());

/** The pure core's report over every event of the workspace, as of the response's "now". */
const coreReport = async (filter: MetricsFilter, asOf: Date) => {
  const workspaceId = baton.baton.app.workspace.id;
  const events = await baton.store.events.listByType(workspaceId, eventTypes, new Date(0));
  const settings = metricSettingsFrom(await workspaceMetricsSettings(baton.store, workspaceId), asOf);
  return computeMetrics(deriveConversationFacts(events), settings, filter);
};

const get = (query: string, token = ops) => agentApi(baton, token, 'GET', `/api/metrics${query}`);

describe('GET /api/metrics', () => {
  it('reports what the core computes from the same events, for the default window and for filters', async () => {
    const all = await get('');
    expect(all.status).toBe(200);
    const { query, recounting, ...report } = all.body as Record<string, unknown> & {
      query: { from: string; to: string; asOf: string };
    };
    expect(recounting).toBe(0);
    expect(report.conversations).toBe(3);
    expect(report.involvementRate).toBeGreaterThan(0);
    expect(report.escalationPrecision).toBe(1);
    const window = { from: new Date(query.from), to: new Date(query.to) };
    expectSameReport(report, await coreReport(window, new Date(query.asOf)), 6);

    const from = new Date(Date.now() - 3600_000).toISOString();
    for (const [suffix, filter] of [
      [`?from=${encodeURIComponent(from)}&channel=widget`, { channel: 'widget' }],
      ['?category=shipping', { category: 'shipping' }],
      ['?team=billing&from=2020-01-01', { teamKey: 'billing' }],
    ] as const) {
      const res = await get(suffix);
      expect(res.status, suffix).toBe(200);
      const {
        query: q,
        recounting: _,
        ...filtered
      } = res.body as Record<string, unknown> & {
        query: { from: string; to: string; asOf: string };
      };
      const expected = await coreReport(
        { from: new Date(q.from), to: new Date(q.to), ...filter },
        new Date(q.asOf),
      );
      expectSameReport(filtered, expected, 6);
    }
  });

  it('says how many conversations are still being counted while another refresh holds them', async () => {
    const workspaceId = baton.baton.app.workspace.id;
    const settled = await agentApi(baton, ops, 'GET', '/api/metrics');
    expect(settled.status).toBe(200);
    expect(settled.body.recounting).toBe(0);
    // Every conversation to count again (a settings change does this), and another process holding
    // them in the middle of its own refresh: this report cannot count them yet, and says so.
    await baton.store.metrics.markAllStale(workspaceId);
    const held = await baton.store.metrics.takeStale(workspaceId, 1000, 60_000);
    expect(held.conversationIds.length).toBeGreaterThan(0);
    const meanwhile = await agentApi(baton, ops, 'GET', '/api/metrics');
    expect(meanwhile.status).toBe(200);
    expect(meanwhile.body.recounting).toBe(held.conversationIds.length);
    await baton.store.metrics.releaseStale(held);
    const after = await agentApi(baton, ops, 'GET', '/api/metrics');
    expect(after.body.recounting).toBe(0);
    expect(after.body.conversations).toBe(settled.body.conversations);
  });

  it('is for ops, admins and QA only', async () => {
    const agent = await agentToken(baton, 'maya@acme.test');
    const refused = await get('', agent);
    expect(refused.status).toBe(403);
    expect(refused.body.error).toMatchObject({ code: 'forbidden' });
    expect((await request(baton.url, 'GET', '/api/metrics')).status).toBe(401);
  });

  it('refuses a window it cannot read, saying what to send', async () => {
    for (const query of [
      '?from=yesterday',
      '?from=2026-03-02&to=2026-03-01',
      '?colour=red',
      '?to=2026-13-01',
    ]) {
      const res = await get(query);
      expect(res.status, query).toBe(400);
      expect(res.body.error, query).toMatchObject({ code: 'invalid_input' });
    }
    const bad = await get('?from=yesterday&colour=red');
    expect((bad.body.error as { message: string }).message).toBe(
      'The request is not valid: from: a date as YYYY-MM-DD, or a date and time with its zone (2026-03-01T09:00:00Z); query: Unrecognized key: "colour".',
    );
  });
});
