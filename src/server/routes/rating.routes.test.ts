/**
 * CSAT through the customer's API: the resolved chat asks once, takes one 1–5 rating with an
 * optional comment per resolution (stable 4xx codes otherwise), and the rating reaches the facts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolvedByAi } from '../../../test/support/desk.ts';
import { request } from '../../../test/support/http.ts';
import { startTestBaton, type TestBaton } from '../../../test/support/test-baton.ts';
import { refreshConversationFacts } from '../../app/conversation-facts.ts';
import { ratingViewFor } from '../../app/customer-rating.ts';

let baton: TestBaton;
beforeAll(async () => {
  baton = await startTestBaton();
});
afterAll(async () => baton?.close());

type Chat = { id: string; token: string };

const answeredChat = async (): Promise<Chat> => {
  const res = await request(baton.url, 'POST', '/api/widget/conversations', { body: {} });
  expect(res.status).toBe(201);
  const chat = { id: (res.body.conversation as { id: string }).id, token: String(res.body.token) };
  await request(baton.url, 'POST', `/api/widget/conversations/${chat.id}/messages`, {
    token: chat.token,
    body: { text: 'How long does standard shipping take?' },
  });
  await baton.baton.app.aiTurns.idle();
  return chat;
};

/** The customer went quiet and the AI's answer stands: resolved as the sweep would. */
const resolveByAi = async (chat: Chat) => expect(await resolvedByAi(baton, chat.id)).toBe('resolved');

const view = async (chat: Chat) =>
  (await request(baton.url, 'GET', `/api/widget/conversations/${chat.id}`, { token: chat.token })).body;

const rate = (chat: Chat, body: unknown, token = chat.token) =>
  request(baton.url, 'POST', `/api/widget/conversations/${chat.id}/rating`, { token, body });

const typesOf = async (chat: Chat) => (await baton.store.events.list(chat.id)).map((event) => event.type);

describe('customer rating (CSAT)', () => {
  it('asks once the conversation is resolved, once per resolution, and takes one rating', async () => {
    const chat = await answeredChat();
    expect((await view(chat)).rating).toEqual({ asked: false, given: null });
    expect((await rate(chat, { rating: 5 })).body.error).toMatchObject({ code: 'not_resolved' });

    await resolveByAi(chat);
    expect((await view(chat)).rating).toEqual({ asked: true, given: null });
    await view(chat);
    expect((await typesOf(chat)).filter((type) => type === 'rating_requested')).toHaveLength(1);

    const rated = await rate(chat, { rating: 4, comment: '  Quick and clear.  ' });
    expect(rated.status).toBe(201);
    expect(rated.body).toEqual({ rating: 4, comment: 'Quick and clear.' });
    expect((await view(chat)).rating).toEqual({ asked: true, given: 4 });

    const again = await rate(chat, { rating: 1 });
    expect(again.status).toBe(409);
    expect(again.body.error).toMatchObject({ code: 'already_rated' });
    expect((await typesOf(chat)).filter((type) => type === 'rated')).toHaveLength(1);
  });

  it('refuses a rating outside 1–5, a comment too long, or another conversation’s token, storing nothing', async () => {
    const chat = await answeredChat();
    await resolveByAi(chat);
    for (const body of [
      { rating: 6 },
      { rating: 2.5 },
      { rating: 0 },
      { rating: 3, comment: 'x'.repeat(1001) },
    ]) {
      const res = await rate(chat, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error).toMatchObject({ code: 'invalid_input' });
    }
    const other = await answeredChat();
    const foreign = await rate(chat, { rating: 5 }, other.token);
    expect(foreign.status).toBe(403);
    expect(await typesOf(chat)).not.toContain('rated');
  });

  it('records the question once when two first reads of a resolution arrive at the same moment', async () => {
    const chat = await answeredChat();
    await resolveByAi(chat);
    const conversation = await baton.store.conversations.getById(chat.id);
    if (!conversation) throw new Error('the conversation is missing');
    // Both reads saw the resolution unasked before either wrote: the race, made certain.
    const seen = await baton.store.events.list(chat.id);
    const views = await Promise.all(
      [1, 2].map(() => ratingViewFor(baton.store, chat.id, conversation.customerId, seen)),
    );
    expect(views).toEqual([
      { asked: true, given: null },
      { asked: true, given: null },
    ]);
    expect((await typesOf(chat)).filter((type) => type === 'rating_requested')).toHaveLength(1);
  });

  it('keeps only one of two ratings sent at once', async () => {
    const chat = await answeredChat();
    await resolveByAi(chat);
    const results = await Promise.all([rate(chat, { rating: 5 }), rate(chat, { rating: 2 })]);
    expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
    expect((await typesOf(chat)).filter((type) => type === 'rated')).toHaveLength(1);
  });

  it('counts the rating in the CSAT of AI-only conversations once the facts are refreshed', async () => {
    const workspaceId = baton.baton.app.workspace.id;
    const aiOnlyCsat = async () => {
      await refreshConversationFacts(baton.store, workspaceId);
      const settings = {
        asOf: new Date(),
        humanHourlyCost: null,
        aiCostPerTurn: 0,
        baselineHandleSeconds: {},
      };
      return (await baton.store.metrics.report(workspaceId, settings)).csat.aiOnly;
    };
    const chat = await answeredChat();
    await resolveByAi(chat);
    const before = await aiOnlyCsat();
    expect((await rate(chat, { rating: 1, comment: 'Did not help.' })).status).toBe(201);
    // A 1 is not a satisfied rating: the share of satisfied AI-only ratings falls (or starts at 0).
    const after = await aiOnlyCsat();
    expect(after).not.toBeNull();
    expect(after ?? 1).toBeLessThan(before ?? 1);
  });
});
