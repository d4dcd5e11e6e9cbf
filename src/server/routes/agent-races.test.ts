/**
 * Agents acting on one conversation at the same moment (issue 9): of two pick-ups exactly one
 * wins and the other is told who has it; taking over is explicit and recorded; a reply never lands
 * on a resolved conversation. Run on PGlite and, when configured, on a PostgreSQL server.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, request } from '../../../test/support/http.ts';
import type { TestBaton } from '../../../test/support/test-baton.ts';
import { startTestBatonOn, testKinds } from '../../../test/support/test-kinds.ts';

const ROUNDS = 6;

describe.each(testKinds())('agents racing on one conversation (%s)', (kind) => {
  let baton: TestBaton;
  const tokens: Record<string, string> = {};

  const signIn = async (email: string) => {
    const agent = baton.agents.find((a) => a.email === email);
    if (!agent) throw new Error(`the demo has no ${email}`);
    const res = await request(baton.url, 'POST', '/api/auth/sign-in', {
      body: { email: agent.email, password: agent.password },
    });
    return String(res.body.token);
  };

  beforeAll(async () => {
    baton = await startTestBatonOn(kind);
    for (const name of ['maya', 'leo', 'sam']) tokens[name] = await signIn(`${name}@acme.test`);
    // Everyone away: handed-over conversations stay queued until someone picks them up.
    for (const token of Object.values(tokens)) {
      await request(baton.url, 'PUT', '/api/agents/me/status', { token, body: { status: 'away' } });
    }
  }, 120_000);
  afterAll(async () => baton?.close());

  const queuedConversation = async () => {
    const started = await request(baton.url, 'POST', '/api/widget/conversations', { body: { name: 'Ana' } });
    const id = (started.body.conversation as { id: string }).id;
    const token = String(started.body.token);
    await request(baton.url, 'POST', `/api/widget/conversations/${id}/messages`, {
      token,
      body: { text: 'I was charged twice, can I speak to a human please' },
    });
    await eventually(async () =>
      (await baton.store.conversations.getById(id))?.state === 'queued' ? id : null,
    );
    return id;
  };

  const act = (who: string, id: string, action: string, body?: unknown) =>
    request(baton.url, 'POST', `/api/inbox/conversations/${id}/${action}`, {
      token: tokens[who] ?? '',
      ...(body === undefined ? {} : { body }),
    });

  it('lets exactly one of two simultaneous pick-ups win and tells the other who has it', async () => {
    for (let round = 0; round < ROUNDS; round += 1) {
      const id = await queuedConversation();
      const [maya, sam] = await Promise.all([act('maya', id, 'pick-up'), act('sam', id, 'pick-up')]);
      const statuses = [maya.status, sam.status].sort();
      expect(statuses).toEqual([200, 409]);
      const loser = maya.status === 409 ? maya : sam;
      const winnerName = maya.status === 200 ? 'Maya' : 'Sam';
      expect(loser.body.error?.code).toBe('already_assigned');
      expect(loser.body.error?.details).toMatchObject({ assigneeName: expect.stringContaining(winnerName) });
      const assigned = (await baton.store.events.list(id)).filter((e) => e.type === 'assigned');
      expect(assigned).toHaveLength(1);
    }
  });

  it('refuses a teammate’s pick-up of a held conversation; only a role that may take over does, on the record', async () => {
    const id = await queuedConversation();
    expect((await act('sam', id, 'pick-up')).status).toBe(200);
    const mayaPick = await act('maya', id, 'pick-up');
    expect(mayaPick.status).toBe(409);
    expect(mayaPick.body.error?.message).toContain('Sam');
    expect((await act('maya', id, 'take-over')).status).toBe(403);
    expect((await act('maya', id, 'replies', { text: 'Hi, Maya here' })).status).toBe(409);
    const leo = await act('leo', id, 'take-over');
    expect(leo.status).toBe(200);
    expect(leo.body).toMatchObject({ state: 'assigned', assigneeName: expect.stringContaining('Leo') });
    const takeOver = (await baton.store.events.list(id)).findLast((e) => e.type === 'assigned');
    expect(takeOver?.data).toMatchObject({ takeOver: true, previousAssigneeId: expect.any(String) });
    expect(takeOver?.actor).toMatchObject({ kind: 'agent' });
  });

  it('never stores a reply after a resolve that happened at the same moment', async () => {
    for (let round = 0; round < ROUNDS; round += 1) {
      const id = await queuedConversation();
      expect((await act('sam', id, 'pick-up')).status).toBe(200);
      const [reply, resolve] = await Promise.all([
        act('sam', id, 'replies', { text: `Anything else? (${round})` }),
        act('sam', id, 'resolve'),
      ]);
      expect(resolve.status).toBe(200);
      const types = (await baton.store.events.list(id)).map((e) => e.type);
      const resolvedAt = types.lastIndexOf('resolved');
      if (reply.status === 201) {
        expect(types.lastIndexOf('message_added')).toBeLessThan(resolvedAt);
      } else {
        expect(reply.status).toBe(409);
        expect(reply.body.error?.code).toBe('invalid_transition');
        expect(types.lastIndexOf('message_added')).toBeLessThan(resolvedAt);
      }
    }
  });

  it('refuses a reply to a resolved conversation and stores nothing (only the customer reopens it)', async () => {
    const id = await queuedConversation();
    await act('sam', id, 'pick-up');
    await act('sam', id, 'resolve');
    const before = (await baton.store.messages.list(id)).length;
    const reply = await act('sam', id, 'replies', { text: 'One more thing' });
    expect(reply.status).toBe(409);
    expect(reply.body.error?.code).toBe('invalid_transition');
    expect(await baton.store.messages.list(id)).toHaveLength(before);
    expect((await baton.store.conversations.getById(id))?.state).toBe('resolved');
  });
});
