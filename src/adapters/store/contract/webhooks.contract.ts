/**
 * Contract: outbound webhook deliveries are queued with their event (same transaction), leased to one
 * sender at a time, and every attempt is logged (issue 12).
 */
import { describe, expect, it } from 'vitest';
import type { Workspace } from '../../../core/model.ts';
import type { Store } from '../../../core/ports/store.ts';
import { agentResolvedEvent, handedOverEvent } from './example-events.ts';
import { buildConversation, buildWorkspace, type StoreProvider } from './factories.ts';

const sealed = { v: 1, iv: 'aXY=', tag: 'dGFn', data: 'ZGF0YQ==' };

const endpoint = (
  store: Store,
  workspace: Workspace,
  eventTypes: readonly string[],
  url = 'https://hooks.example.com/a',
) =>
  store.webhooks.createEndpoint({
    workspaceId: workspace.id,
    url,
    eventTypes,
    description: null,
    secret: sealed,
    createdBy: null,
  });

const claimAll = (store: Store, workspace: Workspace, owner: string, leaseMs = 60_000) =>
  store.webhooks.claim({ workspaceId: workspace.id, owner, limit: 50, leaseMs });

export const webhooksContract = (store: StoreProvider): void => {
  describe('webhook deliveries', () => {
    it('queues one delivery per enabled endpoint subscribed to the event, with the event as its body', async () => {
      const workspace = await buildWorkspace(store());
      const other = await buildWorkspace(store());
      const handoffs = await endpoint(store(), workspace, ['handed_over', 'resolved']);
      await endpoint(store(), workspace, ['resolved']);
      const disabled = await endpoint(store(), workspace, ['handed_over']);
      await store().webhooks.setEnabled(workspace.id, disabled.id, false);
      await endpoint(store(), other, ['handed_over']);
      const conversation = await buildConversation(store(), workspace);
      const event = await store().events.append(conversation.id, handedOverEvent('billing'));

      const deliveries = await store().webhooks.listDeliveries(workspace.id, { limit: 10 });
      expect(deliveries.map((d) => [d.endpointId, d.eventType, d.state, d.eventId])).toEqual([
        [handoffs.id, 'handed_over', 'queued', event.id],
      ]);
      const [claimed] = await claimAll(store(), workspace, 'one');
      expect(claimed?.url).toBe('https://hooks.example.com/a');
      expect(claimed?.secret).toEqual(sealed);
      expect(JSON.parse(claimed?.body ?? '{}')).toEqual({
        id: event.id,
        type: 'handed_over',
        workspaceId: workspace.id,
        conversationId: conversation.id,
        at: event.at.toISOString(),
        actor: event.actor,
        data: event.data,
      });
      expect(await store().webhooks.listDeliveries(other.id, { limit: 10 })).toHaveLength(0);
    });

    it('queues nothing for an event whose transaction rolled back', async () => {
      const workspace = await buildWorkspace(store());
      await endpoint(store(), workspace, ['handed_over']);
      const conversation = await buildConversation(store(), workspace);
      const attempt = store().transaction(async (tx) => {
        await tx.events.append(conversation.id, handedOverEvent('billing'));
        throw new Error('the change failed after its event');
      });
      await expect(attempt).rejects.toThrow('the change failed');
      expect(await store().webhooks.listDeliveries(workspace.id, { limit: 10 })).toHaveLength(0);
    });

    it('leases each delivery to one sender: concurrent claims never share one', async () => {
      const workspace = await buildWorkspace(store());
      await endpoint(store(), workspace, ['resolved']);
      for (let i = 0; i < 6; i += 1) {
        const conversation = await buildConversation(store(), workspace);
        await store().events.append(conversation.id, agentResolvedEvent(conversation.customerId));
      }
      const claims = await Promise.all(
        ['a', 'b', 'c'].map((owner) =>
          store().webhooks.claim({ workspaceId: workspace.id, owner, limit: 3, leaseMs: 60_000 }),
        ),
      );
      const ids = claims.flat().map((claimed) => claimed.id);
      expect(new Set(ids).size).toBe(ids.length);
      expect(ids.length).toBeLessThanOrEqual(6);
      const rest = await claimAll(store(), workspace, 'd');
      expect(ids.length + rest.length).toBe(6);
      expect(await claimAll(store(), workspace, 'e')).toHaveLength(0);
    });

    it('logs each attempt, waits out the back-off, and only the lease holder may finish an attempt', async () => {
      const workspace = await buildWorkspace(store());
      const hook = await endpoint(store(), workspace, ['webhook_test']);
      const queued = await store().webhooks.enqueue(workspace.id, hook.id, {
        eventType: 'webhook_test',
        body: '{}',
      });
      expect(queued?.state).toBe('queued');
      const [first] = await claimAll(store(), workspace, 'one');
      if (first === undefined) throw new Error('nothing claimed');
      const started = new Date();
      const stranger = {
        deliveryId: first.id,
        owner: 'two',
        attempt: 1,
        startedAt: started,
        statusCode: 500,
      };
      expect(
        await store().webhooks.finishAttempt({
          ...stranger,
          latencyMs: 5,
          error: 'HTTP 500',
          next: { state: 'failed' },
        }),
      ).toBe(false);
      expect(
        await store().webhooks.finishAttempt({
          ...stranger,
          owner: 'one',
          latencyMs: 12,
          error: 'HTTP 500',
          next: { state: 'queued', retryInMs: 60_000 },
        }),
      ).toBe(true);
      expect(await claimAll(store(), workspace, 'one')).toHaveLength(0);
      const waiting = await store().webhooks.getDelivery(workspace.id, first.id);
      expect(waiting?.state).toBe('queued');
      expect(waiting?.lastStatus).toBe(500);
      expect(waiting?.log).toHaveLength(1);
      expect(waiting?.log[0]?.statusCode).toBe(500);
      expect(waiting?.log[0]?.latencyMs).toBe(12);
      expect(waiting?.log[0]?.nextAttemptAt?.getTime()).toBeGreaterThan(Date.now() + 30_000);

      // "Retry now" makes it due at once; the next attempt counts up.
      expect((await store().webhooks.retryNow(workspace.id, first.id))?.state).toBe('queued');
      const [second] = await claimAll(store(), workspace, 'two');
      expect(second?.attempt).toBe(2);
      await store().webhooks.finishAttempt({
        deliveryId: first.id,
        owner: 'two',
        attempt: 2,
        startedAt: new Date(),
        statusCode: 204,
        latencyMs: 3,
        error: null,
        next: { state: 'delivered' },
      });
      const delivered = await store().webhooks.getDelivery(workspace.id, first.id);
      expect([
        delivered?.state,
        delivered?.attempts,
        delivered?.log.length,
        delivered?.nextAttemptAt,
      ]).toEqual(['delivered', 2, 2, null]);
      // A delivered one is not sent again.
      expect(await store().webhooks.retryNow(workspace.id, first.id)).toBeNull();
    });

    it('takes over a delivery whose sender’s lease expired', async () => {
      const workspace = await buildWorkspace(store());
      const hook = await endpoint(store(), workspace, ['webhook_test']);
      await store().webhooks.enqueue(workspace.id, hook.id, { eventType: 'webhook_test', body: '{}' });
      expect(await claimAll(store(), workspace, 'dead', 1)).toHaveLength(1);
      await new Promise((resolve) => setTimeout(resolve, 20));
      const [taken] = await claimAll(store(), workspace, 'alive');
      expect(taken?.attempt).toBe(2);
    });

    it('keeps endpoints per workspace: disable, delete (with deliveries), nothing across workspaces', async () => {
      const workspace = await buildWorkspace(store());
      const other = await buildWorkspace(store());
      const hook = await endpoint(store(), workspace, ['resolved']);
      expect(await store().webhooks.setEnabled(other.id, hook.id, false)).toBeNull();
      expect(await store().webhooks.deleteEndpoint(other.id, hook.id)).toBe(false);
      expect(
        await store().webhooks.enqueue(other.id, hook.id, { eventType: 'webhook_test', body: '{}' }),
      ).toBeNull();
      expect(await store().webhooks.setEnabled(workspace.id, 'not-a-uuid', false)).toBeNull();
      await store().webhooks.enqueue(workspace.id, hook.id, { eventType: 'webhook_test', body: '{}' });
      expect((await store().webhooks.setEnabled(workspace.id, hook.id, false))?.enabled).toBe(false);
      expect(await claimAll(store(), workspace, 'one')).toHaveLength(0);
      expect(await store().webhooks.deleteEndpoint(workspace.id, hook.id)).toBe(true);
      expect(await store().webhooks.listEndpoints(workspace.id)).toHaveLength(0);
      expect(await store().webhooks.listDeliveries(workspace.id, { limit: 10 })).toHaveLength(0);
    });

    it('prunes finished deliveries past their retention with their attempts, never open ones', async () => {
      const workspace = await buildWorkspace(store());
      const other = await buildWorkspace(store());
      const hook = await endpoint(store(), workspace, ['webhook_test']);
      const otherHook = await endpoint(store(), other, ['webhook_test']);
      const test = { eventType: 'webhook_test', body: '{}' };
      const finish = async (owner: string, state: 'delivered' | 'failed', of = workspace) => {
        for (const delivery of await claimAll(store(), of, owner))
          await store().webhooks.finishAttempt({
            deliveryId: delivery.id,
            owner,
            attempt: delivery.attempt,
            startedAt: new Date(),
            statusCode: state === 'delivered' ? 204 : 500,
            latencyMs: 4,
            error: state === 'delivered' ? null : 'HTTP 500',
            next: { state },
          });
      };
      const delivered = await store().webhooks.enqueue(workspace.id, hook.id, test);
      await finish('one', 'delivered');
      const failed = await store().webhooks.enqueue(workspace.id, hook.id, test);
      await finish('one', 'failed');
      await store().webhooks.enqueue(other.id, otherHook.id, test);
      await finish('one', 'delivered', other);
      await new Promise((resolve) => setTimeout(resolve, 30));
      const cut = new Date();
      await new Promise((resolve) => setTimeout(resolve, 30));
      const recent = await store().webhooks.enqueue(workspace.id, hook.id, test);
      await finish('one', 'delivered');
      const open = await store().webhooks.enqueue(workspace.id, hook.id, test);

      expect(await store().webhooks.pruneFinished(workspace.id, cut, 10)).toBe(2);
      expect(await store().webhooks.pruneFinished(workspace.id, cut, 10)).toBe(0);
      expect(await store().webhooks.getDelivery(workspace.id, delivered?.id ?? '')).toBeNull();
      expect(await store().webhooks.getDelivery(workspace.id, failed?.id ?? '')).toBeNull();
      const left = await store().webhooks.listDeliveries(workspace.id, { limit: 10 });
      expect(left.map((d) => [d.id, d.state])).toEqual([
        [open?.id, 'queued'],
        [recent?.id, 'delivered'],
      ]);
      expect((await store().webhooks.listDeliveries(other.id, { limit: 10 })).map((d) => d.state)).toEqual([
        'delivered',
      ]);
    });
  });
};
