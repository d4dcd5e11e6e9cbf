/** Contract: every written event marks its conversation's facts stale; a refresher takes the marks. */
import { describe, expect, it } from 'vitest';
import { deriveConversationFacts } from '../../../core/metrics/index.ts';
import { aiResolvedEvent, categorisedEvent, handedOverEvent } from './example-events.ts';
import { buildConversation, buildCustomer, buildWorkspace, type StoreProvider } from './factories.ts';

export const factsMarksContract = (store: StoreProvider): void => {
  describe('conversation facts marks', () => {
    it('marks a conversation when any of its events is written, and hands out its customer once', async () => {
      const workspace = await buildWorkspace(store());
      const customer = await buildCustomer(store(), workspace);
      await buildConversation(store(), workspace, { customer });
      await buildConversation(store(), workspace, { customer });
      const other = await buildConversation(store(), workspace);
      expect(await store().metrics.staleCount(workspace.id)).toBe(3);
      const taken = await store().metrics.takeStale(workspace.id, 10);
      expect([...taken].sort()).toEqual([customer.id, other.customerId].sort());
      expect(await store().metrics.staleCount(workspace.id)).toBe(0);
      expect(await store().metrics.takeStale(workspace.id, 10)).toEqual([]);
      await store().events.append(other.id, categorisedEvent('refund'));
      expect(await store().metrics.takeStale(workspace.id, 10)).toEqual([other.customerId]);
    });

    it('counts what waits: handed-over conversations and stale facts, per workspace', async () => {
      const workspace = await buildWorkspace(store());
      const queued = await buildConversation(store(), workspace);
      await buildConversation(store(), workspace);
      await store().conversations.applyChange(
        queued.id,
        'ai',
        { state: 'queued', teamKey: 'billing' },
        handedOverEvent(),
      );
      expect(await store().metrics.queueDepths(workspace.id)).toEqual({
        aiTurnsQueued: 0,
        aiTurnsRunning: 0,
        handoffsWaiting: 1,
        factsStale: 2,
      });
      const other = await buildWorkspace(store());
      expect((await store().metrics.queueDepths(other.id)).handoffsWaiting).toBe(0);
    });

    it('keeps the marks when the refresh that took them rolls back', async () => {
      const workspace = await buildWorkspace(store());
      await buildConversation(store(), workspace);
      const failed = store().transaction(async (tx) => {
        expect(await tx.metrics.takeStale(workspace.id, 10)).toHaveLength(1);
        throw new Error('the refresh failed');
      });
      await expect(failed).rejects.toThrow('the refresh failed');
      expect(await store().metrics.staleCount(workspace.id)).toBe(1);
    });

    it('marks nothing for an event that was refused', async () => {
      const workspace = await buildWorkspace(store());
      const conversation = await buildConversation(store(), workspace);
      await store().metrics.takeStale(workspace.id, 10);
      const refused = store().events.append(conversation.id, { type: 'resolved', actor: { kind: 'system' } });
      await expect(refused).rejects.toThrow(/does not match its schema/);
      expect(await store().metrics.staleCount(workspace.id)).toBe(0);
    });

    it('reads every event of the customers’ conversations, each conversation in order', async () => {
      const workspace = await buildWorkspace(store());
      const customer = await buildCustomer(store(), workspace);
      const first = await buildConversation(store(), workspace, { customer });
      await store().messages.append(
        { conversationId: first.id, author: 'customer', authorId: customer.id, body: 'Where is my parcel?' },
        { kind: 'customer', id: customer.id },
      );
      await store().conversations.applyChange(
        first.id,
        'ai',
        { state: 'resolved', resolution: 'ai' },
        aiResolvedEvent(),
      );
      const second = await buildConversation(store(), workspace, { customer });
      await buildConversation(store(), workspace);
      const events = await store().metrics.eventsOfCustomers(workspace.id, [customer.id]);
      const ofFirst = events.filter((event) => event.conversationId === first.id).map((event) => event.type);
      expect(ofFirst).toEqual(['conversation_started', 'message_added', 'resolved']);
      expect(events.filter((event) => event.conversationId === second.id)).toHaveLength(1);
      const facts = deriveConversationFacts(events);
      const resolutions = new Map(facts.map((row) => [row.conversationId, row.resolution]));
      expect(resolutions).toEqual(
        new Map([
          [first.id, 'ai'],
          [second.id, null],
        ]),
      );
      await store().metrics.saveFacts(workspace.id, facts);
      expect(await store().metrics.eventsOfCustomers(workspace.id, [])).toEqual([]);
    });
  });
};
