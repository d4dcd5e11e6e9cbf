/** GET /api/inbox/conversations with a search and filters, over HTTP against a real Baton. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, request } from '../../../test/support/http.ts';
import { startTestBaton, type TestBaton } from '../../../test/support/test-baton.ts';

let baton: TestBaton;
let token: string;
beforeAll(async () => {
  baton = await startTestBaton();
  const admin = baton.agents.find((a) => a.role === 'admin');
  if (!admin) throw new Error('the demo has no admin');
  const res = await request(baton.url, 'POST', '/api/auth/sign-in', {
    body: { email: admin.email, password: admin.password },
  });
  token = String(res.body.token);
});
afterAll(async () => baton?.close());

/** A customer who wrote `text` and asked for a person, so the conversation is with the team. */
const conversationFrom = async (name: string, email: string, text: string) => {
  const started = await request(baton.url, 'POST', '/api/widget/conversations', { body: { name, email } });
  const id = (started.body.conversation as { id: string }).id;
  const customer = String(started.body.token);
  await request(baton.url, 'POST', `/api/widget/conversations/${id}/messages`, {
    token: customer,
    body: { text: `${text}. Can I speak to a human please` },
  });
  await eventually(async () => {
    const view = await request(baton.url, 'GET', `/api/widget/conversations/${id}`, { token: customer });
    return view.body.state === 'queued' || view.body.state === 'assigned' ? view : null;
  });
  return id;
};

const listed = async (query: string) => {
  const res = await request(baton.url, 'GET', `/api/inbox/conversations?${query}`, { token });
  expect(res.status).toBe(200);
  return (res.body.conversations as { id: string }[]).map((c) => c.id).sort();
};

describe('searching the inbox', () => {
  it('finds conversations by customer, message words and id, and narrows them by filters', async () => {
    const sofia = await conversationFrom(
      'Sofia Lindqvist',
      'sofia@lindqvist.example',
      'My blender arrived cracked',
    );
    const omar = await conversationFrom(
      'Omar Haddad',
      'omar.haddad@example.net',
      'The kettle lid is missing',
    );
    expect(await listed('view=all&q=lindqvist')).toEqual([sofia]);
    expect(await listed('view=all&q=blend%20crack')).toEqual([sofia]);
    expect(await listed('view=all&q=kettle')).toEqual([omar]);
    expect(await listed(`view=all&q=${omar.slice(0, 8)}`)).toEqual([omar]);
    expect(await listed('view=all&q=blender%20kettle')).toEqual([]);
    // A status the conversations are not in, or a start time after them, leaves them out.
    expect(await listed('view=all&q=blender&status=resolved')).toEqual([]);
    expect(await listed('view=all&q=blender&from=2999-01-01')).toEqual([]);
    expect(await listed('view=all&q=blender&to=2000-01-01')).toEqual([]);
    expect(await listed('view=all&q=blender&from=2000-01-01&to=2999-01-01')).toEqual([sofia]);
  });

  it('refuses a malformed filter with a 400 that says which field is wrong', async () => {
    for (const query of [
      'status=lost',
      'priority=high',
      'assignee=someone',
      'from=yesterday',
      'colour=red',
    ]) {
      const res = await request(baton.url, 'GET', `/api/inbox/conversations?${query}`, { token });
      expect(res.status, query).toBe(400);
      expect(typeof res.body.error?.code, query).toBe('string');
    }
    const backwards = await request(
      baton.url,
      'GET',
      '/api/inbox/conversations?from=2026-03-02&to=2026-03-01',
      { token },
    );
    expect(backwards.status).toBe(400);
    expect(JSON.stringify(backwards.body)).toContain('from must be before to');
  });
});
