/**
 * The embedded answerer with the demo's account lookups (issue 11): a signed-in customer asking
 * about their order or next payment is answered from their account; a visitor who is not signed
 * in is asked for the order number and email, and then answered from the order they proved.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, request } from '../../../test/support/http.ts';
import { startTestBaton, TEST_SECRET, type TestBaton } from '../../../test/support/test-baton.ts';
import { signCustomerIdentity } from '../auth/customer-identity.ts';

let baton: TestBaton;
beforeAll(async () => {
  baton = await startTestBaton();
});
afterAll(() => baton?.close());

type Reply = { author: string; kind: string; body: string };

const conversation = async (externalId?: string) => {
  const started = await request(baton.url, 'POST', '/api/widget/conversations', {
    body: externalId ? { externalId, identitySignature: signCustomerIdentity(TEST_SECRET, externalId) } : {},
  });
  const id = (started.body.conversation as { id: string }).id;
  const token = String(started.body.token);
  let seen = 0;
  return async (text: string): Promise<Reply> => {
    await request(baton.url, 'POST', `/api/widget/conversations/${id}/messages`, { token, body: { text } });
    const reply = await eventually(async () => {
      const view = await request(baton.url, 'GET', `/api/widget/conversations/${id}`, { token });
      const replies = (view.body.messages as Reply[]).filter((m) => m.author === 'ai');
      return replies.length > seen ? replies[replies.length - 1] : null;
    });
    seen += 1;
    return reply;
  };
};

describe('embedded answers from the customer’s own account', () => {
  it('tells a signed-in customer where their order is', async () => {
    const reply = await (await conversation('cus_ana'))('where is my order?');
    expect(reply.kind).not.toBe('handoff');
    expect(reply.body).toMatch(/^I checked your latest order:/);
    expect(reply.body).toContain('Order: 1042');
    expect(reply.body).toContain('Order status: shipped');
    expect(reply.body).toContain('Tracking number: RM482913075GB');
  });

  it('answers "when is my next payment?" from the subscription', async () => {
    const reply = await (await conversation('cus_ana'))('when is my next payment?');
    expect(reply.body).toMatch(/^I checked your subscription:/);
    expect(reply.body).toMatch(/Renews on: \d{1,2} \w+ \d{4}/);
  });

  it('asks a visitor for the order number and email, then answers from the order they proved', async () => {
    const say = await conversation();
    const first = await say('where is my order?');
    expect(first.body).toContain('your order number and the email address you used');
    const second = await say('it is order 1042, ana.perez@example.com');
    expect(second.body).toContain('Order status: shipped');
  });

  it('finds nothing for a visitor whose email does not match the order', async () => {
    const say = await conversation();
    await say('where is my order?');
    const reply = await say('order 1042, someone.else@example.com');
    expect(reply.body).not.toContain('Order status: shipped');
  });
});
