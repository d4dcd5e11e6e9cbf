/**
 * Least privilege in the inbox (SPEC §1, §11): a QA reviewer judges but never speaks to the
 * customer or changes who has a conversation; every view lists only what its reader could open.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addStaff, agentApi, agentToken, signInAs } from '../../../test/support/desk.ts';
import { eventually, request } from '../../../test/support/http.ts';
import { startTestBaton, type TestBaton } from '../../../test/support/test-baton.ts';

let baton: TestBaton;
let admin: string;
let qa: string;
let maya: string;
beforeAll(async () => {
  baton = await startTestBaton();
  const reviewer = await addStaff(baton, {
    email: 'rita.review@acme.test',
    role: 'qa',
    teamKeys: ['billing'],
  });
  [admin, qa, maya] = await Promise.all([
    agentToken(baton, 'sam@acme.test'),
    signInAs(baton, reviewer.email, reviewer.password),
    agentToken(baton, 'maya@acme.test'),
  ]);
});
afterAll(async () => baton?.close());

/** A customer who asked for a person, moved by the admin to `team`'s queue. */
const waitingIn = async (team: string) => {
  const started = await request(baton.url, 'POST', '/api/widget/conversations', { body: {} });
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
  const moved = await agentApi(baton, admin, 'POST', `/api/inbox/conversations/${id}/reassign`, {
    teamKey: team,
  });
  expect(moved.status).toBe(200);
  return { id, token };
};

const listed = async (token: string, view: string): Promise<string[]> => {
  const res = await agentApi(baton, token, 'GET', `/api/inbox/conversations?view=${view}`);
  expect(res.status).toBe(200);
  return (res.body.conversations as { id: string }[]).map((c) => c.id);
};

describe('the qa role', () => {
  it('reads, notes and judges a conversation but cannot reply, pick up, take over, reassign or resolve', async () => {
    const { id, token } = await waitingIn('billing');
    expect((await agentApi(baton, qa, 'GET', `/api/inbox/conversations/${id}`)).status).toBe(200);
    const before = await request(baton.url, 'GET', `/api/widget/conversations/${id}`, { token });

    const refused = [
      await agentApi(baton, qa, 'POST', `/api/inbox/conversations/${id}/replies`, { text: 'Hello from QA' }),
      await agentApi(baton, qa, 'POST', `/api/inbox/conversations/${id}/pick-up`),
      await agentApi(baton, qa, 'POST', `/api/inbox/conversations/${id}/take-over`),
      await agentApi(baton, qa, 'POST', `/api/inbox/conversations/${id}/reassign`, { teamKey: 'orders' }),
      await agentApi(baton, qa, 'POST', `/api/inbox/conversations/${id}/resolve`),
    ];
    for (const res of refused) {
      expect(res.status).toBe(403);
      expect(res.body.error?.code).toBe('forbidden');
      expect(String(res.body.error?.message)).toContain('qa');
    }
    const after = await request(baton.url, 'GET', `/api/widget/conversations/${id}`, { token });
    expect(after.body).toEqual(before.body);

    const note = await agentApi(baton, qa, 'POST', `/api/inbox/conversations/${id}/notes`, {
      text: 'Review: the AI should have offered the refund article first.',
    });
    expect(note.status).toBe(201);
    const verdict = await agentApi(baton, qa, 'POST', `/api/inbox/conversations/${id}/verdict`, {
      verdict: 'needed',
    });
    expect(verdict.status).toBe(204);
  });
});

describe('inbox views', () => {
  it('show an agent only their teams and conversations no team has yet; view=all included', async () => {
    const billing = await waitingIn('billing');
    const trust = await waitingIn('trust_safety');
    const aiOnly = await request(baton.url, 'POST', '/api/widget/conversations', { body: {} });
    const unteamed = (aiOnly.body.conversation as { id: string }).id;

    const all = await listed(maya, 'all');
    expect(all).toContain(billing.id);
    expect(all).toContain(unteamed);
    expect(all).not.toContain(trust.id);
    expect(await listed(maya, 'ai')).toContain(unteamed);
    expect((await agentApi(baton, maya, 'GET', `/api/inbox/conversations/${trust.id}`)).status).toBe(403);

    // Roles that work every team still see everything.
    const everything = await listed(admin, 'all');
    expect(everything).toEqual(expect.arrayContaining([billing.id, trust.id, unteamed]));
  });
});
