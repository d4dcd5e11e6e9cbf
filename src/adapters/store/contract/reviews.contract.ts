/** Contract: the coaching loop's weekly review samples and review labels (SPEC §8). */
import { describe, expect, it } from 'vitest';
import type { Workspace } from '../../../core/model.ts';
import type { NewReviewLabel, NewReviewSample } from '../../../core/ports/reviews.ts';
import type { Store } from '../../../core/ports/store.ts';
import {
  buildAgent,
  buildConversation,
  buildWorkspace,
  rejectionCode,
  type StoreProvider,
} from './factories.ts';

const sampleOf = (
  workspace: Workspace,
  conversationIds: readonly string[],
  week = '2026-W49',
): NewReviewSample => ({
  workspaceId: workspace.id,
  week,
  capacity: 10,
  population: 40,
  strata: [
    { category: 'billing', tier: 'risky', population: 8, sampled: 1, weight: 8 },
    { category: 'orders', tier: 'routine', population: 32, sampled: 0, weight: null },
  ],
  items: conversationIds.map((conversationId, n) => ({
    conversationId,
    category: n === 0 ? 'orders' : 'billing',
    source: n === 0 ? 'flag' : 'sample',
    tier: n === 0 ? null : 'risky',
    risks: n === 0 ? [] : ['low_confidence', 'recontacted'],
    weight: n === 0 ? 1 : 8,
  })),
});

/** A workspace with a reviewer, a conversation and one AI answer in it. */
const labelled = async (store: Store) => {
  const workspace = await buildWorkspace(store);
  const reviewer = await buildAgent(store, workspace, { name: 'Quinn QA' });
  const conversation = await buildConversation(store, workspace);
  const { message } = await store.messages.append(
    { conversationId: conversation.id, author: 'ai', body: 'Refunds reach your card in 5 days.' },
    { kind: 'ai' },
  );
  const label = (fields: Partial<NewReviewLabel> = {}): NewReviewLabel => ({
    workspaceId: workspace.id,
    conversationId: conversation.id,
    messageId: null,
    source: 'review',
    label: 'correct',
    rootCause: null,
    correctAnswer: null,
    notes: null,
    authorId: reviewer.id,
    ...fields,
  });
  return { workspace, reviewer, conversation, message, label };
};

export const reviewsContract = (store: StoreProvider): void => {
  describe('review samples', () => {
    it('has no sample before a week is drawn', async () => {
      const workspace = await buildWorkspace(store());
      expect(await store().reviews.getSample(workspace.id, '2026-W49')).toBeNull();
    });

    it('stores a week’s sample with its items in queue order, weights, risks and strata', async () => {
      const workspace = await buildWorkspace(store());
      const first = await buildConversation(store(), workspace);
      const second = await buildConversation(store(), workspace);
      const drawnAt = new Date('2026-12-07T06:00:00Z');
      const { sample, created } = await store().reviews.saveSample({
        ...sampleOf(workspace, [first.id, second.id]),
        drawnAt,
      });
      expect(created).toBe(true);
      expect(sample).toEqual({
        workspaceId: workspace.id,
        week: '2026-W49',
        drawnAt,
        capacity: 10,
        population: 40,
        strata: sampleOf(workspace, []).strata,
        items: [
          {
            conversationId: first.id,
            position: 0,
            category: 'orders',
            source: 'flag',
            tier: null,
            risks: [],
            weight: 1,
          },
          {
            conversationId: second.id,
            position: 1,
            category: 'billing',
            source: 'sample',
            tier: 'risky',
            risks: ['low_confidence', 'recontacted'],
            weight: 8,
          },
        ],
      });
      expect(await store().reviews.getSample(workspace.id, '2026-W49')).toEqual(sample);
      expect(await store().reviews.getSample(workspace.id, '2026-W50')).toBeNull();
    });

    it('draws a week once: a later draw returns the first sample unchanged', async () => {
      const workspace = await buildWorkspace(store());
      const first = await buildConversation(store(), workspace);
      const other = await buildConversation(store(), workspace);
      const kept = await store().reviews.saveSample(sampleOf(workspace, [first.id]));
      const again = await store().reviews.saveSample({ ...sampleOf(workspace, [other.id]), capacity: 99 });
      expect(again.created).toBe(false);
      expect(again.sample).toEqual(kept.sample);
      expect(again.sample.items.map((item) => item.conversationId)).toEqual([first.id]);
    });

    it('keeps one sample when two processes draw the same week at once', async () => {
      const workspace = await buildWorkspace(store());
      const conversations = await Promise.all([1, 2, 3].map(() => buildConversation(store(), workspace)));
      const draws = await Promise.all(
        conversations.map((conversation) =>
          store().reviews.saveSample(sampleOf(workspace, [conversation.id])),
        ),
      );
      expect(draws.filter((draw) => draw.created)).toHaveLength(1);
      const stored = await store().reviews.getSample(workspace.id, '2026-W49');
      for (const draw of draws) expect(draw.sample).toEqual(stored);
      expect(stored?.items).toHaveLength(1);
    });

    it('stores an empty week (nothing to review) as drawn', async () => {
      const workspace = await buildWorkspace(store());
      const { sample } = await store().reviews.saveSample({ ...sampleOf(workspace, []), population: 0 });
      expect(sample.items).toEqual([]);
      expect((await store().reviews.saveSample(sampleOf(workspace, []))).created).toBe(false);
    });
  });

  describe('review labels', () => {
    it('stores a label once with who gave it and when', async () => {
      const { label, reviewer, conversation } = await labelled(store());
      const at = new Date('2026-12-08T10:00:00Z');
      const saved = await store().reviews.saveLabel({
        ...label({ label: 'incorrect', rootCause: 'wrong_article', notes: 'cited the returns article' }),
        correctAnswer: 'Refunds take up to 10 business days.',
        at,
      });
      expect(saved.previous).toBeNull();
      expect(saved.label).toMatchObject({
        conversationId: conversation.id,
        messageId: null,
        source: 'review',
        label: 'incorrect',
        rootCause: 'wrong_article',
        correctAnswer: 'Refunds take up to 10 business days.',
        notes: 'cited the returns article',
        authorId: reviewer.id,
        createdAt: at,
        updatedAt: at,
      });
    });

    it('changes the labeller’s own label when they label again, keeping when it was first given', async () => {
      const { label, workspace } = await labelled(store());
      const first = await store().reviews.saveLabel({ ...label(), at: new Date('2026-12-08T10:00:00Z') });
      const later = new Date('2026-12-08T11:00:00Z');
      const second = await store().reviews.saveLabel({
        ...label({ label: 'should_have_escalated', rootCause: 'policy_too_loose' }),
        at: later,
      });
      expect(second.previous).toEqual(first.label);
      expect(second.label).toMatchObject({
        id: first.label.id,
        label: 'should_have_escalated',
        createdAt: first.label.createdAt,
        updatedAt: later,
      });
      expect(await store().reviews.listLabels(workspace.id)).toEqual([second.label]);
    });

    it('keeps separate labels per labeller, per source and per flagged message', async () => {
      const { label, workspace, conversation, message } = await labelled(store());
      const colleague = await buildAgent(store(), workspace, { name: 'Rae Review' });
      const { message: another } = await store().messages.append(
        { conversationId: conversation.id, author: 'ai', body: 'Anything else?' },
        { kind: 'ai' },
      );
      await store().reviews.saveLabel(label());
      await store().reviews.saveLabel(label({ authorId: colleague.id, label: 'incomplete' }));
      await store().reviews.saveLabel(label({ source: 'flag', messageId: message.id, label: 'incorrect' }));
      await store().reviews.saveLabel(label({ source: 'flag', messageId: another.id, label: 'incomplete' }));
      await store().reviews.saveLabel(label({ source: 'flag', messageId: message.id, rootCause: 'tone' }));
      const stored = await store().reviews.listLabels(workspace.id);
      expect(stored).toHaveLength(4);
      expect(
        stored.filter((row) => row.source === 'flag').map((row) => [row.messageId, row.label, row.rootCause]),
      ).toEqual(
        expect.arrayContaining([
          [another.id, 'incomplete', null],
          [message.id, 'correct', 'tone'],
        ]),
      );
    });

    it('keeps one label when the same labeller saves twice at once', async () => {
      const { label, workspace } = await labelled(store());
      await Promise.all([
        store().reviews.saveLabel(label({ label: 'incorrect' })),
        store().reviews.saveLabel(label({ label: 'incomplete' })),
      ]);
      expect(await store().reviews.listLabels(workspace.id)).toHaveLength(1);
    });

    it('refuses a conversation of another workspace or a message of another conversation', async () => {
      const { label, workspace } = await labelled(store());
      const elsewhere = await buildWorkspace(store());
      const foreign = await buildConversation(store(), elsewhere);
      expect(await rejectionCode(store().reviews.saveLabel(label({ conversationId: foreign.id })))).toBe(
        'not_found',
      );
      const sibling = await buildConversation(store(), workspace);
      const { message: siblingMessage } = await store().messages.append(
        { conversationId: sibling.id, author: 'ai', body: 'Hello' },
        { kind: 'ai' },
      );
      expect(
        await rejectionCode(
          store().reviews.saveLabel(label({ source: 'flag', messageId: siblingMessage.id })),
        ),
      ).toBe('not_found');
      expect(await store().reviews.listLabels(workspace.id)).toEqual([]);
    });

    it('lists labels by time, source and conversation, oldest change first', async () => {
      const { label, workspace, message } = await labelled(store());
      const other = await buildConversation(store(), workspace);
      const monday = new Date('2026-11-30T09:00:00Z');
      const tuesday = new Date('2026-12-01T09:00:00Z');
      const nextWeek = new Date('2026-12-08T09:00:00Z');
      const a = await store().reviews.saveLabel({ ...label(), at: tuesday });
      const b = await store().reviews.saveLabel({ ...label({ conversationId: other.id }), at: monday });
      const c = await store().reviews.saveLabel({
        ...label({ source: 'flag', messageId: message.id, label: 'incorrect' }),
        at: nextWeek,
      });
      const list = (filter: Parameters<Store['reviews']['listLabels']>[1]) =>
        store()
          .reviews.listLabels(workspace.id, filter)
          .then((rows) => rows.map((row) => row.id));
      expect(await list({})).toEqual([b.label.id, a.label.id, c.label.id]);
      expect(await list({ since: monday, until: nextWeek })).toEqual([b.label.id, a.label.id]);
      expect(await list({ source: 'flag' })).toEqual([c.label.id]);
      expect(await list({ conversationIds: [other.id] })).toEqual([b.label.id]);
      expect(await list({ conversationIds: [] })).toEqual([]);
      expect(await store().reviews.listLabels((await buildWorkspace(store())).id)).toEqual([]);
    });
  });
};
