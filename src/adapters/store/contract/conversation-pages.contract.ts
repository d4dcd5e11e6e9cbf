/** Contract: a conversation list a page at a time, how many it holds, and the unread filter. */
import { describe, expect, it } from 'vitest';
import type { Conversation } from '../../../core/model.ts';
import type { ConversationFilter, Store } from '../../../core/ports/store.ts';
import { aiResolvedEvent, assignedEvent, handedOverEvent } from './example-events.ts';
import {
  buildAgent,
  buildConversation,
  buildWorkspace,
  rejectionCode,
  type StoreProvider,
  systemActor,
} from './factories.ts';

/** Every page of a list, `size` at a time, by following the cursors. */
const allPages = async (store: Store, workspaceId: string, filter: ConversationFilter, size: number) => {
  const pages: string[][] = [];
  let after: string | undefined;
  do {
    const page = await store.conversations.page(workspaceId, filter, {
      limit: size,
      ...(after === undefined ? {} : { after }),
    });
    pages.push(page.conversations.map((conversation) => conversation.id));
    after = page.next ?? undefined;
  } while (after !== undefined && pages.length < 50);
  return pages;
};

export const conversationPagesContract = (store: StoreProvider): void => {
  describe('conversation pages and counts', () => {
    const handOver = (id: string, priority: number, at?: Date) =>
      store().conversations.applyChange(
        id,
        'ai',
        { state: 'queued', teamKey: 'billing', priority },
        handedOverEvent('billing', at),
      );
    const say = (conversation: Conversation, author: 'customer' | 'agent', authorId?: string) =>
      store().messages.append(
        {
          conversationId: conversation.id,
          author,
          body: `${author} writes`,
          ...(authorId ? { authorId } : {}),
        },
        author === 'customer' ? { kind: 'customer', id: conversation.customerId } : systemActor,
      );

    it('pages a queue in its order: every conversation once, ties on priority and time broken by id', async () => {
      const workspace = await buildWorkspace(store());
      const at = (minute: number) => new Date(Date.UTC(2026, 3, 1, 9, minute));
      const plan = [
        [5, 3],
        [0, 1],
        [5, 3],
        [2, 2],
        [5, 1],
        [0, 1],
        [2, 9],
        [5, 3],
      ] as const;
      for (const [priority, minute] of plan) {
        const conversation = await buildConversation(store(), workspace);
        await handOver(conversation.id, priority, at(minute));
      }
      await buildConversation(store(), workspace); // still the AI's: not queued
      const filter: ConversationFilter = { states: ['queued'], teamKeys: ['billing'] };
      const whole = (await store().conversations.list(workspace.id, filter)).map((c) => c.id);
      expect(whole).toHaveLength(plan.length);

      const pages = await allPages(store(), workspace.id, filter, 3);
      expect(pages.map((page) => page.length)).toEqual([3, 3, 2]);
      expect(pages.flat()).toEqual(whole);
      expect(await allPages(store(), workspace.id, filter, 1)).toEqual(whole.map((id) => [id]));
      expect(await store().conversations.count(workspace.id, filter, 100)).toEqual({
        count: plan.length,
        capped: false,
      });
      expect(await store().conversations.count(workspace.id, filter, 5)).toEqual({ count: 5, capped: true });
      const keys = await store().conversations.keys(workspace.id, filter, 100);
      expect(keys.map((key) => key.id).sort()).toEqual([...whole].sort());
      expect(new Set(keys.map((key) => key.teamKey))).toEqual(new Set(['billing']));
      expect(await store().conversations.keys(workspace.id, filter, 3)).toHaveLength(3);
      expect(await store().conversations.keys(workspace.id, { ...filter, states: [] }, 100)).toEqual([]);
      expect(await store().conversations.count(workspace.id, { ...filter, priorities: [5] }, 4)).toEqual({
        count: 4,
        capped: false,
      });
    });

    it('pages the latest activity first by the database clock to the microsecond, none twice or skipped', async () => {
      const workspace = await buildWorkspace(store());
      const conversations: Conversation[] = [];
      for (let i = 0; i < 6; i += 1) conversations.push(await buildConversation(store(), workspace));
      // Messages stamped by the database, one after another: times apart by microseconds at times.
      for (const conversation of conversations) await say(conversation, 'customer');
      const filter: ConversationFilter = { orderBy: 'recent' };
      const whole = (await store().conversations.list(workspace.id, filter)).map((c) => c.id);
      expect(whole).toEqual(conversations.map((c) => c.id).reverse());
      expect((await allPages(store(), workspace.id, filter, 1)).flat()).toEqual(whole);
      const pages = await allPages(store(), workspace.id, filter, 4);
      expect(pages).toEqual([whole.slice(0, 4), whole.slice(4)]);
    });

    it('pages resolved and open conversations together by latest activity, as the whole list orders them', async () => {
      const workspace = await buildWorkspace(store());
      const conversations: Conversation[] = [];
      for (let i = 0; i < 9; i += 1) conversations.push(await buildConversation(store(), workspace));
      for (const conversation of conversations) await say(conversation, 'customer');
      const resolve = (conversation: Conversation) =>
        store().conversations.applyChange(
          conversation.id,
          'ai',
          { state: 'resolved', resolution: 'ai' },
          aiResolvedEvent(),
        );
      // Every other one resolved; then a message lands on a resolved one (its stored order time
      // follows it) and an open one's customer writes again: both move to the top.
      for (const conversation of conversations.filter((_, i) => i % 2 === 0)) await resolve(conversation);
      const [first, second] = conversations;
      if (!first || !second) throw new Error('nine conversations were made');
      await say(first, 'customer');
      expect((await store().conversations.getById(first.id))?.state).toBe('resolved');
      await say(second, 'customer');
      for (const filter of [
        { orderBy: 'recent' },
        { orderBy: 'recent', states: ['resolved'] },
        { orderBy: 'recent', states: ['ai', 'resolved'] },
        { orderBy: 'recent', states: ['ai'] },
      ] satisfies ConversationFilter[]) {
        const whole = (await store().conversations.list(workspace.id, filter)).map((c) => c.id);
        expect(whole.length).toBeGreaterThan(0);
        expect((await allPages(store(), workspace.id, filter, 1)).flat()).toEqual(whole);
        expect((await allPages(store(), workspace.id, filter, 3)).flat()).toEqual(whole);
      }
      const everything = await allPages(store(), workspace.id, { orderBy: 'recent' }, 2);
      expect(everything[0]).toEqual([second.id, first.id]);
      expect(everything.flat()).toHaveLength(conversations.length);
    });

    it('starts the next page right behind the last row shown, whatever changed before it', async () => {
      const workspace = await buildWorkspace(store());
      const at = (minute: number) => new Date(Date.UTC(2026, 3, 2, 9, minute));
      const ids: string[] = [];
      for (let minute = 0; minute < 5; minute += 1) {
        const conversation = await buildConversation(store(), workspace);
        await handOver(conversation.id, 1, at(minute));
        ids.push(conversation.id);
      }
      const filter: ConversationFilter = { states: ['queued'] };
      const first = await store().conversations.page(workspace.id, filter, { limit: 2 });
      expect(first.conversations.map((c) => c.id)).toEqual(ids.slice(0, 2));
      // The first one is picked up meanwhile: the next page still starts at the third.
      const agent = await buildAgent(store(), workspace);
      await store().conversations.applyChange(
        ids[0] ?? '',
        'queued',
        { state: 'assigned', assigneeId: agent.id },
        assignedEvent(agent.id),
      );
      const second = await store().conversations.page(workspace.id, filter, {
        limit: 2,
        after: first.next ?? 'missing',
      });
      expect(second.conversations.map((c) => c.id)).toEqual(ids.slice(2, 4));
      const third = await store().conversations.page(workspace.id, filter, {
        limit: 2,
        after: second.next ?? 'missing',
      });
      expect(third).toEqual({ conversations: [expect.objectContaining({ id: ids[4] })], next: null });
    });

    it('refuses a cursor of the other order or one no page gave out', async () => {
      const workspace = await buildWorkspace(store());
      for (let i = 0; i < 3; i += 1) await buildConversation(store(), workspace);
      const queue = await store().conversations.page(workspace.id, {}, { limit: 1 });
      const recent = await store().conversations.page(workspace.id, { orderBy: 'recent' }, { limit: 1 });
      expect(queue.next).not.toBeNull();
      expect(recent.next).not.toBeNull();
      const page = (filter: ConversationFilter, after: string) =>
        store().conversations.page(workspace.id, filter, { limit: 1, after });
      expect(await rejectionCode(page({ orderBy: 'recent' }, queue.next ?? ''))).toBe('invalid_input');
      expect(await rejectionCode(page({}, recent.next ?? ''))).toBe('invalid_input');
      for (const garbage of [
        '',
        'q',
        'q|1|yesterday|x',
        `${queue.next}|more`,
        "q|1|2026-01-01T00:00:00Z|'; --",
      ])
        expect(await rejectionCode(page({}, garbage))).toBe('invalid_input');
    });

    it('keeps only what a person has not read, and counts it', async () => {
      const workspace = await buildWorkspace(store());
      const maya = await buildAgent(store(), workspace, { name: 'Maya' });
      const leo = await buildAgent(store(), workspace, { name: 'Leo' });
      const asked = await buildConversation(store(), workspace);
      const answeredByMaya = await buildConversation(store(), workspace);
      const quiet = await buildConversation(store(), workspace);
      await say(asked, 'customer');
      await say(answeredByMaya, 'customer');
      await store().readMarks.markRead(maya.id, answeredByMaya.id);
      await say(answeredByMaya, 'agent', maya.id);
      const unread = async (agentId: string) =>
        (await store().conversations.list(workspace.id, { unreadBy: agentId })).map((c) => c.id).sort();
      expect(await unread(maya.id)).toEqual([asked.id]);
      expect(await unread(leo.id)).toEqual([asked.id, answeredByMaya.id].sort());
      expect(
        (await store().conversations.keys(workspace.id, { unreadBy: leo.id }, 10))
          .map((key) => key.id)
          .sort(),
      ).toEqual(await unread(leo.id));
      expect(await store().conversations.count(workspace.id, { unreadBy: leo.id }, 10)).toEqual({
        count: 2,
        capped: false,
      });
      // The same rule as the read marks' own question.
      const all = [asked.id, answeredByMaya.id, quiet.id];
      expect([...(await store().readMarks.unreadAmong(leo.id, all))].sort()).toEqual(await unread(leo.id));
      await store().readMarks.markRead(leo.id, asked.id);
      expect(await unread(leo.id)).toEqual([answeredByMaya.id]);
      expect(await store().conversations.list(workspace.id, { unreadBy: 'not-an-id' })).toEqual([]);
    });
  });
};
