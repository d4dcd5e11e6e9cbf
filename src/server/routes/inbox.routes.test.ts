import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, request } from '../../../test/support/http.ts';
import { startTestBaton, type TestBaton } from '../../../test/support/test-baton.ts';

let baton: TestBaton;
beforeAll(async () => {
  baton = await startTestBaton();
});
afterAll(async () => baton?.close());

const signIn = async (role: string) => {
  const agent = baton.agents.find((a) => a.role === role);
  if (!agent) throw new Error(`the demo has no ${role}`);
  const res = await request(baton.url, 'POST', '/api/auth/sign-in', {
    body: { email: agent.email, password: agent.password },
  });
  expect(res.status).toBe(200);
  return String(res.body.token);
};

/** A customer who asked for a person, so the conversation waits in a team queue. */
const handedOverConversation = async () => {
  const started = await request(baton.url, 'POST', '/api/widget/conversations', { body: { name: 'Ana' } });
  const id = (started.body.conversation as { id: string }).id;
  const token = String(started.body.token);
  await request(baton.url, 'POST', `/api/widget/conversations/${id}/messages`, {
    token,
    body: { text: 'can I speak to a human please' },
  });
  await eventually(async () => {
    const view = await request(baton.url, 'GET', `/api/widget/conversations/${id}`, { token });
    return view.body.state === 'queued' || view.body.state === 'assigned' ? view : null;
  });
  return { id, token };
};

describe('agent sign-in', () => {
  it('refuses a wrong password without saying which part was wrong', async () => {
    const agent = baton.agents[0];
    const res = await request(baton.url, 'POST', '/api/auth/sign-in', {
      body: { email: agent?.email, password: 'wrong-password' },
    });
    expect(res.status).toBe(401);
    expect(res.body.error?.code).toBe('invalid_credentials');
  });

  it('keeps the inbox closed without a session', async () => {
    const res = await request(baton.url, 'GET', '/api/inbox/conversations');
    expect(res.status).toBe(401);
  });

  it('ends the session on sign-out', async () => {
    const token = await signIn('admin');
    await request(baton.url, 'POST', '/api/auth/sign-out', { token });
    expect((await request(baton.url, 'GET', '/api/agents/me', { token })).status).toBe(401);
  });
});

describe('working a handed-over conversation', () => {
  it('shows it in the team queue, lets the agent reply and resolve, and the customer sees the reply', async () => {
    const conversation = await handedOverConversation();
    const token = await signIn('admin');
    const queue = await request(baton.url, 'GET', '/api/inbox/conversations?view=queue', { token });
    const ids = (queue.body.conversations as { id: string }[]).map((c) => c.id);
    expect(ids).toContain(conversation.id);

    const detail = await request(baton.url, 'GET', `/api/inbox/conversations/${conversation.id}`, { token });
    expect(detail.body.handoff).not.toBeNull();

    // Automatic assignment may have given it to a colleague: the admin takes it over explicitly.
    const taken = await request(baton.url, 'POST', `/api/inbox/conversations/${conversation.id}/take-over`, {
      token,
    });
    expect(taken.status).toBe(200);
    const reply = await request(baton.url, 'POST', `/api/inbox/conversations/${conversation.id}/replies`, {
      token,
      body: { text: 'Hi Ana, I am here. What can I do?' },
    });
    expect(reply.status).toBe(201);
    const customerView = await request(baton.url, 'GET', `/api/widget/conversations/${conversation.id}`, {
      token: conversation.token,
    });
    expect(customerView.body.state).toBe('assigned');
    expect((customerView.body.messages as { body: string }[]).map((m) => m.body)).toContain(
      'Hi Ana, I am here. What can I do?',
    );

    const resolved = await request(baton.url, 'POST', `/api/inbox/conversations/${conversation.id}/resolve`, {
      token,
    });
    expect(resolved.body.state).toBe('resolved');
    const again = await request(baton.url, 'POST', `/api/inbox/conversations/${conversation.id}/resolve`, {
      token,
    });
    expect(again.status).toBe(409);
    expect(again.body.error?.code).toBe('invalid_transition');
  });

  it('keeps internal notes from the customer', async () => {
    const conversation = await handedOverConversation();
    const token = await signIn('admin');
    const note = await request(baton.url, 'POST', `/api/inbox/conversations/${conversation.id}/notes`, {
      token,
      body: { text: 'VIP: be extra careful' },
    });
    expect(note.status).toBe(201);
    const customerView = await request(baton.url, 'GET', `/api/widget/conversations/${conversation.id}`, {
      token: conversation.token,
    });
    expect(JSON.stringify(customerView.body)).not.toContain('VIP');
  });

  it('reopens a resolved conversation when the customer writes again', async () => {
    const conversation = await handedOverConversation();
    const token = await signIn('admin');
    await request(baton.url, 'POST', `/api/inbox/conversations/${conversation.id}/resolve`, { token });
    await request(baton.url, 'POST', `/api/widget/conversations/${conversation.id}/messages`, {
      token: conversation.token,
      body: { text: 'one more thing: how long does shipping take?' },
    });
    const events = await baton.store.events.list(conversation.id);
    expect(events.map((e) => e.type)).toContain('reopened');
  });

  it('records the promised and the actual wait when a queued conversation is picked up', async () => {
    const conversation = await handedOverConversation();
    const token = await signIn('admin');
    await request(baton.url, 'POST', `/api/inbox/conversations/${conversation.id}/pick-up`, { token });
    const events = await baton.store.events.list(conversation.id);
    const handoff = events.find((e) => e.type === 'handed_over');
    const measured = events.filter((e) => e.type === 'wait_measured');
    // Auto-assignment may already have picked it up: either way exactly one measurement exists.
    expect(measured).toHaveLength(1);
    expect(measured[0]?.data.promisedMinutes).toBe(handoff?.data.waitMinutes ?? null);
    expect(measured[0]?.data.actualMinutes).toBeGreaterThanOrEqual(0);
  });

  it('reassigns to a colleague, then back to a team queue', async () => {
    const conversation = await handedOverConversation();
    const token = await signIn('admin');
    const agents = await request(baton.url, 'GET', '/api/inbox/agents', { token });
    const maya = (agents.body.agents as { id: string; name: string }[]).find((a) =>
      a.name.startsWith('Maya'),
    );
    const toMaya = await request(baton.url, 'POST', `/api/inbox/conversations/${conversation.id}/reassign`, {
      token,
      body: { agentId: maya?.id },
    });
    expect(toMaya.body).toMatchObject({ state: 'assigned', assigneeId: maya?.id });
    const toBilling = await request(
      baton.url,
      'POST',
      `/api/inbox/conversations/${conversation.id}/reassign`,
      {
        token,
        body: { teamKey: 'billing' },
      },
    );
    expect(toBilling.body).toMatchObject({ state: 'queued', teamKey: 'billing', assigneeId: null });
    const neither = await request(baton.url, 'POST', `/api/inbox/conversations/${conversation.id}/reassign`, {
      token,
      body: {},
    });
    expect(neither.status).toBe(400);
  });

  it('answers 404 for an unknown conversation', async () => {
    const token = await signIn('admin');
    const res = await request(
      baton.url,
      'GET',
      '/api/inbox/conversations/00000000-0000-4000-8000-000000000000',
      {
        token,
      },
    );
    expect(res.status).toBe(404);
    expect(res.body.error?.code).toBe('conversation_not_found');
  });
});
