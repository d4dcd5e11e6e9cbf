import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agentApi, agentToken, customerWrites } from '../../../test/support/desk.ts';
import { eventually } from '../../../test/support/http.ts';
import { startTestBaton, type TestBaton } from '../../../test/support/test-baton.ts';
import { reviewConversationSchema, reviewQueueSchema } from '../../api/review-schemas.ts';
import { isoWeekOf, previousIsoWeek } from '../../core/coaching/iso-week.ts';

let baton: TestBaton;
let qa = '';
let maya = '';
let sam = '';
let workspaceId = '';

beforeAll(async () => {
  baton = await startTestBaton();
  qa = await agentToken(baton, 'quinn@acme.test');
  maya = await agentToken(baton, 'maya@acme.test');
  sam = await agentToken(baton, 'sam@acme.test');
  workspaceId = (await baton.store.workspaces.getBySlug('acme'))?.id ?? '';
});
afterAll(async () => baton?.close());

/** A customer conversation the AI has answered or handed over; resolves with its AI message. */
const aiTurn = async (text: string) => {
  const chat = await customerWrites(baton, text, { externalId: 'cus_ana' });
  const message = await eventually(async () => {
    const messages = await baton.store.messages.list(chat.id);
    return messages.find((m) => m.author === 'ai') ?? null;
  }, 30_000);
  return { id: chat.id, message };
};

describe('review queue API', () => {
  it('puts an agent’s flag in the week’s queue as a label, and stores the reviewer’s label once', async () => {
    const flagged = await aiTurn('Where is my order 1042?');
    const flag = await agentApi(
      baton,
      sam,
      'POST',
      `/api/inbox/conversations/${flagged.id}/messages/${flagged.message.id}/flags`,
      { kind: 'off_tone', correctAnswer: 'Your order 1042 is on its way.' },
    );
    expect(flag.status).toBeLessThan(300);

    // The server picks the week by its clock; a request that crosses Monday 00:00 UTC may see either.
    const weekBefore = isoWeekOf(new Date());
    const queue = reviewQueueSchema.parse((await agentApi(baton, qa, 'GET', '/api/review/queue')).body);
    expect([weekBefore, isoWeekOf(new Date())]).toContain(queue.week);
    expect(queue.stored).toBe(false);
    const item = queue.items.find((entry) => entry.conversationId === flagged.id);
    expect(item).toMatchObject({ source: 'flag', weight: 1, label: null });

    const detail = reviewConversationSchema.parse(
      (await agentApi(baton, qa, 'GET', `/api/review/conversations/${flagged.id}`)).body,
    );
    expect(detail.decision).not.toBeNull();
    expect(detail.messages.some((m) => m.id === flagged.message.id)).toBe(true);
    expect(detail.labels).toEqual([
      expect.objectContaining({
        source: 'flag',
        messageId: flagged.message.id,
        label: 'incorrect',
        rootCause: 'tone',
        correctAnswer: 'Your order 1042 is on its way.',
        authorName: 'Sam Rivera',
      }),
    ]);

    const path = `/api/review/conversations/${flagged.id}/label`;
    const first = await agentApi(baton, qa, 'PUT', path, {
      label: 'incomplete',
      rootCause: 'missing_article',
    });
    expect(first.status).toBe(200);
    const second = await agentApi(baton, qa, 'PUT', path, {
      label: 'correct',
      notes: 'fine on a second read',
    });
    expect(second.body).toMatchObject({ label: 'correct', rootCause: null, notes: 'fine on a second read' });
    const reviews = await baton.store.reviews.listLabels(workspaceId, {
      conversationIds: [flagged.id],
      source: 'review',
    });
    expect(reviews).toHaveLength(1);
    expect(reviews[0]).toMatchObject({ label: 'correct', authorId: first.body.authorId });
    const reviewedEvents = (await baton.store.events.list(flagged.id)).filter((e) => e.type === 'reviewed');
    expect(reviewedEvents.map((e) => e.data.label)).toEqual(['incomplete', 'correct']);

    const after = reviewQueueSchema.parse((await agentApi(baton, qa, 'GET', '/api/review/queue')).body);
    expect(after.items.find((entry) => entry.conversationId === flagged.id)?.label?.label).toBe('correct');
    expect(after.reviewed).toBeGreaterThanOrEqual(1);
  });

  it('samples the week’s AI answers with their weights, and stores a finished week once', async () => {
    await aiTurn('How do I reset my password?');
    const queue = reviewQueueSchema.parse((await agentApi(baton, qa, 'GET', '/api/review/queue')).body);
    expect(queue.population).toBeGreaterThan(0);
    const sampled = queue.items.filter((entry) => entry.source === 'sample');
    expect(sampled.length).toBeGreaterThan(0);
    for (const entry of sampled) expect(entry.weight).toBeGreaterThanOrEqual(1);
    const covered = queue.strata.filter((s) => s.sampled > 0);
    expect(covered.reduce((sum, s) => sum + (s.weight ?? 0) * s.sampled, 0)).toBeCloseTo(
      covered.reduce((sum, s) => sum + s.population, 0),
    );

    const lastWeek = previousIsoWeek(queue.week) ?? '';
    const past = reviewQueueSchema.parse(
      (await agentApi(baton, qa, 'GET', `/api/review/queue?week=${lastWeek}`)).body,
    );
    expect(past).toMatchObject({ week: lastWeek, stored: true });
    const stored = await baton.store.reviews.getSample(workspaceId, lastWeek);
    expect(stored?.drawnAt.toISOString()).toBe(past.drawnAt);
  });

  it('keeps agents out, and refuses a bad week, label or conversation with a code', async () => {
    expect((await agentApi(baton, maya, 'GET', '/api/review/queue')).status).toBe(403);
    const badWeek = await agentApi(baton, qa, 'GET', '/api/review/queue?week=2026-W60');
    expect([badWeek.status, badWeek.body.error]).toMatchObject([400, { code: 'invalid_input' }]);
    const { id } = await aiTurn('Do you ship to Canada?');
    const badLabel = await agentApi(baton, qa, 'PUT', `/api/review/conversations/${id}/label`, {
      label: 'meh',
    });
    expect(badLabel.status).toBe(400);
    const missing = await agentApi(baton, qa, 'PUT', '/api/review/conversations/nope/label', {
      label: 'correct',
    });
    expect(missing.status).toBe(404);
    expect(
      await baton.store.reviews.listLabels(workspaceId, { conversationIds: [id], source: 'review' }),
    ).toEqual([]);
  });
});
