/**
 * The quiet-conversation sweep uses the workspace's assumed-resolution window (the `metrics`
 * setting), not a fixed day: with a 2-hour window an answered chat is the AI's after 2 hours.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { request } from '../../test/support/http.ts';
import { startTestBaton, type TestBaton } from '../../test/support/test-baton.ts';
import { METRICS_SETTINGS_KEY } from '../core/metrics/index.ts';
import { resolveQuietConversations } from './assumed-resolutions.ts';

const HOUR_MS = 3600_000;
let baton: TestBaton;
beforeAll(async () => {
  baton = await startTestBaton();
});
afterAll(async () => baton?.close());

const sweepAfter = (hours: number) =>
  resolveQuietConversations({ ...baton.baton.app, now: () => new Date(Date.now() + hours * HOUR_MS) });

describe('resolveQuietConversations', () => {
  it('resolves an answered conversation once the workspace window has passed, not before', async () => {
    await baton.store.settings.publish({
      workspaceId: baton.baton.app.workspace.id,
      key: METRICS_SETTINGS_KEY,
      value: { assumedResolutionHours: 2 },
      author: 'system',
    });
    const started = await request(baton.url, 'POST', '/api/widget/conversations', {
      body: { name: 'Quiet' },
    });
    const id = (started.body.conversation as { id: string }).id;
    const sent = await request(baton.url, 'POST', `/api/widget/conversations/${id}/messages`, {
      token: String(started.body.token),
      body: { text: 'How long does standard shipping take?' },
    });
    expect(sent.status).toBe(201);
    await baton.baton.app.aiTurns.idle();
    expect(await sweepAfter(1.5)).toBe(0);
    expect(await sweepAfter(2.5)).toBe(1);
    expect((await baton.store.conversations.getById(id))?.resolution).toBe('ai');
  });

  it('finds the quiet ones however many newer conversations the AI holds', async () => {
    const store = baton.store;
    const workspaceId = baton.baton.app.workspace.id;
    const start = async (at: Date) => {
      const customer = await store.customers.create({ workspaceId, name: 'Visitor' });
      const conversation = await store.conversations.create(
        { workspaceId, customerId: customer.id },
        {
          type: 'conversation_started',
          actor: { kind: 'customer', id: customer.id },
          data: { channel: 'widget' },
          at,
        },
      );
      return { conversation, customer };
    };
    // Three customers who got an answer three days ago and never came back…
    const quiet = [];
    for (const daysAgo of [3, 3.5, 4]) {
      const at = new Date(Date.now() - daysAgo * 24 * HOUR_MS);
      const { conversation, customer } = await start(at);
      await store.messages.append(
        { conversationId: conversation.id, author: 'customer', body: 'Do you ship abroad?', createdAt: at },
        { kind: 'customer', id: customer.id },
      );
      await store.messages.append(
        {
          conversationId: conversation.id,
          author: 'ai',
          body: 'We ship to 30 countries.',
          createdAt: new Date(at.getTime() + 1000),
        },
        { kind: 'ai' },
      );
      quiet.push(conversation.id);
    }
    // …behind more than a thousand newer chats the AI still holds (visitors who opened the chat
    // today): the sweep once read only the 1,000 most recent and never reached the quiet ones.
    await store.transaction(async (tx) => {
      for (let i = 0; i < 1010; i += 1) {
        const customer = await tx.customers.create({ workspaceId, name: `Visitor ${i}` });
        await tx.conversations.create(
          { workspaceId, customerId: customer.id },
          {
            type: 'conversation_started',
            actor: { kind: 'customer', id: customer.id },
            data: { channel: 'widget' },
          },
        );
      }
    });
    expect(await sweepAfter(0)).toBe(3);
    for (const id of quiet) expect((await store.conversations.getById(id))?.resolution).toBe('ai');
    expect(await sweepAfter(0)).toBe(0);
  });
});
