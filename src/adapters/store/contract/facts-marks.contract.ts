/** Contract: every written event marks its conversation's facts stale; a refresher takes the marks. */
import { describe, expect, it } from 'vitest';
import { deriveConversationFacts } from '../../../core/metrics/index.ts';
import { aiResolvedEvent, categorisedEvent, handedOverEvent } from './example-events.ts';
import { buildConversation, buildCustomer, buildWorkspace, type StoreProvider } from './factories.ts';

export const factsMarksContract = (store: StoreProvider): void => {
  describe('conversation facts marks', () => {
    const LEASE = 60_000;
    const takeCustomers = async (workspaceId: string, leaseMs = LEASE) =>
      [...(await store().metrics.takeStale(workspaceId, 10, leaseMs)).customerIds].sort();

    it('marks a conversation when any of its events is written, and hands out its customer once', async () => {
      const workspace = await buildWorkspace(store());
      const customer = await buildCustomer(store(), workspace);
      await buildConversation(store(), workspace, { customer });
      await buildConversation(store(), workspace, { customer });
      const other = await buildConversation(store(), workspace);
      expect(await store().metrics.staleCount(workspace.id)).toBe(3);
      const take = await store().metrics.takeStale(workspace.id, 10, LEASE);
      expect([...take.customerIds].sort()).toEqual([customer.id, other.customerId].sort());
      expect(take.conversationIds).toHaveLength(3);
      // Taken marks still count as waiting until the facts are saved, but nobody else takes them.
      expect(await store().metrics.staleCount(workspace.id)).toBe(3);
      expect(await takeCustomers(workspace.id)).toEqual([]);
      await store().metrics.clearStale(take);
      expect(await store().metrics.staleCount(workspace.id)).toBe(0);
      await store().events.append(other.id, categorisedEvent('refund'));
      expect(await takeCustomers(workspace.id)).toEqual([other.customerId]);
    });

    it('marks every conversation with facts again on request, once, beside a mark a refresher took', async () => {
      const workspace = await buildWorkspace(store());
      const customer = await buildCustomer(store(), workspace);
      await buildConversation(store(), workspace, { customer });
      await buildConversation(store(), workspace, { customer });
      const elsewhere = await buildWorkspace(store());
      await buildConversation(store(), elsewhere);
      const take = await store().metrics.takeStale(workspace.id, 10, LEASE);
      await store().transaction(async (tx) => {
        const events = await tx.metrics.eventsOfCustomers(workspace.id, take.customerIds);
        await tx.metrics.saveFacts(workspace.id, deriveConversationFacts(events));
        await tx.metrics.clearStale(take);
      });
      expect(await store().metrics.staleCount(workspace.id)).toBe(0);
      expect(await store().metrics.markAllStale(workspace.id)).toBe(2);
      expect(await store().metrics.staleCount(workspace.id)).toBe(2);
      expect(await store().metrics.markAllStale(workspace.id)).toBe(0);
      // Another workspace keeps only the mark its own event left.
      expect(await store().metrics.staleCount(elsewhere.id)).toBe(1);
      // A refresh under way may have read the events already: a fresh mark goes beside its taken one.
      const taken = await store().metrics.takeStale(workspace.id, 10, LEASE);
      expect(taken.conversationIds).toHaveLength(2);
      expect(await store().metrics.markAllStale(workspace.id)).toBe(2);
      await store().metrics.clearStale(taken);
      expect(await takeCustomers(workspace.id)).toEqual([customer.id]);
    });

    it('keeps an event written after the take for the next refresh', async () => {
      const workspace = await buildWorkspace(store());
      const conversation = await buildConversation(store(), workspace);
      const take = await store().metrics.takeStale(workspace.id, 10, LEASE);
      expect(take.customerIds).toEqual([conversation.customerId]);
      // Written while the refresh derives the facts: it may not have read this event.
      await store().events.append(conversation.id, categorisedEvent('refund'));
      await store().events.append(conversation.id, categorisedEvent('shipping'));
      await store().transaction((tx) => tx.metrics.clearStale(take));
      expect(await store().metrics.staleCount(workspace.id)).toBe(1);
      expect(await takeCustomers(workspace.id)).toEqual([conversation.customerId]);
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

    it('keeps the marks when the refresh that took them rolls back, and hands them back', async () => {
      const workspace = await buildWorkspace(store());
      const conversation = await buildConversation(store(), workspace);
      const take = await store().metrics.takeStale(workspace.id, 10, LEASE);
      const failed = store().transaction(async (tx) => {
        await tx.metrics.clearStale(take);
        throw new Error('the refresh failed');
      });
      await expect(failed).rejects.toThrow('the refresh failed');
      expect(await store().metrics.staleCount(workspace.id)).toBe(1);
      await store().metrics.releaseStale(take);
      expect(await takeCustomers(workspace.id)).toEqual([conversation.customerId]);
    });

    it('hands back one mark per conversation when the conversation was marked again meanwhile', async () => {
      const workspace = await buildWorkspace(store());
      const conversation = await buildConversation(store(), workspace);
      const take = await store().metrics.takeStale(workspace.id, 10, LEASE);
      await store().events.append(conversation.id, categorisedEvent('refund'));
      await store().metrics.releaseStale(take);
      expect(await store().metrics.staleCount(workspace.id)).toBe(1);
      const again = await store().metrics.takeStale(workspace.id, 10, LEASE);
      expect(again.conversationIds).toEqual([conversation.id]);
      await store().metrics.clearStale(again);
      expect(await store().metrics.staleCount(workspace.id)).toBe(0);
    });

    it('lets another refresher take marks whose lease lapsed (their refresher died)', async () => {
      const workspace = await buildWorkspace(store());
      const conversation = await buildConversation(store(), workspace);
      const dead = await store().metrics.takeStale(workspace.id, 10, LEASE);
      expect(dead.customerIds).toEqual([conversation.customerId]);
      expect(await takeCustomers(workspace.id, LEASE)).toEqual([]);
      await new Promise((resolve) => setTimeout(resolve, 5));
      const next = await store().metrics.takeStale(workspace.id, 10, 1);
      expect(next.customerIds).toEqual([conversation.customerId]);
      // The dead refresher's late clear removes nothing that is no longer its own.
      await store().metrics.clearStale(dead);
      expect(await store().metrics.staleCount(workspace.id)).toBe(1);
      await store().metrics.clearStale(next);
      expect(await store().metrics.staleCount(workspace.id)).toBe(0);
    });

    it('marks nothing for an event that was refused', async () => {
      const workspace = await buildWorkspace(store());
      const conversation = await buildConversation(store(), workspace);
      await store().metrics.clearStale(await store().metrics.takeStale(workspace.id, 10, LEASE));
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

    it('reads each conversation’s span of events', async () => {
      const workspace = await buildWorkspace(store());
      const customer = await buildCustomer(store(), workspace);
      const day = (d: number) => new Date(Date.UTC(2026, 3, d, 9));
      const first = await buildConversation(store(), workspace, { customer, at: day(1) });
      await store().messages.append(
        {
          conversationId: first.id,
          author: 'customer',
          authorId: customer.id,
          body: 'Hello?',
          createdAt: day(2),
        },
        { kind: 'customer', id: customer.id },
      );
      await store().events.append(first.id, { ...categorisedEvent('refund'), at: day(5) });
      const second = await buildConversation(store(), workspace, { customer, at: day(9) });
      const spans = await store().metrics.conversationSpans(workspace.id, [customer.id]);
      expect([...spans].sort((a, b) => a.firstAt.getTime() - b.firstAt.getTime())).toEqual([
        { conversationId: first.id, customerId: customer.id, firstAt: day(1), lastAt: day(5) },
        { conversationId: second.id, customerId: customer.id, firstAt: day(9), lastAt: day(9) },
      ]);
      expect(await store().metrics.conversationSpans(workspace.id, [])).toEqual([]);
    });
  });
};
