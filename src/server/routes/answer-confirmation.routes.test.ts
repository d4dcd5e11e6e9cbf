/**
 * The customer confirms the AI's answer through the chat API: resolved as the AI's at once
 * (`ai_confirmed`, by the customer), the rating question follows, pressing again changes nothing,
 * and there is nothing to confirm before the answer, after a handoff, or with another's token.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { request } from '../../../test/support/http.ts';
import { startTestBaton, type TestBaton } from '../../../test/support/test-baton.ts';
import { refreshConversationFacts } from '../../app/conversation-facts.ts';

let baton: TestBaton;
beforeAll(async () => {
  baton = await startTestBaton();
});
afterAll(async () => baton?.close());

type Chat = { id: string; token: string };

const startChat = async (): Promise<Chat> => {
  const res = await request(baton.url, 'POST', '/api/widget/conversations', { body: {} });
  expect(res.status).toBe(201);
  return { id: (res.body.conversation as { id: string }).id, token: String(res.body.token) };
};

const say = async (chat: Chat, text: string) => {
  const sent = await request(baton.url, 'POST', `/api/widget/conversations/${chat.id}/messages`, {
    token: chat.token,
    body: { text },
  });
  expect(sent.status).toBe(201);
  await baton.baton.app.aiTurns.idle();
};

const confirm = (chat: Chat, token = chat.token) =>
  request(baton.url, 'POST', `/api/widget/conversations/${chat.id}/resolve`, { token });

const resolvedEvents = async (chat: Chat) =>
  (await baton.store.events.list(chat.id)).filter((event) => event.type === 'resolved');

describe("the customer confirms the AI's answer", () => {
  it('resolves the conversation as the AI’s at once and asks for a rating; a second press changes nothing', async () => {
    const chat = await startChat();
    await say(chat, 'How long does standard shipping take?');
    const confirmed = await confirm(chat);
    expect(confirmed.status).toBe(200);
    expect(confirmed.body).toMatchObject({ state: 'resolved', rating: { asked: true, given: null } });
    const conversation = await baton.store.conversations.getById(chat.id);
    expect(conversation).toMatchObject({ state: 'resolved', resolution: 'ai' });
    const [resolved] = await resolvedEvents(chat);
    expect(resolved?.actor).toEqual({ kind: 'customer', id: conversation?.customerId });
    expect(resolved?.data).toMatchObject({ by: 'ai_confirmed', resolution: 'ai' });

    const again = await confirm(chat);
    expect(again.status).toBe(200);
    expect(await resolvedEvents(chat)).toHaveLength(1);

    // The facts count it as the AI's resolution, confirmed rather than assumed: it is among the
    // conversations behind the AI resolution rate (whatever else the file's tests wrote).
    const workspaceId = baton.baton.app.workspace.id;
    await refreshConversationFacts(baton.store, workspaceId);
    const aiResolved = await baton.store.metrics.conversationsBehind(
      workspaceId,
      { asOf: new Date(), humanHourlyCost: null, aiCostPerTurn: 0, baselineHandleSeconds: {} },
      {},
      { metric: 'aiResolutionRate', part: 'counts' },
      { limit: 1000, offset: 0 },
    );
    expect(aiResolved.conversations.map((row) => row.conversationId)).toContain(chat.id);
  });

  it('a message after the confirmation reopens the conversation for the AI, as any reply to a resolved one', async () => {
    const chat = await startChat();
    await say(chat, 'What payment methods do you accept?');
    expect((await confirm(chat)).status).toBe(200);
    await say(chat, 'And can I pay with a gift card?');
    const conversation = await baton.store.conversations.getById(chat.id);
    expect(conversation?.state).toBe('ai');
    const types = (await baton.store.events.list(chat.id)).map((event) => event.type);
    expect(types).toContain('reopened');
  });

  it('has nothing to confirm before an answer or once a person has it, and refuses another’s token, storing nothing', async () => {
    const early = await startChat();
    const before = await confirm(early);
    expect(before.status).toBe(409);
    expect(before.body.error).toMatchObject({ code: 'invalid_transition' });
    expect(String((before.body.error as { message: string }).message)).toMatch(/no answer to confirm/);

    const handedOver = await startChat();
    await say(handedOver, 'I want to talk to a real person');
    const after = await confirm(handedOver);
    expect(after.status).toBe(409);
    expect(String((after.body.error as { message: string }).message)).toMatch(/person from our team/);
    expect((await baton.store.conversations.getById(handedOver.id))?.state).toMatch(/queued|assigned/);

    const answered = await startChat();
    await say(answered, 'How do I reset my password?');
    const foreign = await confirm(answered, handedOver.token);
    expect(foreign.status).toBe(403);
    for (const chat of [early, handedOver, answered]) expect(await resolvedEvents(chat)).toEqual([]);
  });
});
