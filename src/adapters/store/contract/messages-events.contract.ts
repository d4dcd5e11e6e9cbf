/** Contract: messages (atomic with their event, idempotent on retry) and the append-only event log. */
import { describe, expect, it } from 'vitest';
import { validateEvent } from '../../../core/events/index.ts';
import type { Actor } from '../../../core/model.ts';
import { aiResolvedEvent, categorisedEvent, handedOverEvent } from './example-events.ts';
import {
  buildConversation,
  buildCustomer,
  buildWorkspace,
  rejectionCode,
  type StoreProvider,
  systemActor,
} from './factories.ts';

const missingId = '00000000-0000-4000-8000-000000000002';

export const messagesEventsContract = (store: StoreProvider): void => {
  describe('messages', () => {
    it("reads each conversation's latest message that is not a note, its customer and its events, in one read each", async () => {
      const workspace = await buildWorkspace(store());
      const customer = await buildCustomer(store(), workspace);
      const talked = await buildConversation(store(), workspace, { customer });
      const silent = await buildConversation(store(), workspace);
      const say = (
        body: string,
        kind: 'message' | 'note' = 'message',
        author: 'customer' | 'agent' = 'customer',
      ) => store().messages.append({ conversationId: talked.id, author, kind, body }, systemActor);
      await say('first');
      const latest = (await say('we are on it', 'message', 'agent')).message;
      await say('only for agents', 'note', 'agent');
      const last = await store().messages.lastVisibleOf([talked.id, silent.id, talked.id, 'not-an-id']);
      expect([...last.keys()]).toEqual([talked.id]);
      expect(last.get(talked.id)).toEqual(latest);
      expect((await store().messages.lastVisibleOf([])).size).toBe(0);
      const customers = await store().customers.getByIds([customer.id, customer.id, missingId, 'nonsense']);
      expect([...customers.values()]).toEqual([customer]);
      const events = await store().events.listOf([silent.id, talked.id, talked.id, missingId, 'nonsense']);
      expect(events.get(talked.id)).toEqual(await store().events.list(talked.id));
      expect(events.get(silent.id)).toEqual(await store().events.list(silent.id));
      expect(events.get(talked.id)?.length).toBeGreaterThan(3);
      expect([...events.keys()].sort()).toEqual([silent.id, talked.id].sort());
      expect((await store().events.listOf([])).size).toBe(0);
      const first = (await store().messages.list(talked.id))[0];
      if (first === undefined) throw new Error('no message');
      const byId = await store().messages.getByIds([latest.id, missingId, first.id, 'nonsense', latest.id]);
      expect(byId.size).toBe(2);
      expect(byId.get(first.id)).toEqual(first);
      expect(byId.get(latest.id)).toEqual(latest);
      expect((await store().messages.getByIds([])).size).toBe(0);
      // More ids than a list of placeholders could hold (65,535): one array parameter per slice.
      const many = Array.from(
        { length: 70_000 },
        (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
      );
      expect([...(await store().events.listOf([...many, silent.id])).keys()]).toEqual([silent.id]);
      expect([...(await store().customers.getByIds([...many, customer.id])).keys()]).toEqual([customer.id]);
      expect([...(await store().messages.getByIds([...many, latest.id])).keys()]).toEqual([latest.id]);
    });

    it('stores a message together with its message_added event and moves lastMessageAt', async () => {
      const workspace = await buildWorkspace(store());
      const customer = await buildCustomer(store(), workspace);
      const conversation = await buildConversation(store(), workspace, { customer });
      const actor: Actor = { kind: 'customer', id: customer.id };
      const { message, created } = await store().messages.append(
        {
          conversationId: conversation.id,
          author: 'customer',
          authorId: customer.id,
          body: 'Where is order 1182?',
        },
        actor,
      );
      expect(created).toBe(true);
      expect(message).toMatchObject({
        conversationId: conversation.id,
        author: 'customer',
        authorId: customer.id,
        kind: 'message',
        body: 'Where is order 1182?',
        citations: [],
        idempotencyKey: null,
      });
      expect(await store().messages.list(conversation.id)).toEqual([message]);
      const event = (await store().events.list(conversation.id)).at(-1);
      expect(event).toMatchObject({
        type: 'message_added',
        actor,
        data: { messageId: message.id, kind: 'message' },
      });
      expect(event?.at).toEqual(message.createdAt);
      expect((await store().conversations.getById(conversation.id))?.lastMessageAt).toEqual(
        message.createdAt,
      );
    });

    it('keeps citations and a recorded send time', async () => {
      const workspace = await buildWorkspace(store());
      const conversation = await buildConversation(store(), workspace);
      const citations = [{ articleId: missingId, slug: 'refund-window', title: 'Our refund window' }];
      const createdAt = new Date('2026-02-03T04:05:06.789Z');
      const { message } = await store().messages.append(
        { conversationId: conversation.id, author: 'ai', body: 'You have 30 days.', citations, createdAt },
        { kind: 'ai' },
      );
      expect(message.citations).toEqual(citations);
      expect(message.createdAt).toEqual(createdAt);
      expect((await store().events.list(conversation.id)).at(-1)?.at).toEqual(createdAt);
    });

    it('returns the first message for a retried send and stores nothing new', async () => {
      const workspace = await buildWorkspace(store());
      const conversation = await buildConversation(store(), workspace);
      const send = (body: string) =>
        store().messages.append(
          { conversationId: conversation.id, author: 'agent', body, idempotencyKey: 'send-1' },
          systemActor,
        );
      const first = await send('Hello');
      const retry = await send('Hello (retried)');
      expect(first.created).toBe(true);
      expect(retry).toEqual({ created: false, message: first.message });
      expect(await store().messages.list(conversation.id)).toHaveLength(1);
      const added = (await store().events.list(conversation.id)).filter(
        (event) => event.type === 'message_added',
      );
      expect(added).toHaveLength(1);
    });

    it('stores one message when the same send arrives several times at once', async () => {
      const workspace = await buildWorkspace(store());
      const conversation = await buildConversation(store(), workspace);
      const results = await Promise.all(
        Array.from({ length: 6 }, (_, attempt) =>
          store().messages.append(
            {
              conversationId: conversation.id,
              author: 'customer',
              body: `try ${attempt}`,
              idempotencyKey: 'k-7',
            },
            systemActor,
          ),
        ),
      );
      expect(results.filter((result) => result.created)).toHaveLength(1);
      expect(new Set(results.map((result) => result.message.id)).size).toBe(1);
      expect(await store().messages.list(conversation.id)).toHaveLength(1);
      const added = (await store().events.list(conversation.id)).filter(
        (event) => event.type === 'message_added',
      );
      expect(added).toHaveLength(1);
    });

    it('treats the same key in another conversation as a different message', async () => {
      const workspace = await buildWorkspace(store());
      const [first, second] = [
        await buildConversation(store(), workspace),
        await buildConversation(store(), workspace),
      ];
      const input = { author: 'customer' as const, body: 'hi', idempotencyKey: 'same' };
      const a = await store().messages.append({ ...input, conversationId: first.id }, systemActor);
      const b = await store().messages.append({ ...input, conversationId: second.id }, systemActor);
      expect([a.created, b.created]).toEqual([true, true]);
      expect(a.message.id).not.toBe(b.message.id);
    });

    it('lists messages in the order they were stored and leaves lastMessageAt alone for notes', async () => {
      const workspace = await buildWorkspace(store());
      const at = (second: number) => new Date(Date.UTC(2026, 3, 1, 12, 0, second));
      const conversation = await buildConversation(store(), workspace, { at: at(0) });
      const append = (body: string, kind: 'message' | 'note' | 'handoff', second: number) =>
        store().messages.append(
          { conversationId: conversation.id, author: 'agent', body, kind, createdAt: at(second) },
          systemActor,
        );
      await append('first', 'message', 1);
      await append('handing you over', 'handoff', 2);
      await append('internal: VIP customer', 'note', 3);
      const bodies = (await store().messages.list(conversation.id)).map((message) => message.body);
      expect(bodies).toEqual(['first', 'handing you over', 'internal: VIP customer']);
      const stored = await store().conversations.getById(conversation.id);
      expect(stored?.lastMessageAt).toEqual(at(2));
      expect(stored?.updatedAt).toEqual(at(3));
    });

    it('refuses a message to a conversation that does not exist', async () => {
      const append = (conversationId: string) =>
        store().messages.append({ conversationId, author: 'customer', body: 'hello?' }, systemActor);
      expect(await rejectionCode(append(missingId))).toBe('conversation_not_found');
      expect(await rejectionCode(append('nope'))).toBe('conversation_not_found');
      expect(await store().messages.list(missingId)).toEqual([]);
    });
  });

  describe('events', () => {
    it('lists a conversation’s events in append order, even within one instant', async () => {
      const workspace = await buildWorkspace(store());
      const conversation = await buildConversation(store(), workspace);
      const sameInstant = new Date('2026-06-01T00:00:00.000Z');
      const categories = Array.from({ length: 12 }, (_, index) => `step_${index}`);
      for (const category of categories) {
        await store().events.append(conversation.id, { ...categorisedEvent(category), at: sameInstant });
      }
      const listed = await store().events.list(conversation.id);
      expect(listed.map((event) => event.data.category ?? event.type)).toEqual([
        'conversation_started',
        ...categories,
      ]);
    });

    it('keeps every kind of actor and nested data', async () => {
      const workspace = await buildWorkspace(store());
      const conversation = await buildConversation(store(), workspace);
      const actors: Actor[] = [
        { kind: 'customer', id: 'c-1' },
        { kind: 'ai' },
        { kind: 'agent', id: 'a-1' },
        { kind: 'system' },
      ];
      const data = {
        action: 'escalate',
        category: null,
        trace: { reasons: ['urgent', 'frustration'], evidence: { sentiment: -0.6 }, note: null },
      };
      const appended = [];
      for (const actor of actors) {
        appended.push(await store().events.append(conversation.id, { type: 'decision_made', actor, data }));
      }
      expect(appended.map((event) => event.actor)).toEqual(actors);
      expect((await store().events.list(conversation.id)).slice(1)).toEqual(appended);
      expect(appended[0]?.data).toEqual(data);
    });

    it('lists events of some types across a workspace since a time, oldest first', async () => {
      const workspace = await buildWorkspace(store());
      const other = await buildWorkspace(store());
      const day = (n: number) => new Date(Date.UTC(2026, 6, n));
      const first = await buildConversation(store(), workspace, { at: day(1) });
      const second = await buildConversation(store(), workspace, { at: day(1) });
      const foreign = await buildConversation(store(), other, { at: day(1) });
      await store().events.append(second.id, aiResolvedEvent(day(5)));
      await store().events.append(first.id, handedOverEvent('billing', day(4)));
      await store().events.append(first.id, aiResolvedEvent(day(2)));
      await store().events.append(first.id, { ...categorisedEvent('refund'), at: day(6) });
      await store().events.append(foreign.id, aiResolvedEvent(day(5)));
      const found = await store().events.listByType(workspace.id, ['resolved', 'handed_over'], day(3));
      expect(found.map((event) => [event.type, event.conversationId, event.at])).toEqual([
        ['handed_over', first.id, day(4)],
        ['resolved', second.id, day(5)],
      ]);
      expect(await store().events.listByType(workspace.id, [], day(1))).toEqual([]);
    });

    it('refuses an event whose payload does not match its type, and one of no known type, writing nothing', async () => {
      const workspace = await buildWorkspace(store());
      const conversation = await buildConversation(store(), workspace);
      const malformed = store().transaction(async (tx) => {
        await tx.events.append(conversation.id, categorisedEvent('refund'));
        await tx.events.append(conversation.id, {
          type: 'resolved',
          actor: systemActor,
          data: { by: 'nobody' },
        });
      });
      await expect(malformed).rejects.toThrow(
        /"resolved" event that does not match its schema: resolved\.by/,
      );
      const unknown = store().events.append(conversation.id, { type: 'step_taken', actor: systemActor });
      await expect(unknown).rejects.toThrow(/no schema for event type "step_taken"/);
      const types = (await store().events.list(conversation.id)).map((event) => event.type);
      expect(types).toEqual(['conversation_started']);
    });

    it('writes only events that match their schemas from the one-statement customer message', async () => {
      const workspace = await buildWorkspace(store());
      const customer = await buildCustomer(store(), workspace);
      const conversation = await buildConversation(store(), workspace, { customer });
      await store().conversations.applyChange(
        conversation.id,
        'ai',
        { state: 'resolved', resolution: 'ai' },
        aiResolvedEvent(),
      );
      const stored = await store().messages.appendCustomerMessage({
        workspaceId: workspace.id,
        conversationId: conversation.id,
        customerId: customer.id,
        body: 'It came back broken',
        idempotencyKey: null,
      });
      expect(stored).toMatchObject({ kind: 'stored', reopened: true });
      const events = await store().events.list(conversation.id);
      expect(events.map((event) => event.type).slice(-2)).toEqual(['message_added', 'reopened']);
      for (const event of events) expect(validateEvent(event.type, event.data).kind).toBe('valid');
    });

    it('refuses an event for a conversation that does not exist', async () => {
      const attempt = store().events.append(missingId, { type: 'x', actor: systemActor });
      expect(await rejectionCode(attempt)).toBe('conversation_not_found');
    });

    it('refuses a second rating, or rating question, of one resolution as a conflict, writing nothing', async () => {
      const workspace = await buildWorkspace(store());
      const customer = await buildCustomer(store(), workspace);
      const conversation = await buildConversation(store(), workspace, { customer });
      const resolved = await store().events.append(conversation.id, aiResolvedEvent());
      const actor = { kind: 'customer', id: customer.id } as const;
      const rated = {
        type: 'rated',
        actor,
        data: { rating: 4, comment: null, resolvedEventId: resolved.id },
      };
      const asked = { type: 'rating_requested', actor, data: { resolvedEventId: resolved.id } };
      await store().events.append(conversation.id, asked);
      await store().events.append(conversation.id, rated);
      expect(await rejectionCode(store().events.append(conversation.id, asked))).toBe('conflict');
      expect(
        await rejectionCode(
          store().events.append(conversation.id, { ...rated, data: { ...rated.data, rating: 1 } }),
        ),
      ).toBe('conflict');
      const kept = (await store().events.list(conversation.id)).filter((e) => e.type === 'rated');
      expect(kept.map((e) => e.data.rating)).toEqual([4]);
    });
  });
};
