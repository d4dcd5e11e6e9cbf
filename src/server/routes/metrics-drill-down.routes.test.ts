/**
 * GET /api/metrics/series and /api/metrics/conversations on a real Baton: conversations written
 * through the customer and inbox APIs; each period's counts add up to the report, a drill-down lists
 * exactly the conversations a count is made of (its total equals the count), only ops, admins and
 * QA may read, and bad input is a 400 that says what to send.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agentApi, agentToken } from '../../../test/support/desk.ts';
import { request } from '../../../test/support/http.ts';
import { startTestBaton, type TestBaton } from '../../../test/support/test-baton.ts';

let baton: TestBaton;
let sam: string;
const handedOverIds: string[] = [];
const allIds: string[] = [];

beforeAll(async () => {
  baton = await startTestBaton();
  sam = await agentToken(baton, 'sam@acme.test');
  for (const text of [
    'How long does standard shipping take?',
    'I want to talk to a real person',
    'How do I return an item?',
    'Let me speak to a human agent please',
  ]) {
    const res = await request(baton.url, 'POST', '/api/widget/conversations', { body: {} });
    const chat = { id: (res.body.conversation as { id: string }).id, token: String(res.body.token) };
    allIds.push(chat.id);
    await request(baton.url, 'POST', `/api/widget/conversations/${chat.id}/messages`, {
      token: chat.token,
      body: { text },
    });
    await baton.baton.app.aiTurns.idle();
    if (text.includes('person') || text.includes('human')) handedOverIds.push(chat.id);
  }
});
afterAll(async () => baton?.close());

const get = (path: string, token = sam) => agentApi(baton, token, 'GET', path);

type Period = {
  period: string;
  conversations: number;
  rates: Record<string, { of: number; counts: number; rate: number | null }>;
};

describe('GET /api/metrics/series', () => {
  it('has a period for every day of the window whose counts add up to the report', async () => {
    const report = (await get('/api/metrics')).body;
    const res = await get('/api/metrics/series?by=day');
    expect(res.status).toBe(200);
    const series = res.body.series as Period[];
    // The default window is 30 days back from now, so it touches 30 or 31 UTC days.
    expect(series.length).toBeGreaterThanOrEqual(30);
    expect(series.reduce((sum, point) => sum + point.conversations, 0)).toBe(report.conversations);
    const handoffs = series.reduce((sum, point) => sum + (point.rates.handoffRate?.counts ?? 0), 0);
    expect(handoffs / Number(report.conversations)).toBeCloseTo(Number(report.handoffRate), 10);
    const today = series.at(-1);
    expect(today?.conversations).toBe(allIds.length);
    expect(today?.rates.handoffRate?.rate).toBe(handoffs / allIds.length);

    const weeks = (await get('/api/metrics/series?by=week')).body.series as Period[];
    expect(weeks.length).toBeGreaterThanOrEqual(5);
    expect(weeks.every((point) => new Date(`${point.period}T00:00:00Z`).getUTCDay() === 1)).toBe(true);
    expect(weeks.reduce((sum, point) => sum + point.conversations, 0)).toBe(allIds.length);
  });

  it('follows the filters', async () => {
    const email = (await get('/api/metrics/series?channel=email')).body.series as Period[];
    expect(email.reduce((sum, point) => sum + point.conversations, 0)).toBe(0);
  });

  it('refuses a day-by-day series over years, and agents', async () => {
    const long = await get('/api/metrics/series?by=day&from=2020-01-01&to=2026-01-01');
    expect(long.status).toBe(400);
    expect(long.body.error?.code).toBe('invalid_input');
    expect(long.body.error?.message).toMatch(/by=week/);
    const agent = await agentToken(baton, 'maya@acme.test');
    expect((await get('/api/metrics/series', agent)).status).toBe(403);
  });
});

describe('GET /api/metrics/conversations', () => {
  it('lists exactly the conversations behind a number, with inbox links, a page at a time', async () => {
    const handed = await get('/api/metrics/conversations?metric=handoffRate');
    expect(handed.status).toBe(200);
    expect(handed.body.total).toBe(handedOverIds.length);
    const rows = handed.body.conversations as { id: string; href: string; handedOver: boolean }[];
    expect(rows.map((row) => row.id).sort()).toEqual([...handedOverIds].sort());
    expect(rows.every((row) => row.handedOver && row.href === `/agent?c=${row.id}`)).toBe(true);

    const everything = await get('/api/metrics/conversations?metric=conversations&limit=3');
    expect(everything.body.total).toBe(allIds.length);
    expect(everything.body.conversations).toHaveLength(3);
    const rest = await get('/api/metrics/conversations?metric=conversations&limit=3&offset=3');
    const idsOf = (body: Record<string, unknown>) =>
      (body.conversations as { id: string }[]).map((row) => row.id);
    const listed = [...idsOf(everything.body), ...idsOf(rest.body)];
    expect(listed.sort()).toEqual([...allIds].sort());

    const involved = await get('/api/metrics/conversations?metric=aiResolutionRate&part=of');
    const report = (await get('/api/metrics')).body;
    expect(involved.body.total).toBe(Math.round(Number(report.involvementRate) * allIds.length));
  });

  it('answers a 400 naming what to send for an unknown metric or a bad page', async () => {
    for (const query of [
      'metric=nonsense',
      'metric=handoffRate&limit=0',
      'metric=handoffRate&offset=-1',
      '',
    ]) {
      const res = await get(`/api/metrics/conversations?${query}`);
      expect(res.status, query).toBe(400);
      expect(res.body.error?.code).toBe('invalid_input');
    }
  });
});
