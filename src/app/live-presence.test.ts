/** Collision detection through the live feed: staff who may see a conversation hear who is in it; customers never do. */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestStore } from '../adapters/store/testing.ts';
import type { LiveUpdate } from '../api/schemas.ts';
import type { Store } from '../core/ports/store.ts';
import { conversationTopic, createInProcessLiveBus, workspaceTopic } from './live-bus.ts';
import { createLiveFeed } from './live-feed.ts';

let store: Store;
beforeAll(async () => {
  store = await openTestStore('pglite');
});
afterAll(async () => store?.close());

const settle = async (received: readonly unknown[], count: number) => {
  const deadline = Date.now() + 3000;
  while (received.length < count && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
  await new Promise((r) => setTimeout(r, 50));
};

describe('presence in the live feed', () => {
  it('reaches staff who may see the conversation’s team, never the customer or other teams', async () => {
    const workspaceId = randomUUID();
    const conversationId = randomUUID();
    const live = createInProcessLiveBus();
    const feed = createLiveFeed({ store, live, reportError: () => {} });
    const customer: LiveUpdate[] = [];
    const billing: LiveUpdate[] = [];
    const shipping: LiveUpdate[] = [];
    feed.subscribe(conversationTopic(conversationId), (u) => customer.push(u));
    feed.subscribe(
      workspaceTopic(workspaceId),
      (u) => billing.push(u),
      (c) => c.teamKey === 'billing',
    );
    feed.subscribe(
      workspaceTopic(workspaceId),
      (u) => shipping.push(u),
      (c) => c.teamKey === 'shipping',
    );
    live.publish({
      workspaceId,
      conversationId,
      messageIds: [],
      conversationChanged: false,
      typing: null,
      presence: { agentId: 'leo', agentName: 'Leo', activity: 'typing', teamKey: 'billing' },
    });
    await settle(billing, 1);
    expect(billing).toEqual([
      { type: 'presence', conversationId, agentId: 'leo', agentName: 'Leo', activity: 'typing' },
    ]);
    expect(shipping).toEqual([]);
    expect(customer).toEqual([]);
    feed.close();
  });
});
