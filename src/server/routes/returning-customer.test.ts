/**
 * A returning customer goes back to the person who last resolved their conversation (issue 15):
 * when they write again after a resolution, or open a new conversation within the recontact
 * window, and that person is on the team, available and has room. Otherwise the team's usual rule
 * (least loaded, then least recently assigned) applies, which here would pick the other agent.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, request } from '../../../test/support/http.ts';
import { startTestBaton, TEST_SECRET, type TestBaton } from '../../../test/support/test-baton.ts';
import { signCustomerIdentity } from '../auth/customer-identity.ts';

let baton: TestBaton;
const tokens: Record<string, string> = {};
const ids: Record<string, string> = {};

beforeAll(async () => {
  baton = await startTestBaton();
  // Billing is Maya's and Sam's; Leo works other teams. Only the two billing people take work.
  for (const name of ['maya', 'leo', 'sam']) {
    const agent = baton.agents.find((a) => a.email === `${name}@acme.test`);
    const res = await request(baton.url, 'POST', '/api/auth/sign-in', {
      body: { email: agent?.email, password: agent?.password },
    });
    tokens[name] = String(res.body.token);
    const status = await request(baton.url, 'PUT', '/api/agents/me/status', {
      token: tokens[name],
      body: { status: name === 'leo' ? 'away' : 'available' },
    });
    ids[name] = String(status.body.id);
  }
}, 120_000);
afterAll(async () => baton?.close());

const ASK_FOR_A_PERSON = 'I was charged twice on my invoice, I want to talk to a person';

const startChat = async (externalId: string) => {
  const started = await request(baton.url, 'POST', '/api/widget/conversations', {
    body: { externalId, identitySignature: signCustomerIdentity(TEST_SECRET, externalId) },
  });
  return { id: (started.body.conversation as { id: string }).id, token: String(started.body.token) };
};

const write = (chat: { id: string; token: string }, text: string) =>
  request(baton.url, 'POST', `/api/widget/conversations/${chat.id}/messages`, {
    token: chat.token,
    body: { text },
  });

/** Waits until the conversation is assigned; returns who has it. */
const assigneeOf = async (id: string, after = 0): Promise<string> => {
  const conversation = await eventually(async () => {
    const found = await baton.store.conversations.getById(id);
    return found?.state === 'assigned' && found.version > after ? found : null;
  });
  return conversation.assigneeId ?? '';
};

const nameOf = (agentId: string) => Object.keys(ids).find((name) => ids[name] === agentId);

describe('a returning customer', () => {
  it('goes back to the person who resolved their conversation, when they write again or start a new one', async () => {
    const chat = await startChat('cus_returning_1');
    await write(chat, ASK_FOR_A_PERSON);
    const first = await assigneeOf(chat.id);
    const firstName = nameOf(first) ?? '';
    expect(['maya', 'sam']).toContain(firstName);
    const resolved = await request(baton.url, 'POST', `/api/inbox/conversations/${chat.id}/resolve`, {
      token: tokens[firstName] ?? '',
    });
    expect(resolved.status).toBe(200);

    // Both have room and nothing open; by the usual rule the one assigned less recently (the other
    // person) would be next. The customer writes again: back to the one who knows the case.
    const version = (await baton.store.conversations.getById(chat.id))?.version ?? 0;
    await write(chat, 'That did not fix it, I still want to talk to a person about the double charge');
    await expect(assigneeOf(chat.id, version)).resolves.toBe(first);
    await request(baton.url, 'POST', `/api/inbox/conversations/${chat.id}/resolve`, {
      token: tokens[firstName] ?? '',
    });

    // A new conversation from the same customer within the recontact window: the same person.
    const again = await startChat('cus_returning_1');
    await write(again, ASK_FOR_A_PERSON);
    await expect(assigneeOf(again.id)).resolves.toBe(first);
    await request(baton.url, 'POST', `/api/inbox/conversations/${again.id}/resolve`, {
      token: tokens[firstName] ?? '',
    });

    // Another customer is served by the usual rule: the person assigned less recently.
    const stranger = await startChat('cus_returning_2');
    await write(stranger, ASK_FOR_A_PERSON);
    const other = await assigneeOf(stranger.id);
    expect(other).not.toBe(first);
    expect(['maya', 'sam']).toContain(nameOf(other));
  });
});
