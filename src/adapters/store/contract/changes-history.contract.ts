/**
 * The change feed and the labelled history: every committed change to what an AI turn reads is
 * announced once, to every listener, with the workspace (and the conversation or setting key) it
 * concerns; nothing is announced for a write that did not commit; and the labelled history is the
 * latest confirmation per conversation.
 */
import { describe, expect, it } from 'vitest';
import type { WorkspaceChange } from '../../../core/ports/store.ts';
import { categorisedEvent } from './example-events.ts';
import { buildConversation, buildWorkspace, type StoreProvider, systemActor } from './factories.ts';

/** Collects the changes of one workspace until stopped. */
const listen = async (store: StoreProvider, workspaceId: string) => {
  const heard: WorkspaceChange[] = [];
  const stop = await store().changes.subscribe((change) => {
    if (change.kind === 'missed' || change.workspaceId === workspaceId) heard.push(change);
  });
  return { heard, stop };
};

/** Waits for `count` changes (at most 5 s), then a little longer for any that should not come. */
const settle = async (heard: readonly WorkspaceChange[], count: number) => {
  const deadline = Date.now() + 5_000;
  while (heard.length < count && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
  await new Promise((r) => setTimeout(r, 300));
  return heard;
};

export const changesHistoryContract = (store: StoreProvider): void => {
  describe('change feed', () => {
    it('announces a published policy and a saved setting, naming the key', async () => {
      const workspace = await buildWorkspace(store());
      const { heard, stop } = await listen(store, workspace.id);
      await store().policies.publish({ workspaceId: workspace.id, document: {}, author: 'ops' });
      await store().settings.publish({
        workspaceId: workspace.id,
        key: 'handoff_templates',
        value: {},
        author: 'ops',
      });
      expect(await settle(heard, 2)).toEqual([
        { kind: 'policy', workspaceId: workspace.id },
        { kind: 'setting', workspaceId: workspace.id, key: 'handoff_templates' },
      ]);
      stop();
    });

    it('announces article writes and deletions as knowledge changes', async () => {
      const workspace = await buildWorkspace(store());
      const { heard, stop } = await listen(store, workspace.id);
      const article = await store().articles.upsert({
        workspaceId: workspace.id,
        slug: 'returns',
        title: 'Returns',
        body: 'Send it back within 30 days.',
      });
      await store().articles.upsert({
        workspaceId: workspace.id,
        slug: 'returns',
        title: 'Returns',
        body: 'Within 60 days.',
      });
      await store().articles.delete(article.id);
      const knowledge = { kind: 'knowledge', workspaceId: workspace.id };
      expect(await settle(heard, 3)).toEqual([knowledge, knowledge, knowledge]);
      stop();
    });

    it('announces confirmed categories with their conversation, and no other event', async () => {
      const workspace = await buildWorkspace(store());
      const conversation = await buildConversation(store(), workspace);
      const { heard, stop } = await listen(store, workspace.id);
      await store().events.append(conversation.id, categorisedEvent('refund'));
      await store().events.append(conversation.id, {
        type: 'category_confirmed',
        actor: systemActor,
        data: { category: 'refund', previous: null, text: 'I want my money back' },
      });
      expect(await settle(heard, 1)).toEqual([
        { kind: 'category_confirmed', workspaceId: workspace.id, conversationId: conversation.id },
      ]);
      stop();
    });

    it('announces nothing for a refused write, nor after unsubscribing', async () => {
      const workspace = await buildWorkspace(store());
      const { heard, stop } = await listen(store, workspace.id);
      await expect(
        store().policies.publish({ workspaceId: workspace.id, document: undefined, author: 'ops' }),
      ).rejects.toThrow();
      stop();
      await store().policies.publish({ workspaceId: workspace.id, document: {}, author: 'ops' });
      expect(await settle(heard, 0)).toEqual([]);
    });

    it('tells every subscriber, even when one of them throws', async () => {
      const workspace = await buildWorkspace(store());
      const stopBad = await store().changes.subscribe(() => {
        throw new Error('a broken cache');
      });
      const { heard, stop } = await listen(store, workspace.id);
      await store().policies.publish({ workspaceId: workspace.id, document: {}, author: 'ops' });
      expect(await settle(heard, 1)).toHaveLength(1);
      stopBad();
      stop();
    });
  });

  describe('policy rollback record', () => {
    it('keeps which earlier version a published version restores', async () => {
      const workspace = await buildWorkspace(store());
      const first = await store().policies.publish({
        workspaceId: workspace.id,
        document: { a: 1 },
        author: 'ops',
      });
      await store().policies.publish({ workspaceId: workspace.id, document: { a: 2 }, author: 'ops' });
      const restored = await store().policies.publish({
        workspaceId: workspace.id,
        document: first.document,
        author: 'ops',
        note: 'back to the first',
        restoredFrom: first.version,
      });
      expect(first.restoredFrom).toBeNull();
      expect(restored).toMatchObject({ version: 3, restoredFrom: 1, document: { a: 1 } });
      expect(await store().policies.get(workspace.id, 3)).toEqual(restored);
      expect((await store().policies.list(workspace.id)).map((v) => v.restoredFrom)).toEqual([1, null, null]);
    });
  });

  describe('compare-and-set publishing', () => {
    it('publishes a policy or a setting only over the version the writer expected', async () => {
      const workspace = await buildWorkspace(store());
      const policy = (ifCurrent: number) =>
        store().policies.publish({
          workspaceId: workspace.id,
          document: { ifCurrent },
          author: 'ops',
          ifCurrent,
        });
      expect((await policy(0)).version).toBe(1);
      await expect(policy(0)).rejects.toMatchObject({ code: 'conflict' });
      expect((await policy(1)).version).toBe(2);
      const setting = (ifCurrent: number) =>
        store().settings.publish({
          workspaceId: workspace.id,
          key: 'draft',
          value: ifCurrent,
          author: 'ops',
          ifCurrent,
        });
      expect((await setting(0)).version).toBe(1);
      await expect(setting(2)).rejects.toMatchObject({ code: 'conflict' });
      expect((await store().policies.list(workspace.id)).map((v) => v.version)).toEqual([2, 1]);
      expect((await store().settings.current(workspace.id, 'draft'))?.value).toBe(0);
    });

    it('commits a policy and a setting together or not at all inside one transaction', async () => {
      const workspace = await buildWorkspace(store());
      /** Publishes a policy over none yet and clears the draft over `draftVersion`, in one transaction. */
      const publishAndClear = (document: unknown, draftVersion: number) =>
        store().transaction(async (tx) => {
          await tx.policies.publish({ workspaceId: workspace.id, document, author: 'ops', ifCurrent: 0 });
          const draft = { workspaceId: workspace.id, key: 'draft', value: null, author: 'ops' };
          await tx.settings.publish({ ...draft, ifCurrent: draftVersion });
        });
      await expect(publishAndClear({ a: 1 }, 5)).rejects.toMatchObject({ code: 'conflict' });
      expect(await store().policies.current(workspace.id)).toBeNull();
      await publishAndClear({ a: 2 }, 0);
      expect((await store().policies.current(workspace.id))?.document).toEqual({ a: 2 });
      expect((await store().settings.current(workspace.id, 'draft'))?.version).toBe(1);
    });
  });

  describe('labelled history', () => {
    const confirm = (conversationId: string, category: string, text: string) =>
      store().events.append(conversationId, {
        type: 'category_confirmed',
        actor: systemActor,
        data: { category, previous: null, text },
      });

    it('keeps the latest confirmation per conversation, in the order they were made', async () => {
      const workspace = await buildWorkspace(store());
      const [first, second] = [
        await buildConversation(store(), workspace),
        await buildConversation(store(), workspace),
      ];
      await confirm(first.id, 'billing', 'charged twice');
      await confirm(second.id, 'shipping', 'parcel is late');
      await confirm(first.id, 'refund', 'charged twice, want it back');
      expect(await store().categoryHistory.latest(workspace.id)).toEqual([
        { conversationId: second.id, category: 'shipping', text: 'parcel is late' },
        { conversationId: first.id, category: 'refund', text: 'charged twice, want it back' },
      ]);
      expect(await store().categoryHistory.latestOf(first.id)).toEqual({
        conversationId: first.id,
        category: 'refund',
        text: 'charged twice, want it back',
      });
    });

    it('skips confirmations without customer text and other workspaces', async () => {
      const [workspace, other] = [await buildWorkspace(store()), await buildWorkspace(store())];
      const conversation = await buildConversation(store(), workspace);
      await confirm(conversation.id, 'billing', '   ');
      await confirm((await buildConversation(store(), other)).id, 'billing', 'elsewhere');
      expect(await store().categoryHistory.latest(workspace.id)).toEqual([]);
      expect(await store().categoryHistory.latestOf(conversation.id)).toBeNull();
      expect(await store().categoryHistory.latestOf('not-a-uuid')).toBeNull();
    });
  });
};
