/** Contract: searching and narrowing conversation lists (the inbox search and its filters). */
import { describe, expect, it } from 'vitest';
import type { Workspace } from '../../../core/model.ts';
import type { ConversationFilter } from '../../../core/ports/store.ts';
import { readConversationSearch } from '../../../core/search/conversation-search.ts';
import { assignedEvent, categorisedEvent, handedOverEvent } from './example-events.ts';
import { buildAgent, buildConversation, buildWorkspace, type StoreProvider } from './factories.ts';

export const conversationSearchContract = (store: StoreProvider): void => {
  describe('conversation search and filters', () => {
    const customer = (workspace: Workspace, name: string, email: string) =>
      store().customers.create({ workspaceId: workspace.id, name, email, profile: {} });

    const say = (conversationId: string, body: string, author: 'customer' | 'agent' = 'customer') =>
      store().messages.append({ conversationId, author, body }, { kind: 'system' });

    const searching = (text: string): ConversationFilter => {
      const search = readConversationSearch(text);
      if (search === null) throw new Error(`nothing to search in "${text}"`);
      return { search };
    };

    /** Two conversations with a few messages, and a third in another workspace that says the same. */
    const arrange = async () => {
      const workspace = await buildWorkspace(store());
      const lena = await customer(workspace, 'Lena Okafor', 'lena.okafor@example.com');
      const tom = await customer(workspace, 'Tom Brandt', 'tbrandt@example.org');
      const refund = await buildConversation(store(), workspace, { customer: lena });
      const delivery = await buildConversation(store(), workspace, { customer: tom });
      await say(refund.id, 'I was charged twice and want my money refunded for order A-2231');
      await say(refund.id, 'We have started the refund.', 'agent');
      await say(delivery.id, 'The parcel never arrived at my flat');
      const elsewhere = await buildWorkspace(store());
      const stranger = await buildConversation(store(), elsewhere, {
        customer: await customer(elsewhere, 'Lena Okafor', 'lena.okafor@example.com'),
      });
      await say(stranger.id, 'I want my money refunded');
      return { workspace, refund, delivery };
    };

    const ids = async (workspace: Workspace, filter: ConversationFilter) =>
      (await store().conversations.list(workspace.id, filter)).map((c) => c.id).sort();

    it('finds a conversation by the words of its messages, stemmed and as prefixes, in this workspace only', async () => {
      const { workspace, refund, delivery } = await arrange();
      expect(await ids(workspace, searching('refunds'))).toEqual([refund.id]);
      expect(await ids(workspace, searching('Charged TWICE'))).toEqual([refund.id]);
      expect(await ids(workspace, searching('parc'))).toEqual([delivery.id]);
      expect(await ids(workspace, searching('2231'))).toEqual([refund.id]);
      expect(await ids(workspace, searching('A-2231'))).toEqual([refund.id]);
      expect(await ids(workspace, searching('refund parcel'))).toEqual([]);
      expect(await ids(workspace, searching('invoice'))).toEqual([]);
    });

    it('finds a conversation by its customer name or e-mail, or any part of them', async () => {
      const { workspace, refund, delivery } = await arrange();
      expect(await ids(workspace, searching('okafor'))).toEqual([refund.id]);
      expect(await ids(workspace, searching('Lena Oka'))).toEqual([refund.id]);
      expect(await ids(workspace, searching('tbrandt@example.org'))).toEqual([delivery.id]);
      expect(await ids(workspace, searching('example'))).toEqual([refund.id, delivery.id].sort());
    });

    it('finds a conversation by its id or the id’s first eight characters', async () => {
      const { workspace, refund } = await arrange();
      expect(await ids(workspace, searching(refund.id))).toEqual([refund.id]);
      expect(await ids(workspace, searching(refund.id.slice(0, 8).toUpperCase()))).toEqual([refund.id]);
    });

    it('treats operators and quotes typed into the search as plain text', async () => {
      const { workspace, refund } = await arrange();
      expect(await ids(workspace, searching("refund' | !(x) :* & <->"))).toEqual([]);
      expect(await ids(workspace, searching("'refund' &"))).toEqual([refund.id]);
    });

    it('narrows by priority, category, start date and whether anyone is assigned', async () => {
      const workspace = await buildWorkspace(store());
      const agent = await buildAgent(store(), workspace);
      const at = (day: number) => new Date(Date.UTC(2026, 2, day, 12));
      const early = await buildConversation(store(), workspace, { at: at(1) });
      const middle = await buildConversation(store(), workspace, { at: at(5) });
      const late = await buildConversation(store(), workspace, { at: at(9) });
      await store().conversations.applyChange(
        middle.id,
        'ai',
        { state: 'queued', teamKey: 'billing', priority: 3, category: 'refund' },
        [categorisedEvent('refund'), handedOverEvent('billing')],
      );
      await store().conversations.applyChange(
        late.id,
        'ai',
        { state: 'assigned', teamKey: 'billing', priority: 2, assigneeId: agent.id, category: 'delivery' },
        [handedOverEvent('billing'), assignedEvent(agent.id)],
      );
      expect(await ids(workspace, { priorities: [3] })).toEqual([middle.id]);
      expect(await ids(workspace, { priorities: [2, 3] })).toEqual([middle.id, late.id].sort());
      expect(await ids(workspace, { priorities: [] })).toEqual([]);
      expect(await ids(workspace, { categories: ['delivery'] })).toEqual([late.id]);
      expect(await ids(workspace, { categories: [] })).toEqual([]);
      expect(await ids(workspace, { startedFrom: at(5) })).toEqual([middle.id, late.id].sort());
      expect(await ids(workspace, { startedBefore: at(5) })).toEqual([early.id]);
      expect(await ids(workspace, { startedFrom: at(2), startedBefore: at(6) })).toEqual([middle.id]);
      expect(await ids(workspace, { unassigned: true })).toEqual([early.id, middle.id].sort());
      expect(await ids(workspace, { unassigned: true, states: ['queued'] })).toEqual([middle.id]);
      expect(await ids(workspace, { ...searching(late.id), assigneeId: agent.id })).toEqual([late.id]);
      expect(await ids(workspace, { ...searching(late.id), unassigned: true })).toEqual([]);
    });
  });
};
