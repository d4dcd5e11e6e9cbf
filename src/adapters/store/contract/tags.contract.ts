/** Contract: conversation tags, each change with its event, the per-conversation limit, and the ?tag= filter. */
import { describe, expect, it } from 'vitest';
import { MAX_TAGS_PER_CONVERSATION } from '../../../core/tags/tag-name.ts';
import {
  buildAgent,
  buildConversation,
  buildWorkspace,
  rejectionCode,
  type StoreProvider,
} from './factories.ts';

const missingId = '00000000-0000-4000-8000-000000000001';

export const tagsContract = (store: StoreProvider): void => {
  describe('conversation tags', () => {
    it('tags and untags a conversation, each change once with an event naming who', async () => {
      const workspace = await buildWorkspace(store());
      const agent = await buildAgent(store(), workspace);
      const conversation = await buildConversation(store(), workspace);
      const change = { workspaceId: workspace.id, conversationId: conversation.id, agentId: agent.id };
      const tags = store().tags;

      expect(await tags.add({ ...change, name: 'vip' })).toEqual({ kind: 'changed', tags: ['vip'] });
      expect(await tags.add({ ...change, name: 'bug' })).toEqual({ kind: 'changed', tags: ['bug', 'vip'] });
      expect(await tags.add({ ...change, name: 'vip' })).toEqual({ kind: 'unchanged', tags: ['bug', 'vip'] });
      expect(await tags.remove({ ...change, name: 'bug' })).toEqual({ kind: 'changed', tags: ['vip'] });
      expect(await tags.remove({ ...change, name: 'bug' })).toEqual({ kind: 'unchanged', tags: ['vip'] });

      const events = (await store().events.list(conversation.id)).filter((e) => e.type.startsWith('tag_'));
      expect(events.map((e) => [e.type, e.data, e.actor])).toEqual([
        ['tag_added', { name: 'vip' }, { kind: 'agent', id: agent.id }],
        ['tag_added', { name: 'bug' }, { kind: 'agent', id: agent.id }],
        ['tag_removed', { name: 'bug' }, { kind: 'agent', id: agent.id }],
      ]);
      expect((await tags.ofConversations([conversation.id])).get(conversation.id)).toEqual(['vip']);
    });

    it('marks the conversation’s facts stale with each change, as every event does', async () => {
      const workspace = await buildWorkspace(store());
      const agent = await buildAgent(store(), workspace);
      const conversation = await buildConversation(store(), workspace);
      await store().metrics.clearStale(await store().metrics.takeStale(workspace.id, 10, 60_000));
      expect(await store().metrics.staleCount(workspace.id)).toBe(0);
      await store().tags.add({
        workspaceId: workspace.id,
        conversationId: conversation.id,
        agentId: agent.id,
        name: 'vip',
      });
      expect((await store().metrics.takeStale(workspace.id, 10, 60_000)).customerIds).toEqual([
        conversation.customerId,
      ]);
    });

    it('lists the workspace’s tags by name with how many conversations carry each, unused ones too', async () => {
      const workspace = await buildWorkspace(store());
      const other = await buildWorkspace(store());
      const agent = await buildAgent(store(), workspace);
      const first = await buildConversation(store(), workspace);
      const second = await buildConversation(store(), workspace);
      const elsewhere = await buildConversation(store(), other);
      const tag = (conversationId: string, name: string, workspaceId = workspace.id) =>
        store().tags.add({ workspaceId, conversationId, agentId: agent.id, name });
      await tag(first.id, 'vip');
      await tag(second.id, 'vip');
      await tag(second.id, 'refund abuse');
      await tag(elsewhere.id, 'vip', other.id);
      await store().tags.remove({
        workspaceId: workspace.id,
        conversationId: second.id,
        agentId: agent.id,
        name: 'refund abuse',
      });
      expect(await store().tags.list(workspace.id)).toEqual([
        { name: 'refund abuse', colour: null, conversations: 0 },
        { name: 'vip', colour: null, conversations: 2 },
      ]);
      const byConversation = await store().tags.ofConversations([first.id, second.id, missingId, 'nope']);
      expect([...byConversation.entries()].sort()).toEqual(
        [
          [first.id, ['vip']],
          [second.id, ['vip']],
        ].sort(),
      );
    });

    it('refuses a tag past the limit, and one of another workspace’s conversation is not found', async () => {
      const workspace = await buildWorkspace(store());
      const other = await buildWorkspace(store());
      const agent = await buildAgent(store(), workspace);
      const conversation = await buildConversation(store(), workspace);
      const change = { workspaceId: workspace.id, conversationId: conversation.id, agentId: agent.id };
      for (let i = 0; i < MAX_TAGS_PER_CONVERSATION; i++)
        await store().tags.add({ ...change, name: `tag ${i}` });
      expect(await store().tags.add({ ...change, name: 'one more' })).toMatchObject({ kind: 'too_many' });
      expect((await store().tags.ofConversations([conversation.id])).get(conversation.id)).toHaveLength(
        MAX_TAGS_PER_CONVERSATION,
      );
      expect(await store().tags.add({ ...change, workspaceId: other.id, name: 'vip' })).toEqual({
        kind: 'not_found',
      });
      expect(await store().tags.add({ ...change, conversationId: missingId, name: 'vip' })).toEqual({
        kind: 'not_found',
      });
    });

    it('two agents adding different tags at once past the limit: only one gets in', async () => {
      const workspace = await buildWorkspace(store());
      const agent = await buildAgent(store(), workspace);
      const conversation = await buildConversation(store(), workspace);
      const change = { workspaceId: workspace.id, conversationId: conversation.id, agentId: agent.id };
      for (let i = 0; i < MAX_TAGS_PER_CONVERSATION - 1; i++) {
        await store().tags.add({ ...change, name: `tag ${i}` });
      }
      const outcomes = await Promise.all([
        store().tags.add({ ...change, name: 'left' }),
        store().tags.add({ ...change, name: 'right' }),
      ]);
      expect(outcomes.map((o) => o.kind).sort()).toEqual(['changed', 'too_many']);
    });

    it('refuses a name the core does not accept, storing nothing', async () => {
      const workspace = await buildWorkspace(store());
      const agent = await buildAgent(store(), workspace);
      const conversation = await buildConversation(store(), workspace);
      const change = { workspaceId: workspace.id, conversationId: conversation.id, agentId: agent.id };
      expect(await rejectionCode(store().tags.add({ ...change, name: '<b>vip</b>' }))).toBe('tag_invalid');
      expect(await store().tags.list(workspace.id)).toEqual([]);
    });

    it('narrows a conversation list to those carrying a tag, with the other filters', async () => {
      const workspace = await buildWorkspace(store());
      const agent = await buildAgent(store(), workspace);
      const tagged = await buildConversation(store(), workspace);
      const untagged = await buildConversation(store(), workspace);
      await store().tags.add({
        workspaceId: workspace.id,
        conversationId: tagged.id,
        agentId: agent.id,
        name: 'vip',
      });
      const ids = async (filter: Parameters<ReturnType<StoreProvider>['conversations']['list']>[1]) =>
        (await store().conversations.list(workspace.id, filter)).map((c) => c.id);
      expect(await ids({ tag: 'vip' })).toEqual([tagged.id]);
      expect(await ids({ tag: 'bug' })).toEqual([]);
      expect(await ids({ tag: 'vip', states: ['resolved'] })).toEqual([]);
      expect((await ids({})).sort()).toEqual([tagged.id, untagged.id].sort());
    });
  });
};
