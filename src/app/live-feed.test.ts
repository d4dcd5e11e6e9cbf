/** The live feed turns signals of ids into what sockets receive, reading a change once (one statement) and only when someone listens. */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestStore } from '../adapters/store/testing.ts';
import type { LiveUpdate } from '../api/schemas.ts';
import type { Conversation, Workspace } from '../core/model.ts';
import type { Store } from '../core/ports/store.ts';
import { conversationTopic, createInProcessLiveBus, workspaceTopic } from './live-bus.ts';
import { createLiveFeed } from './live-feed.ts';

let store: Store;
let workspace: Workspace;
beforeAll(async () => {
  store = await openTestStore('pglite');
  workspace = await store.workspaces.create({ slug: `feed-${randomUUID()}`, name: 'Acme' });
});
afterAll(async () => store?.close());

/** The store with every read of a conversation, its messages, customer or agents counted. */
const counted = () => {
  const reads = { count: 0 };
  const count =
    <A extends unknown[], R>(read: (...args: A) => R) =>
    (...args: A): R => {
      reads.count += 1;
      return read(...args);
    };
  const { conversations, messages, customers, agents } = store;
  const view: Store = {
    ...store,
    conversations: {
      ...conversations,
      getById: count(conversations.getById),
      getLiveView: count(conversations.getLiveView),
    },
    messages: { ...messages, list: count(messages.list) },
    customers: { ...customers, getById: count(customers.getById) },
    agents: { ...agents, getById: count(agents.getById) },
  };
  return { view, reads };
};

const conversationWithMessages = async (): Promise<{ conversation: Conversation; ids: string[] }> => {
  const customer = await store.customers.create({ workspaceId: workspace.id, name: 'Dana' });
  const conversation = await store.conversations.create(
    { workspaceId: workspace.id, customerId: customer.id },
    {
      type: 'conversation_started',
      actor: { kind: 'customer', id: customer.id },
      data: { channel: 'widget' },
    },
  );
  const actor = { kind: 'customer', id: customer.id } as const;
  const question = await store.messages.append(
    { conversationId: conversation.id, author: 'customer', body: 'Where is my parcel?' },
    actor,
  );
  const note = await store.messages.append(
    { conversationId: conversation.id, author: 'agent', kind: 'note', body: 'Courier is late today' },
    { kind: 'system' },
  );
  return { conversation, ids: [question.message.id, note.message.id] };
};

const settle = async (received: readonly unknown[], count: number) => {
  const deadline = Date.now() + 3000;
  while (received.length < count && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
  await new Promise((r) => setTimeout(r, 50));
};

describe('live feed', () => {
  it('shows the customer their messages and the state, and agents every message including notes and the summary', async () => {
    const live = createInProcessLiveBus();
    const feed = createLiveFeed({ store, live, reportError: () => {} });
    const { conversation, ids } = await conversationWithMessages();
    const customer: LiveUpdate[] = [];
    const inbox: LiveUpdate[] = [];
    feed.subscribe(conversationTopic(conversation.id), (u) => customer.push(u));
    feed.subscribe(workspaceTopic(workspace.id), (u) => inbox.push(u));
    for (const id of ids) {
      live.publish({
        workspaceId: workspace.id,
        conversationId: conversation.id,
        messageIds: [id],
        conversationChanged: false,
        typing: null,
      });
    }
    live.publish({
      workspaceId: workspace.id,
      conversationId: conversation.id,
      messageIds: [],
      conversationChanged: true,
      typing: null,
    });
    await settle(inbox, 3);
    expect(customer.map((u) => (u.type === 'message' ? u.message.body : u.type))).toEqual([
      'Where is my parcel?',
      'conversation_state',
    ]);
    expect(inbox.map((u) => (u.type === 'message' ? u.message.body : u.type))).toEqual([
      'Where is my parcel?',
      'Courier is late today',
      'conversation',
    ]);
    const summary = inbox.find((u) => u.type === 'conversation');
    expect(summary?.type === 'conversation' && summary.conversation.lastMessagePreview).toBe(
      'Where is my parcel?',
    );
    feed.close();
  });

  it('shapes a change its writer handed over without reading, and the same as a read would', async () => {
    const { conversation } = await conversationWithMessages();
    const customer = await store.customers.getById(conversation.customerId);
    const { message: answer } = await store.messages.append(
      { conversationId: conversation.id, author: 'ai', body: 'It left the warehouse this morning.' },
      { kind: 'ai' },
    );
    const change = {
      workspaceId: workspace.id,
      conversationId: conversation.id,
      messageIds: [answer.id],
      conversationChanged: true,
      typing: null,
    };
    const shown = async (written: boolean) => {
      const live = createInProcessLiveBus();
      const { view, reads } = counted();
      const feed = createLiveFeed({ store: view, live, reportError: () => {} });
      const received: LiveUpdate[] = [];
      feed.subscribe(conversationTopic(conversation.id), (u) => received.push(u));
      feed.subscribe(workspaceTopic(workspace.id), (u) => received.push(u));
      const current = await store.conversations.getById(conversation.id);
      if (!current) throw new Error('the conversation is gone');
      const handed = { conversation: current, customer, assigneeName: null };
      const messages = [{ message: answer, authorName: null }];
      live.publish(written ? { ...change, written: { ...handed, messages } } : change);
      await settle(received, 4);
      feed.close();
      return { received, reads: reads.count };
    };
    const [handedOver, read] = [await shown(true), await shown(false)];
    expect(handedOver.reads).toBe(0);
    expect(read.reads).toBe(1);
    expect(handedOver.received).toEqual(read.received);
    expect(handedOver.received.map((u) => u.type)).toEqual([
      'message',
      'conversation_state',
      'message',
      'conversation',
    ]);
  });

  it('tells the customer the state and person only when they change, and nothing of the inbox row', async () => {
    const live = createInProcessLiveBus();
    const feed = createLiveFeed({ store, live, reportError: () => {} });
    const { conversation } = await conversationWithMessages();
    const categorised = { type: 'categorised', actor: { kind: 'ai' }, data: { category: 'fraud' } } as const;
    await store.conversations.applyChange(
      conversation.id,
      'ai',
      { category: 'fraud', priority: 3 },
      categorised,
    );
    const customer: LiveUpdate[] = [];
    const stop = feed.subscribe(conversationTopic(conversation.id), (u) => customer.push(u));
    const changed = {
      workspaceId: workspace.id,
      conversationId: conversation.id,
      messageIds: [],
      conversationChanged: true,
      typing: null,
    };
    // New messages change the inbox row (preview, last message) but not what the chat shows.
    live.publish(changed);
    await settle(customer, 1);
    live.publish(changed);
    await settle(customer, 2);
    expect(customer).toEqual([
      { type: 'conversation_state', conversationId: conversation.id, state: 'ai', assigneeName: null },
    ]);
    const resolved = {
      type: 'resolved',
      actor: { kind: 'system' },
      data: { by: 'ai_assumed', resolution: 'ai', teamKey: null },
    } as const;
    await store.conversations.applyChange(
      conversation.id,
      'ai',
      { state: 'resolved', resolution: 'ai' },
      resolved,
    );
    live.publish(changed);
    await settle(customer, 2);
    expect(customer.map((u) => (u.type === 'conversation_state' ? u.state : u.type))).toEqual([
      'ai',
      'resolved',
    ]);
    expect(JSON.stringify(customer)).not.toMatch(/fraud|priority|teamKey|category|customerName/);
    // A chat that connects again is told the state again: it may have missed a change meanwhile.
    stop();
    feed.subscribe(conversationTopic(conversation.id), (u) => customer.push(u));
    live.publish(changed);
    await settle(customer, 3);
    expect(customer).toHaveLength(3);
    feed.close();
  });

  it('reads when what was handed over does not cover every announced message', async () => {
    const live = createInProcessLiveBus();
    const { view, reads } = counted();
    const feed = createLiveFeed({ store: view, live, reportError: () => {} });
    const { conversation, ids } = await conversationWithMessages();
    const received: LiveUpdate[] = [];
    feed.subscribe(conversationTopic(conversation.id), (u) => received.push(u));
    const customer = await store.customers.getById(conversation.customerId);
    live.publish({
      workspaceId: workspace.id,
      conversationId: conversation.id,
      messageIds: ids,
      conversationChanged: false,
      typing: null,
      written: { conversation, customer, assigneeName: null, messages: [] },
    });
    await settle(received, 1);
    expect(reads.count).toBe(1);
    expect(received.map((u) => (u.type === 'message' ? u.message.body : u.type))).toEqual([
      'Where is my parcel?',
    ]);
    feed.close();
  });

  it('reads a change once for all its watchers, and not at all when nobody here watches', async () => {
    const live = createInProcessLiveBus();
    const { view, reads } = counted();
    const feed = createLiveFeed({ store: view, live, reportError: () => {} });
    const { conversation, ids } = await conversationWithMessages();
    const change = {
      workspaceId: workspace.id,
      conversationId: conversation.id,
      messageIds: ids,
      conversationChanged: true,
      typing: null,
    };
    live.publish(change);
    await new Promise((r) => setTimeout(r, 100));
    expect(reads.count).toBe(0);

    const received: LiveUpdate[] = [];
    for (let socket = 0; socket < 3; socket += 1) {
      feed.subscribe(workspaceTopic(workspace.id), (u) => received.push(u));
      feed.subscribe(conversationTopic(conversation.id), (u) => received.push(u));
    }
    live.publish(change);
    await settle(received, 3 * 3 + 3 * 2);
    expect(received).toHaveLength(3 * 3 + 3 * 2);
    // One statement for the conversation, its customer, assignee and messages (issue 9).
    expect(reads.count).toBe(1);
    feed.close();
  });

  it('passes typing on to the conversation without reading anything', async () => {
    const live = createInProcessLiveBus();
    const { view, reads } = counted();
    const feed = createLiveFeed({ store: view, live, reportError: () => {} });
    const received: LiveUpdate[] = [];
    const conversationId = randomUUID();
    feed.subscribe(conversationTopic(conversationId), (u) => received.push(u));
    live.publish({
      workspaceId: workspace.id,
      conversationId,
      messageIds: [],
      conversationChanged: false,
      typing: 'ai',
    });
    await settle(received, 1);
    expect(received).toEqual([{ type: 'typing', conversationId, author: 'ai' }]);
    expect(reads.count).toBe(0);
    feed.close();
  });

  it('tells watchers to reload when it cannot read the change', async () => {
    const live = createInProcessLiveBus();
    const failing: Store = {
      ...store,
      conversations: {
        ...store.conversations,
        getLiveView: () => Promise.reject(new Error('connection lost')),
      },
    };
    const errors: unknown[] = [];
    const feed = createLiveFeed({ store: failing, live, reportError: (error) => errors.push(error) });
    const conversationId = randomUUID();
    const received: LiveUpdate[] = [];
    feed.subscribe(conversationTopic(conversationId), (u) => received.push(u));
    live.publish({
      workspaceId: workspace.id,
      conversationId,
      messageIds: [],
      conversationChanged: true,
      typing: null,
    });
    await settle(received, 1);
    expect(received).toEqual([{ type: 'resync', conversationId }]);
    expect(errors).toHaveLength(1);
    feed.close();
  });
});
