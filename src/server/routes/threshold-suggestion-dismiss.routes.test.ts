/**
 * Threshold suggestions ops have set: a target precision stored per workspace, and a dismissed
 * suggestion hidden with who and why until its evidence changes (here: one more judged answer).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agentApi, agentToken } from '../../../test/support/desk.ts';
import { seedJudgedShippingAnswers } from '../../../test/support/judged-answers.ts';
import { startTestBaton, type TestBaton } from '../../../test/support/test-baton.ts';
import { thresholdSuggestionsSchema } from '../../api/threshold-suggestion-schemas.ts';

let baton: TestBaton;
const base = '/api/coaching/threshold-suggestions';

beforeAll(async () => {
  baton = await startTestBaton();
  await seedJudgedShippingAnswers(baton);
});
afterAll(async () => baton?.close());

/** One more shipping answer at 0.75 confidence that a reviewer found right. */
const oneMoreJudgedAnswer = async () => {
  const workspaceId = (await baton.store.workspaces.getBySlug('acme'))?.id ?? '';
  const quinn = await baton.store.agents.getByEmail(workspaceId, 'quinn@acme.test');
  const customer = await baton.store.customers.create({ workspaceId, name: 'Another Shipping Customer' });
  const conversation = await baton.store.conversations.create(
    { workspaceId, customerId: customer.id },
    {
      type: 'conversation_started',
      actor: { kind: 'customer', id: customer.id },
      data: { channel: 'widget' },
    },
  );
  await baton.store.events.append(conversation.id, {
    type: 'decision_made',
    actor: { kind: 'ai' },
    data: {
      action: 'answer',
      category: 'shipping',
      trace: { retrieval: { kind: 'answer', confidence: 0.75 } },
    },
  });
  await baton.store.reviews.saveLabel({
    workspaceId,
    conversationId: conversation.id,
    messageId: null,
    source: 'review',
    label: 'correct',
    rootCause: null,
    correctAnswer: null,
    notes: null,
    authorId: quinn?.id ?? '',
  });
};

const read = async (token: string, query = '') =>
  thresholdSuggestionsSchema.parse((await agentApi(baton, token, 'GET', `${base}${query}`)).body);
const shippingOf = (view: { suggestions: { category: string; kind: string }[] }) =>
  view.suggestions.find((s) => s.category === 'shipping');

describe('threshold suggestion settings and dismissals', () => {
  it('stores the target precision per workspace; only ops and admins set it', async () => {
    const [olu, quinn] = await Promise.all([
      agentToken(baton, 'olu@acme.test'),
      agentToken(baton, 'quinn@acme.test'),
    ]);
    expect((await agentApi(baton, quinn, 'PUT', `${base}/settings`, { targetPrecision: 0.99 })).status).toBe(
      403,
    );
    const bad = await agentApi(baton, olu, 'PUT', `${base}/settings`, { targetPrecision: 1.2 });
    expect([bad.status, bad.body]).toMatchObject([400, { error: { code: 'invalid_input' } }]);
    const saved = await agentApi(baton, olu, 'PUT', `${base}/settings`, { targetPrecision: 0.99 });
    expect(saved.status).toBe(200);
    const view = await read(quinn);
    expect(view.targetPrecision).toBe(0.99);
    expect(view.suggestions.find((s) => s.category === 'shipping')?.suggested?.threshold).toBe(0.65);
    expect((await read(quinn, '?targetPrecision=0.9')).targetPrecision).toBe(0.9);
  });

  it('hides a dismissed suggestion with who and why until its evidence changes', async () => {
    const [olu, quinn] = await Promise.all([
      agentToken(baton, 'olu@acme.test'),
      agentToken(baton, 'quinn@acme.test'),
    ]);
    const path = `${base}/shipping/dismiss`;
    const note = 'Peak season: carriers are late, answers will settle';
    expect((await agentApi(baton, quinn, 'POST', path, { targetPrecision: 0.99, note })).status).toBe(403);
    const blank = await agentApi(baton, olu, 'POST', path, { targetPrecision: 0.99, note: ' ' });
    expect([blank.status, blank.body]).toMatchObject([400, { error: { code: 'invalid_input' } }]);

    const dismissed = await agentApi(baton, olu, 'POST', path, { targetPrecision: 0.99, note });
    expect(dismissed.status).toBe(200);
    for (const view of [thresholdSuggestionsSchema.parse(dismissed.body), await read(quinn)]) {
      expect(shippingOf(view)).toBeUndefined();
      expect(view.dismissed).toContainEqual(
        expect.objectContaining({ category: 'shipping', by: 'Olu Bakare', why: note }),
      );
    }
    // Another target is other evidence: the suggestion there is not the one dismissed.
    expect(shippingOf(await read(quinn, '?targetPrecision=0.9'))?.kind).toBe('change');

    await oneMoreJudgedAnswer();
    const after = await read(quinn);
    expect(shippingOf(after)?.kind).toBe('change');
    expect(after.dismissed).toEqual([]);
  });
});
