/**
 * The inbox's Resolved view over HTTP against a real Baton: without a team chosen it holds every
 * resolved conversation the person could open — the AI's own resolutions, which no team ever held,
 * included — and with a team chosen only that team's.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addStaff,
  agentApi,
  customerWrites,
  queueWaiting,
  resolvedByAi,
  signInAs,
} from '../../../test/support/desk.ts';
import { startTestBaton, type TestBaton } from '../../../test/support/test-baton.ts';
import type { ConversationSummary } from '../../api/schemas.ts';

let baton: TestBaton;
let agent: string;
let admin: string;
/** Resolved by the AI (no team), by the orders team, and by the billing team. */
const resolved = { byAi: '', orders: '', billing: '' };

/** The one conversation of a team's queue (each queue gets exactly one here). */
const onlyQueued = async (teamKey: string) => {
  const workspace = await baton.store.workspaces.getBySlug('acme');
  const rows = await baton.store.conversations.list(workspace?.id ?? '', {
    states: ['queued'],
    teamKeys: [teamKey],
  });
  expect(rows).toHaveLength(1);
  return rows[0]?.id ?? '';
};

beforeAll(async () => {
  baton = await startTestBaton();
  const lead = await addStaff(baton, { email: 'ida@acme.test', role: 'admin', teamKeys: [] });
  admin = await signInAs(baton, lead.email, lead.password);
  const ordersAgent = await addStaff(baton, { email: 'noor@acme.test', role: 'agent', teamKeys: ['orders'] });
  agent = await signInAs(baton, ordersAgent.email, ordersAgent.password);
  const chat = await customerWrites(baton, 'How long does standard shipping take?');
  await baton.baton.app.aiTurns.idle();
  resolved.byAi = chat.id;
  expect(await resolvedByAi(baton, chat.id)).toBe('resolved');
  await queueWaiting(baton, 1, { teamKey: 'orders' });
  await queueWaiting(baton, 1, { teamKey: 'billing' });
  resolved.orders = await onlyQueued('orders');
  resolved.billing = await onlyQueued('billing');
  const bulk = await agentApi(baton, admin, 'POST', '/api/inbox/bulk', {
    action: 'resolve',
    conversationIds: [resolved.orders, resolved.billing],
  });
  expect(bulk.body).toMatchObject({ done: 2, failed: 0 });
}, 120_000);
afterAll(async () => baton?.close());

const resolvedIds = async (token: string, query = '') => {
  const res = await agentApi(baton, token, 'GET', `/api/inbox/conversations?view=resolved${query}`);
  expect(res.status).toBe(200);
  return new Set((res.body.conversations as ConversationSummary[]).map((c) => c.id));
};

describe('the Resolved view', () => {
  it("shows an agent their teams' resolved conversations and the AI's, not another team's", async () => {
    const ids = await resolvedIds(agent);
    expect(ids.has(resolved.byAi)).toBe(true);
    expect(ids.has(resolved.orders)).toBe(true);
    expect(ids.has(resolved.billing)).toBe(false);
  });

  it("narrows to one team's resolved conversations when a team is chosen", async () => {
    const ids = await resolvedIds(agent, '&team=orders');
    expect(ids.has(resolved.orders)).toBe(true);
    expect(ids.has(resolved.byAi)).toBe(false);
    // A team the person is not in narrows to nothing, as the queue view does.
    expect((await resolvedIds(agent, '&team=billing')).size).toBe(0);
  });

  it('shows an admin every resolved conversation', async () => {
    const ids = await resolvedIds(admin);
    for (const id of Object.values(resolved)) expect(ids.has(id)).toBe(true);
  });
});
