/**
 * Fair queues (issue 9): customers promised a wait are served in queue order — when an agent comes
 * back, when they free a slot — and a new handoff never jumps ahead of those already waiting.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, request } from '../../../test/support/http.ts';
import { startTestBaton, type TestBaton } from '../../../test/support/test-baton.ts';

let baton: TestBaton;
const tokens: Record<string, string> = {};

beforeAll(async () => {
  baton = await startTestBaton();
  for (const name of ['maya', 'leo', 'sam']) {
    const agent = baton.agents.find((a) => a.email === `${name}@acme.test`);
    const res = await request(baton.url, 'POST', '/api/auth/sign-in', {
      body: { email: agent?.email, password: agent?.password },
    });
    tokens[name] = String(res.body.token);
    await request(baton.url, 'PUT', '/api/agents/me/status', {
      token: tokens[name],
      body: { status: 'away' },
    });
  }
}, 120_000);
afterAll(async () => baton?.close());

const billingHandoff = async (name: string): Promise<string> => {
  const started = await request(baton.url, 'POST', '/api/widget/conversations', { body: { name } });
  const id = (started.body.conversation as { id: string }).id;
  await request(baton.url, 'POST', `/api/widget/conversations/${id}/messages`, {
    token: String(started.body.token),
    body: { text: 'I was charged twice on my invoice, I want to talk to a person' },
  });
  const queued = await eventually(async () => {
    const conversation = await baton.store.conversations.getById(id);
    return conversation?.state === 'queued' ? conversation : null;
  });
  expect(queued.teamKey).toBe('billing');
  return id;
};

const stateOf = async (id: string) => {
  const conversation = await baton.store.conversations.getById(id);
  return { state: conversation?.state, assigneeId: conversation?.assigneeId ?? null };
};

describe('fair team queues', () => {
  it('serves waiting customers in queue order and never lets a new handoff jump them', async () => {
    const waiting = [];
    for (const name of ['Ana', 'Ben', 'Chloé', 'Dev']) waiting.push(await billingHandoff(name));
    const teams = await request(baton.url, 'GET', '/api/inbox/teams', { token: tokens.sam ?? '' });
    const billing = (teams.body.teams as { key: string; waiting: number }[]).find((t) => t.key === 'billing');
    expect(billing?.waiting).toBe(4);

    // Maya (billing, three chats at once) comes back: the three who waited longest are hers.
    const maya = await request(baton.url, 'PUT', '/api/agents/me/status', {
      token: tokens.maya ?? '',
      body: { status: 'available' },
    });
    const mayaId = String(maya.body.id);
    const [first, second, third, fourth] = waiting;
    for (const id of [first, second, third])
      expect(await stateOf(id ?? '')).toEqual({ state: 'assigned', assigneeId: mayaId });
    expect((await stateOf(fourth ?? '')).state).toBe('queued');

    // A new customer asks while Maya is full: they queue behind the one already waiting.
    const newcomer = await billingHandoff('Eve');
    expect((await stateOf(newcomer)).state).toBe('queued');
    const handoff = (await baton.store.events.list(newcomer)).find((e) => e.type === 'handed_over');
    expect(handoff?.data.waitMinutes).not.toBeNull();

    // Maya frees a slot: the customer who waited longer gets it, not the newcomer.
    await request(baton.url, 'POST', `/api/inbox/conversations/${first}/resolve`, {
      token: tokens.maya ?? '',
    });
    expect(await stateOf(fourth ?? '')).toEqual({ state: 'assigned', assigneeId: mayaId });
    expect((await stateOf(newcomer)).state).toBe('queued');
  });
});
