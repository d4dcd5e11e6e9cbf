/**
 * Holds over HTTP: an agent snoozes or marks a conversation waiting on the customer, it leaves the
 * queue and "mine" views (the hold filter shows it), and comes back when the snooze time passes or
 * the customer writes — each step recorded as an event.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agentApi, agentToken, customerWrites, handedOver } from '../../../test/support/desk.ts';
import { setAgentsAway, startTestBaton, type TestBaton } from '../../../test/support/test-baton.ts';
import { wakeSnoozedConversations } from '../../app/conversation-holds.ts';

let baton: TestBaton;
let sam: string;
beforeAll(async () => {
  baton = await startTestBaton();
  await setAgentsAway(baton, ['maya@acme.test', 'leo@acme.test']);
  sam = await agentToken(baton, 'sam@acme.test');
}, 120_000);
afterAll(async () => baton?.close());

const listed = async (query: string): Promise<string[]> => {
  const response = await agentApi(baton, sam, 'GET', `/api/inbox/conversations?view=queue&${query}`);
  expect(response.status).toBe(200);
  return (response.body.conversations as { id: string }[]).map((c) => c.id);
};
const hold = (id: string, body: unknown) =>
  agentApi(baton, sam, 'PUT', `/api/inbox/conversations/${id}/hold`, body);
const eventTypes = async (id: string) =>
  (await baton.store.events.list(id)).map((e) => e.type).filter((t) => t.startsWith('hold_'));

describe('holds', () => {
  it('snoozes a conversation out of the queue until its time, then brings it back', async () => {
    const chat = await customerWrites(baton, 'I want to speak to a human about my refund please');
    await handedOver(baton, chat);
    const until = new Date(Date.now() + 3_600_000).toISOString();
    const snoozed = await hold(chat.id, { kind: 'snoozed', until });
    expect(snoozed.status).toBe(200);
    expect(snoozed.body.hold).toEqual({ kind: 'snoozed', until });
    expect(await listed('')).not.toContain(chat.id);
    expect(await listed('hold=snoozed')).toContain(chat.id);
    expect(await listed('hold=waiting_on_customer')).not.toContain(chat.id);

    // Not yet: the sweep leaves it. An hour and a minute later: it is back, with an event.
    expect(await wakeSnoozedConversations(baton.baton.app)).toBe(0);
    const later = { ...baton.baton.app, now: () => new Date(Date.now() + 3_660_000) };
    expect(await wakeSnoozedConversations(later)).toBe(1);
    expect(await listed('')).toContain(chat.id);
    expect(await eventTypes(chat.id)).toEqual(['hold_set', 'hold_ended']);
  });

  it('wakes a snooze with its assignee while they are available, otherwise in the team queue', async () => {
    const chat = await customerWrites(baton, 'I want to speak to a human about a double charge');
    await handedOver(baton, chat);
    expect((await agentApi(baton, sam, 'POST', `/api/inbox/conversations/${chat.id}/pick-up`)).status).toBe(
      200,
    );
    const snoozeAndWake = async () => {
      const until = new Date(Date.now() + 3_600_000).toISOString();
      expect((await hold(chat.id, { kind: 'snoozed', until })).status).toBe(200);
      const later = { ...baton.baton.app, now: () => new Date(Date.now() + 3_660_000) };
      expect(await wakeSnoozedConversations(later)).toBe(1);
      return baton.store.conversations.getById(chat.id);
    };
    const samId = (await agentApi(baton, sam, 'GET', '/api/agents/me')).body.id;
    expect(await snoozeAndWake()).toMatchObject({ state: 'assigned', assigneeId: samId });

    expect((await agentApi(baton, sam, 'PUT', '/api/agents/me/status', { status: 'away' })).status).toBe(200);
    try {
      expect(await snoozeAndWake()).toMatchObject({ state: 'queued', assigneeId: null, hold: null });
      const requeued = (await baton.store.events.list(chat.id)).filter((e) => e.type === 'requeued');
      expect(requeued.map((e) => e.actor)).toEqual([{ kind: 'system' }]);
      expect(await listed('')).toContain(chat.id);
    } finally {
      await agentApi(baton, sam, 'PUT', '/api/agents/me/status', { status: 'available' });
    }
  });

  it('marks waiting on the customer until the customer writes', async () => {
    const chat = await customerWrites(baton, 'Please put me through to a person about a payment');
    await handedOver(baton, chat);
    expect((await hold(chat.id, { kind: 'waiting_on_customer' })).status).toBe(200);
    expect(await listed('hold=waiting_on_customer')).toContain(chat.id);
    expect(await listed('')).not.toContain(chat.id);
    await customerWrites(baton, 'Here is the receipt you asked for', { chat });
    expect(await listed('')).toContain(chat.id);
    const ended = (await baton.store.events.list(chat.id)).filter((e) => e.type === 'hold_ended');
    expect(ended.map((e) => e.data)).toEqual([{ kind: 'waiting_on_customer', reason: 'customer_replied' }]);
  });

  it('refuses a snooze in the past, a hold on a resolved conversation and QA, in words', async () => {
    const chat = await customerWrites(baton, 'I need a human for an order problem please');
    await handedOver(baton, chat);
    const past = await hold(chat.id, { kind: 'snoozed', until: '2001-01-01T00:00:00Z' });
    expect(past.status).toBe(409);
    expect(past.body.error).toMatchObject({
      code: 'invalid_transition',
      message: 'Snooze until a time in the future.',
    });
    const quinn = await agentToken(baton, 'quinn@acme.test');
    const byQa = await agentApi(baton, quinn, 'PUT', `/api/inbox/conversations/${chat.id}/hold`, {
      kind: 'waiting_on_customer',
    });
    expect(byQa.status).toBe(403);
    expect(
      (await agentApi(baton, sam, 'POST', `/api/inbox/conversations/${chat.id}/resolve`, {})).status,
    ).toBe(200);
    const resolved = await hold(chat.id, { kind: 'waiting_on_customer' });
    expect(resolved.body.error).toMatchObject({ code: 'invalid_transition' });
  });
});
