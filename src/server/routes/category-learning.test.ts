/** Agents' confirmed categories become the workspace's history, and the category model learns them. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, request } from '../../../test/support/http.ts';
import { startTestBaton, type TestBaton } from '../../../test/support/test-baton.ts';

let baton: TestBaton;
let token: string;
beforeAll(async () => {
  baton = await startTestBaton();
  const signedIn = await request(baton.url, 'POST', '/api/auth/sign-in', {
    body: { email: 'sam@acme.test', password: 'sam-demo-pass' },
  });
  token = String(signedIn.body.token);
});
afterAll(async () => baton?.close());

/** A customer says `text`; returns the conversation id once the AI has decided. */
const customerSays = async (text: string) => {
  const started = await request(baton.url, 'POST', '/api/widget/conversations', { body: {} });
  const id = (started.body.conversation as { id: string }).id;
  await request(baton.url, 'POST', `/api/widget/conversations/${id}/messages`, {
    token: String(started.body.token),
    body: { text },
  });
  const decision = await eventually(async () =>
    (await baton.store.events.list(id)).find((e) => e.type === 'decision_made'),
  );
  return { id, category: decision.data.category };
};

// A product name only this company uses: the shipped examples cannot know it.
const phrase = (n: number) => `my glimmerbox pass number ${n} was never activated`;

describe('learning from confirmed categories', () => {
  it('refuses a category the policy does not have', async () => {
    const { id } = await customerSays(phrase(0));
    const res = await request(baton.url, 'POST', `/api/inbox/conversations/${id}/category`, {
      token,
      body: { category: 'made_up' },
    });
    expect(res.status).toBe(400);
    expect(res.body.error?.message).toContain('billing');
  });

  it('moves a company-specific phrasing to the category agents confirmed', async () => {
    const before = await customerSays(phrase(1));
    expect(before.category).not.toBe('shipping');
    for (let n = 2; n <= 6; n += 1) {
      const { id } = await customerSays(phrase(n));
      const res = await request(baton.url, 'POST', `/api/inbox/conversations/${id}/category`, {
        token,
        body: { category: 'shipping' },
      });
      expect(res.status).toBe(200);
      expect(res.body.category).toBe('shipping');
    }
    // The model retrains on a worker thread; turns meanwhile keep the previous model.
    await baton.triage.settled();
    const after = await customerSays(phrase(7));
    expect(after.category).toBe('shipping');
  });
});
