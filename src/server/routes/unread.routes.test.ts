/** Unread markers over HTTP against a real Baton: per person, cleared by reading, set again by news. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addStaff, agentApi, customerWrites, handedOver, signInAs } from '../../../test/support/desk.ts';
import { startTestBaton, type TestBaton } from '../../../test/support/test-baton.ts';

let baton: TestBaton;
let first: string;
let second: string;
beforeAll(async () => {
  baton = await startTestBaton();
  const one = await addStaff(baton, { email: 'una@acme.test', role: 'admin', teamKeys: [] });
  const two = await addStaff(baton, { email: 'ravi@acme.test', role: 'admin', teamKeys: [] });
  first = await signInAs(baton, one.email, one.password);
  second = await signInAs(baton, two.email, two.password);
});
afterAll(async () => baton?.close());

const unread = async (token: string) => {
  const res = await agentApi(baton, token, 'GET', '/api/inbox/unread');
  expect(res.status).toBe(200);
  return res.body as { conversationIds: string[]; total: number; teams: Record<string, number> };
};

describe('unread conversations', () => {
  it('are unread for each person until they read them, and unread again when the customer writes', async () => {
    const chat = await customerWrites(baton, 'My order never arrived, can I speak to a human please');
    await handedOver(baton, chat);
    const before = await unread(first);
    expect(before.conversationIds).toContain(chat.id);
    expect(before.total).toBeGreaterThanOrEqual(1);
    const detail = await agentApi(baton, first, 'GET', `/api/inbox/conversations/${chat.id}`);
    const team = String((detail.body.conversation as { teamKey: string }).teamKey);
    expect(before.teams[team]).toBeGreaterThanOrEqual(1);

    expect((await agentApi(baton, first, 'POST', `/api/inbox/conversations/${chat.id}/read`)).status).toBe(
      204,
    );
    const after = await unread(first);
    expect(after.conversationIds).not.toContain(chat.id);
    expect(after.total).toBe(before.total - 1);
    expect((await unread(second)).conversationIds).toContain(chat.id);

    await customerWrites(baton, 'Hello, is anyone there?', { chat });
    expect((await unread(first)).conversationIds).toContain(chat.id);
  });

  it('refuses to mark what is not there, and is not open to callers without a session', async () => {
    const missing = await agentApi(
      baton,
      first,
      'POST',
      '/api/inbox/conversations/00000000-0000-4000-8000-000000000009/read',
    );
    expect(missing.status).toBe(404);
    expect((await agentApi(baton, 'not-a-session', 'GET', '/api/inbox/unread')).status).toBe(401);
  });
});
