/**
 * Contract: AI turn jobs — keyed by the customer message, one at a time per conversation, leased,
 * retried with a bound, taken over after a lease expires, completed together with the outcome.
 */
import { describe, expect, it } from 'vitest';
import type { Conversation, Customer, Workspace } from '../../../core/model.ts';
import type { ClaimRequest, TurnOutcomeWrite } from '../../../core/ports/ai-turn-jobs.ts';
import type { Store } from '../../../core/ports/store.ts';
import { aiResolvedEvent, assignedEvent, categorisedEvent, handedOverEvent } from './example-events.ts';
import {
  buildAgent,
  buildConversation,
  buildCustomer,
  buildWorkspace,
  type StoreProvider,
} from './factories.ts';

const ai = { kind: 'ai' } as const;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const claimOf = (workspace: Workspace, owner: string, fields: Partial<ClaimRequest> = {}): ClaimRequest => ({
  workspaceId: workspace.id,
  owner,
  limit: 10,
  leaseMs: 60_000,
  maxAttempts: 3,
  ...fields,
});

const ask = async (store: Store, workspace: Workspace, conversation: Conversation, body: string) => {
  const result = await store.messages.appendCustomerMessage({
    workspaceId: workspace.id,
    conversationId: conversation.id,
    customerId: conversation.customerId,
    body,
    idempotencyKey: null,
  });
  if (result.kind !== 'stored') throw new Error(`the message was not stored: ${result.kind}`);
  return result.message;
};

const answer = (
  messageId: string,
  owner: string,
  text = 'Standard shipping takes 3 to 5 days.',
): TurnOutcomeWrite => ({
  messageId,
  owner,
  facts: [
    {
      type: 'lookup_completed',
      actor: ai,
      data: {
        name: 'orders',
        label: 'your order',
        inputs: {},
        status: 'ok',
        fields: [],
        error: null,
        latencyMs: 3,
      },
    },
  ],
  send: {
    decision: {
      type: 'decision_made',
      actor: ai,
      data: { action: 'answer', category: 'shipping', trace: {}, messageId },
    },
    message: {
      kind: 'message',
      body: text,
      citations: [{ articleId: 'a1', slug: 'shipping', title: 'Shipping' }],
    },
    change: { category: 'shipping' },
    changeEvent: { type: 'categorised', actor: ai, data: { category: 'shipping' } },
  },
  instead: { type: 'ai_draft_unsent', data: { action: 'answer', category: 'shipping', text, messageId } },
});

const setUp = async (
  store: Store,
): Promise<{ workspace: Workspace; customer: Customer; conversation: Conversation }> => {
  const workspace = await buildWorkspace(store);
  const customer = await buildCustomer(store, workspace);
  const conversation = await buildConversation(store, workspace, { customer });
  return { workspace, customer, conversation };
};

export const aiTurnJobsContract = (store: StoreProvider): void => {
  describe('AI turn jobs', () => {
    it('queues one turn per customer message, keyed by its id, in the same statement as the message', async () => {
      const { workspace, conversation } = await setUp(store());
      const message = await ask(store(), workspace, conversation, 'Where is my order?');
      expect(
        await store().aiTurns.enqueue({
          messageId: message.id,
          conversationId: conversation.id,
          workspaceId: workspace.id,
        }),
      ).toBe(false);
      const { turns } = await store().aiTurns.claim(claimOf(workspace, 'p1'));
      expect(turns.map((t) => t.messageId)).toEqual([message.id]);
      expect(turns[0]).toMatchObject({
        attempt: 1,
        current: true,
        customer: { id: conversation.customerId },
      });
      expect(turns[0]?.transcript).toEqual([{ author: 'customer', body: 'Where is my order?' }]);
    });

    it('leases the turn with its message when asked and nothing of the conversation is ahead of it', async () => {
      const { workspace, conversation } = await setUp(store());
      await ask(store(), workspace, conversation, 'Hello');
      const first = await store().aiTurns.claim(claimOf(workspace, 'p1'));
      expect(first.turns).toHaveLength(1);
      const firstId = first.turns[0]?.messageId ?? '';
      const input = {
        workspaceId: workspace.id,
        conversationId: conversation.id,
        customerId: conversation.customerId,
        idempotencyKey: null,
        lease: { owner: 'p2', leaseMs: 60_000 },
      };
      // The first turn still runs: the next one waits its turn in the queue, leased to no one.
      const behind = await store().messages.appendCustomerMessage({ ...input, body: 'Are you there?' });
      expect(behind).toMatchObject({ kind: 'stored', turnQueued: true, turn: null });
      // Superseded by the newer message: its answer is kept as a draft, not sent.
      expect(await store().aiTurns.complete(answer(firstId, 'p1'))).toMatchObject({ kind: 'kept' });
      const waiting = await store().aiTurns.claim(claimOf(workspace, 'p1'));
      expect(waiting.turns).toHaveLength(1);
      await store().aiTurns.complete(answer(waiting.turns[0]?.messageId ?? '', 'p1'));

      const leased = await store().messages.appendCustomerMessage({ ...input, body: 'Where is my order?' });
      if (leased.kind !== 'stored' || !leased.turn)
        throw new Error('the turn was not leased with its message');
      expect(leased.turn).toMatchObject({
        messageId: leased.message.id,
        attempt: 1,
        current: true,
        conversation: { id: conversation.id, state: 'ai' },
        customer: { id: conversation.customerId },
      });
      expect(leased.turn.transcript.map((line) => line.body)).toEqual([
        'Hello',
        'Are you there?',
        'Standard shipping takes 3 to 5 days.',
        'Where is my order?',
      ]);
      // Leased to p2: no claim takes it, another owner cannot complete it, p2 can.
      expect((await store().aiTurns.claim(claimOf(workspace, 'p3'))).turns).toEqual([]);
      expect(await store().aiTurns.complete(answer(leased.message.id, 'p3'))).toMatchObject({
        kind: 'lease_lost',
      });
      expect(await store().aiTurns.complete(answer(leased.message.id, 'p2'))).toMatchObject({ kind: 'sent' });
    });

    it('gives a leased turn whose process died to another after the lease expires', async () => {
      const { workspace, conversation } = await setUp(store());
      const leased = await store().messages.appendCustomerMessage({
        workspaceId: workspace.id,
        conversationId: conversation.id,
        customerId: conversation.customerId,
        body: 'Hello?',
        idempotencyKey: null,
        lease: { owner: 'gone', leaseMs: 50 },
      });
      expect(leased).toMatchObject({ kind: 'stored', turn: { attempt: 1 } });
      await sleep(120);
      const { turns } = await store().aiTurns.claim(claimOf(workspace, 'p1'));
      expect(turns).toMatchObject([
        { messageId: leased.kind === 'stored' ? leased.message.id : '', attempt: 2 },
      ]);
    });

    it('stores a retried send once and queues no second turn', async () => {
      const { workspace, conversation } = await setUp(store());
      const input = {
        workspaceId: workspace.id,
        conversationId: conversation.id,
        customerId: conversation.customerId,
        body: 'Hello?',
        idempotencyKey: 'k-1',
      };
      const first = await store().messages.appendCustomerMessage(input);
      const again = await store().messages.appendCustomerMessage(input);
      expect(first).toMatchObject({ kind: 'stored', created: true, turnQueued: true });
      expect(again).toMatchObject({ kind: 'stored', created: false, turnQueued: false });
      if (first.kind === 'stored' && again.kind === 'stored') expect(again.message.id).toBe(first.message.id);
      expect(await store().messages.list(conversation.id)).toHaveLength(1);
      expect((await store().aiTurns.claim(claimOf(workspace, 'p1'))).turns).toHaveLength(1);
    });

    it('refuses a message for a conversation that is not the customer’s, storing nothing', async () => {
      const { workspace, conversation } = await setUp(store());
      const stranger = await buildCustomer(store(), workspace);
      const result = await store().messages.appendCustomerMessage({
        workspaceId: workspace.id,
        conversationId: conversation.id,
        customerId: stranger.id,
        body: 'hi',
        idempotencyKey: null,
      });
      expect(result.kind).toBe('not_yours');
      expect(await store().messages.list(conversation.id)).toEqual([]);
      const missing = await store().messages.appendCustomerMessage({
        workspaceId: workspace.id,
        conversationId: '00000000-0000-4000-8000-000000000009',
        customerId: stranger.id,
        body: 'hi',
        idempotencyKey: null,
      });
      expect(missing.kind).toBe('not_found');
    });

    it('reopens a resolved conversation for the AI and queues its turn; an agent’s conversation gets no turn', async () => {
      const { workspace, conversation } = await setUp(store());
      await store().conversations.applyChange(
        conversation.id,
        'ai',
        { state: 'resolved', resolution: 'ai' },
        aiResolvedEvent(),
      );
      const reopened = await store().messages.appendCustomerMessage({
        workspaceId: workspace.id,
        conversationId: conversation.id,
        customerId: conversation.customerId,
        body: 'It came back broken',
        idempotencyKey: null,
      });
      expect(reopened).toMatchObject({
        kind: 'stored',
        reopened: true,
        turnQueued: true,
        conversation: { state: 'ai', resolution: null },
      });
      const types = (await store().events.list(conversation.id)).map((e) => e.type);
      expect(types.slice(-2)).toEqual(['message_added', 'reopened']);

      const other = await setUp(store());
      const agent = await buildAgent(store(), other.workspace);
      await store().conversations.applyChange(
        other.conversation.id,
        'ai',
        { state: 'assigned', assigneeId: agent.id },
        assignedEvent(agent.id, { kind: 'agent', id: agent.id }),
      );
      const toAgent = await store().messages.appendCustomerMessage({
        workspaceId: other.workspace.id,
        conversationId: other.conversation.id,
        customerId: other.conversation.customerId,
        body: 'Thanks!',
        idempotencyKey: null,
      });
      expect(toAgent).toMatchObject({ kind: 'stored', created: true, turnQueued: false });
    });

    it('runs one turn at a time per conversation, in message order, and other conversations meanwhile', async () => {
      const { workspace, conversation } = await setUp(store());
      const second = await buildConversation(store(), workspace);
      const m1 = await ask(store(), workspace, conversation, 'first');
      const m2 = await ask(store(), workspace, conversation, 'second');
      const m3 = await ask(store(), workspace, second, 'other customer');
      const round1 = await store().aiTurns.claim(claimOf(workspace, 'p1'));
      expect(round1.turns.map((t) => t.messageId)).toEqual([m1.id, m3.id]);
      expect(round1.turns[0]?.current).toBe(false);
      expect((await store().aiTurns.claim(claimOf(workspace, 'p2'))).turns).toEqual([]);
      await store().aiTurns.complete(answer(m1.id, 'p1'));
      const round2 = await store().aiTurns.claim(claimOf(workspace, 'p2'));
      expect(round2.turns.map((t) => t.messageId)).toEqual([m2.id]);
      expect(round2.turns[0]?.transcript.map((l) => l.body)).toEqual(['first', 'second']);
    });

    it('never gives one job to two processes claiming at the same moment', async () => {
      const { workspace } = await setUp(store());
      const asked: string[] = [];
      for (let i = 0; i < 8; i += 1) {
        const conversation = await buildConversation(store(), workspace);
        asked.push((await ask(store(), workspace, conversation, `question ${i}`)).id);
      }
      const claims = await Promise.all(
        ['p1', 'p2', 'p3', 'p4'].map((owner) =>
          store().aiTurns.claim(claimOf(workspace, owner, { limit: 3 })),
        ),
      );
      const claimed = claims.flatMap((c) => c.turns.map((t) => t.messageId));
      expect(new Set(claimed).size).toBe(claimed.length);
      const rest = await store().aiTurns.claim(claimOf(workspace, 'p5', { limit: 20 }));
      expect([...claimed, ...rest.turns.map((t) => t.messageId)].sort()).toEqual([...asked].sort());
    });

    it('gives a job whose lease expired to another process; the first one can no longer write', async () => {
      const { workspace, conversation } = await setUp(store());
      const message = await ask(store(), workspace, conversation, 'Where is my order?');
      expect((await store().aiTurns.claim(claimOf(workspace, 'dead', { leaseMs: 1 }))).turns).toHaveLength(1);
      await sleep(50);
      const taken = await store().aiTurns.claim(claimOf(workspace, 'alive'));
      expect(taken.turns.map((t) => [t.messageId, t.attempt])).toEqual([[message.id, 2]]);
      expect(await store().aiTurns.complete(answer(message.id, 'dead'))).toEqual({ kind: 'lease_lost' });
      expect((await store().messages.list(conversation.id)).map((m) => m.author)).toEqual(['customer']);
      const sent = await store().aiTurns.complete(answer(message.id, 'alive'));
      expect(sent.kind).toBe('sent');
    });

    it('keeps a job with the process that renews its lease', async () => {
      const { workspace, conversation } = await setUp(store());
      const message = await ask(store(), workspace, conversation, 'Where is my order?');
      await store().aiTurns.claim(claimOf(workspace, 'slow', { leaseMs: 1 }));
      expect(await store().aiTurns.renewLease(message.id, 'slow', 60_000)).toBe(true);
      await sleep(50);
      expect((await store().aiTurns.claim(claimOf(workspace, 'other'))).turns).toEqual([]);
      expect(await store().aiTurns.renewLease(message.id, 'other', 60_000)).toBe(false);
      expect((await store().aiTurns.complete(answer(message.id, 'slow'))).kind).toBe('sent');
    });

    it('retries a released job after its back-off, and gives up after the last attempt', async () => {
      const { workspace, conversation } = await setUp(store());
      const message = await ask(store(), workspace, conversation, 'Where is my order?');
      const release = (owner: string, retryInMs: number) =>
        store().aiTurns.release({
          messageId: message.id,
          owner,
          error: 'database restarting',
          retryInMs,
          maxAttempts: 2,
        });
      await store().aiTurns.claim(claimOf(workspace, 'p1', { maxAttempts: 2 }));
      expect(await release('someone-else', 0)).toBe('lease_lost');
      expect(await release('p1', 60_000)).toBe('queued');
      expect((await store().aiTurns.claim(claimOf(workspace, 'p1', { maxAttempts: 2 }))).turns).toEqual([]);

      const other = await setUp(store());
      const m = await ask(store(), other.workspace, other.conversation, 'Where is my order?');
      const releaseOther = (retryInMs: number) =>
        store().aiTurns.release({ messageId: m.id, owner: 'p1', error: 'boom', retryInMs, maxAttempts: 2 });
      await store().aiTurns.claim(claimOf(other.workspace, 'p1', { maxAttempts: 2 }));
      expect(await releaseOther(0)).toBe('queued');
      const retried = await store().aiTurns.claim(claimOf(other.workspace, 'p1', { maxAttempts: 2 }));
      expect(retried.turns.map((t) => t.attempt)).toEqual([2]);
      expect(await releaseOther(0)).toBe('failed');
      expect((await store().aiTurns.claim(claimOf(other.workspace, 'p1', { maxAttempts: 2 }))).turns).toEqual(
        [],
      );
    });

    it('gives up on a job whose last attempt’s lease expired, and reports it', async () => {
      const { workspace, conversation } = await setUp(store());
      const message = await ask(store(), workspace, conversation, 'Where is my order?');
      await store().aiTurns.claim(claimOf(workspace, 'dead', { leaseMs: 1, maxAttempts: 1 }));
      await sleep(50);
      const next = await store().aiTurns.claim(claimOf(workspace, 'alive', { maxAttempts: 1 }));
      expect(next).toEqual({ turns: [], exhausted: [message.id] });
    });

    it('writes the answer, its events in order and the category together, keyed by the job', async () => {
      const { workspace, conversation } = await setUp(store());
      const message = await ask(store(), workspace, conversation, 'How long does shipping take?');
      await store().aiTurns.claim(claimOf(workspace, 'p1'));
      const result = await store().aiTurns.complete(answer(message.id, 'p1'));
      expect(result).toMatchObject({
        kind: 'sent',
        conversation: { state: 'ai', category: 'shipping', version: conversation.version },
        message: { author: 'ai', kind: 'message', idempotencyKey: `ai-turn:${message.id}` },
      });
      const types = (await store().events.list(conversation.id)).map((e) => e.type);
      expect(types).toEqual([
        'conversation_started',
        'message_added',
        'lookup_completed',
        'decision_made',
        'message_added',
        'categorised',
      ]);
      expect(await store().aiTurns.complete(answer(message.id, 'p1'))).toEqual({ kind: 'lease_lost' });
    });

    it('keeps the draft as an unsent event when a newer customer message superseded it', async () => {
      const { workspace, conversation } = await setUp(store());
      const m1 = await ask(store(), workspace, conversation, 'first');
      await store().aiTurns.claim(claimOf(workspace, 'p1'));
      await ask(store(), workspace, conversation, 'actually, something else');
      expect(await store().aiTurns.complete(answer(m1.id, 'p1'))).toEqual({
        kind: 'kept',
        reason: 'superseded',
        nextTurnQueued: true,
      });
      const events = await store().events.list(conversation.id);
      expect(events.map((e) => e.type)).not.toContain('decision_made');
      expect(events.at(-1)).toMatchObject({
        type: 'ai_draft_unsent',
        data: { reason: 'superseded', messageId: m1.id },
      });
      expect((await store().messages.list(conversation.id)).map((m) => m.author)).toEqual([
        'customer',
        'customer',
      ]);
    });

    it('keeps the draft when a person took the conversation while the AI was thinking', async () => {
      const { workspace, conversation } = await setUp(store());
      const agent = await buildAgent(store(), workspace);
      const m1 = await ask(store(), workspace, conversation, 'refund please');
      await store().aiTurns.claim(claimOf(workspace, 'p1'));
      await store().conversations.applyChange(
        conversation.id,
        'ai',
        { state: 'assigned', assigneeId: agent.id },
        assignedEvent(agent.id, { kind: 'agent', id: agent.id }),
      );
      expect(await store().aiTurns.complete(answer(m1.id, 'p1'))).toEqual({
        kind: 'kept',
        reason: 'conversation_taken',
        nextTurnQueued: false,
      });
      expect((await store().conversations.getById(conversation.id))?.state).toBe('assigned');
      expect((await store().messages.list(conversation.id)).map((m) => m.author)).toEqual(['customer']);
    });

    it('commits a handoff message with the state change, the team, the priority and the queue time', async () => {
      const { workspace, conversation } = await setUp(store());
      const m1 = await ask(store(), workspace, conversation, 'I want a person');
      await store().aiTurns.claim(claimOf(workspace, 'p1'));
      const result = await store().aiTurns.complete({
        messageId: m1.id,
        owner: 'p1',
        facts: [],
        send: {
          decision: {
            type: 'decision_made',
            actor: ai,
            data: { action: 'escalate', category: 'billing', trace: {} },
          },
          message: { kind: 'handoff', body: 'A person from Billing will take over.', citations: [] },
          change: { state: 'queued', teamKey: 'billing', priority: 2, category: 'billing' },
          changeEvent: handedOverEvent('billing'),
        },
        instead: {
          type: 'ai_draft_unsent',
          data: { action: 'escalate', category: 'billing', text: 'A person will help.', messageId: m1.id },
        },
      });
      expect(result).toMatchObject({
        kind: 'sent',
        conversation: { state: 'queued', teamKey: 'billing', priority: 2, version: conversation.version + 1 },
        message: { kind: 'handoff' },
      });
      if (result.kind === 'sent') expect(result.conversation.queuedAt).toBeInstanceOf(Date);
      const types = (await store().events.list(conversation.id)).map((e) => e.type);
      expect(types.slice(-3)).toEqual(['decision_made', 'message_added', 'handed_over']);
    });

    it('reads the customer’s earlier conversations with the turn, most recent first', async () => {
      const { workspace, customer } = await setUp(store());
      const earlier = await buildConversation(store(), workspace, { customer });
      await store().conversations.applyChange(
        earlier.id,
        'ai',
        { state: 'resolved', resolution: 'ai', category: 'shipping' },
        aiResolvedEvent(),
      );
      const now = await buildConversation(store(), workspace, { customer });
      const message = await ask(store(), workspace, now, 'again about my parcel');
      await store().conversations.applyChange(now.id, 'ai', { category: null }, categorisedEvent('shipping'));
      const { turns } = await store().aiTurns.claim(claimOf(workspace, 'p1'));
      const turn = turns.find((t) => t.messageId === message.id);
      expect(turn?.earlierConversations.map((c) => c.id)).toContain(earlier.id);
      const resolved = turn?.earlierConversations.find((c) => c.id === earlier.id);
      expect(resolved).toMatchObject({ state: 'resolved', category: 'shipping' });
      expect(resolved?.resolvedAt).toBeInstanceOf(Date);
    });

    it('prunes finished jobs past their retention, keeps open ones, and a pruned job is never queued again', async () => {
      const { workspace, conversation } = await setUp(store());
      const other = await setUp(store());
      const input = {
        workspaceId: workspace.id,
        conversationId: conversation.id,
        customerId: conversation.customerId,
        idempotencyKey: 'k-old',
        body: 'Where is my order?',
      };
      // One done, one failed (its only attempt), both finished before the cut-off.
      await store().messages.appendCustomerMessage(input);
      const [done] = (await store().aiTurns.claim(claimOf(workspace, 'p1'))).turns;
      expect(await store().aiTurns.complete(answer(done?.messageId ?? '', 'p1'))).toMatchObject({
        kind: 'sent',
      });
      await ask(store(), workspace, conversation, 'And my invoice?');
      const [failing] = (await store().aiTurns.claim(claimOf(workspace, 'p1'))).turns;
      const released = await store().aiTurns.release({
        messageId: failing?.messageId ?? '',
        owner: 'p1',
        error: 'model down',
        retryInMs: 0,
        maxAttempts: 1,
      });
      expect(released).toBe('failed');
      await ask(store(), other.workspace, other.conversation, 'Hello?');
      const [elsewhere] = (await store().aiTurns.claim(claimOf(other.workspace, 'p1'))).turns;
      await store().aiTurns.complete(answer(elsewhere?.messageId ?? '', 'p1'));
      await sleep(30);
      const cut = new Date();
      await sleep(30);
      // Finished after the cut-off, and still queued: both stay.
      await ask(store(), workspace, conversation, 'Is it shipped?');
      const [recent] = (await store().aiTurns.claim(claimOf(workspace, 'p1'))).turns;
      await store().aiTurns.complete(answer(recent?.messageId ?? '', 'p1'));
      const queued = await ask(store(), workspace, conversation, 'Hello again');

      expect(await store().aiTurns.pruneFinished(workspace.id, cut, 1)).toBe(1);
      expect(await store().aiTurns.pruneFinished(workspace.id, cut, 10)).toBe(1);
      expect(await store().aiTurns.pruneFinished(workspace.id, cut, 10)).toBe(0);
      // The other workspace's finished job is its own to prune.
      expect(await store().aiTurns.pruneFinished(other.workspace.id, cut, 10)).toBe(1);
      // The customer's app sends the old message again: stored once, no second turn.
      const again = await store().messages.appendCustomerMessage(input);
      expect(again).toMatchObject({ kind: 'stored', created: false, turnQueued: false });
      const { turns } = await store().aiTurns.claim(claimOf(workspace, 'p1'));
      expect(turns.map((t) => t.messageId)).toEqual([queued.id]);
    });
  });
};
