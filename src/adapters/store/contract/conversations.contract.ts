/** Contract: conversations, their optimistic state changes, listing and open counts. */
import { describe, expect, it } from 'vitest';
import type { Conversation } from '../../../core/model.ts';
import {
  agentResolvedEvent,
  aiResolvedEvent,
  assignedEvent,
  categorisedEvent,
  handedOverEvent,
  reopenedEvent,
} from './example-events.ts';
import {
  buildAgent,
  buildConversation,
  buildCustomer,
  buildWorkspace,
  rejectionCode,
  type StoreProvider,
  systemActor,
} from './factories.ts';

const missingId = '00000000-0000-4000-8000-000000000001';

export const conversationsContract = (store: StoreProvider): void => {
  describe('conversations', () => {
    it('starts a conversation with the AI and records its first event in the same write', async () => {
      const workspace = await buildWorkspace(store());
      const customer = await buildCustomer(store(), workspace);
      const conversation = await buildConversation(store(), workspace, { customer, subject: 'Refund' });
      expect(conversation).toMatchObject({
        workspaceId: workspace.id,
        customerId: customer.id,
        state: 'ai',
        teamKey: null,
        assigneeId: null,
        category: null,
        priority: 0,
        resolution: null,
        subject: 'Refund',
        lastMessageAt: null,
      });
      expect(await store().conversations.getById(conversation.id)).toEqual(conversation);
      const events = await store().events.list(conversation.id);
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({
        type: 'conversation_started',
        actor: { kind: 'customer', id: customer.id },
        data: { channel: 'widget' },
      });
      expect(events[0]?.at).toEqual(conversation.createdAt);
    });

    it('uses a recorded start time for the conversation and its event', async () => {
      const workspace = await buildWorkspace(store());
      const at = new Date('2025-12-24T18:30:00.250Z');
      const conversation = await buildConversation(store(), workspace, { at });
      expect(conversation.createdAt).toEqual(at);
      expect(conversation.updatedAt).toEqual(at);
      expect((await store().events.list(conversation.id))[0]?.at).toEqual(at);
    });

    it('refuses a conversation for a customer that does not exist and leaves nothing behind', async () => {
      const workspace = await buildWorkspace(store());
      const attempt = store().conversations.create(
        { workspaceId: workspace.id, customerId: missingId },
        { type: 'conversation_started', actor: systemActor, data: { channel: 'widget' } },
      );
      expect(await rejectionCode(attempt)).toBe('not_found');
      expect(await store().conversations.list(workspace.id, {})).toEqual([]);
      expect(await store().events.listByType(workspace.id, ['conversation_started'], new Date(0))).toEqual(
        [],
      );
    });

    it('finds nothing for an unknown or malformed id', async () => {
      expect(await store().conversations.getById(missingId)).toBeNull();
      expect(await store().conversations.getById('42')).toBeNull();
    });

    it('reads many conversations by id in one go, leaving out ids that are not', async () => {
      const workspace = await buildWorkspace(store());
      const first = await buildConversation(store(), workspace, { subject: 'First' });
      const second = await buildConversation(store(), workspace, { subject: 'Second' });
      const found = await store().conversations.getByIds([first.id, missingId, second.id, '42', first.id]);
      expect([...found.keys()].sort()).toEqual([first.id, second.id].sort());
      expect(found.get(second.id)).toEqual(await store().conversations.getById(second.id));
      expect((await store().conversations.getByIds([])).size).toBe(0);
      // More ids than a list of placeholders could hold, read as one array per slice.
      const many = Array.from(
        { length: 70_000 },
        (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
      );
      expect([...(await store().conversations.getByIds([...many, first.id])).keys()]).toEqual([first.id]);
    });

    it('applies a change with its event, leaving the fields it does not name as they were', async () => {
      const workspace = await buildWorkspace(store());
      const conversation = await buildConversation(store(), workspace);
      const at = new Date('2026-01-05T09:00:00.000Z');
      const handedOver = await store().conversations.applyChange(
        conversation.id,
        'ai',
        { state: 'queued', teamKey: 'billing', category: 'refund', priority: 2 },
        handedOverEvent('billing', at),
      );
      expect(handedOver).toMatchObject({
        state: 'queued',
        teamKey: 'billing',
        category: 'refund',
        priority: 2,
      });
      expect(handedOver?.updatedAt).toEqual(at);
      const agent = await buildAgent(store(), workspace);
      const assigned = await store().conversations.applyChange(
        conversation.id,
        'queued',
        { state: 'assigned', assigneeId: agent.id },
        assignedEvent(agent.id),
      );
      expect(assigned).toMatchObject({
        state: 'assigned',
        assigneeId: agent.id,
        teamKey: 'billing',
        priority: 2,
      });
      const resolved = await store().conversations.applyChange(
        conversation.id,
        'assigned',
        { state: 'resolved', resolution: 'human' },
        agentResolvedEvent(agent.id),
      );
      expect(resolved).toMatchObject({ state: 'resolved', resolution: 'human', assigneeId: agent.id });
      expect(await store().conversations.getById(conversation.id)).toEqual(resolved);
      const types = (await store().events.list(conversation.id)).map((event) => event.type);
      expect(types).toEqual(['conversation_started', 'handed_over', 'assigned', 'resolved']);
    });

    it('can clear fields by setting them to null', async () => {
      const workspace = await buildWorkspace(store());
      const conversation = await buildConversation(store(), workspace);
      await store().conversations.applyChange(
        conversation.id,
        'ai',
        { state: 'resolved', resolution: 'ai', category: 'shipping' },
        aiResolvedEvent(),
      );
      const reopened = await store().conversations.applyChange(
        conversation.id,
        'resolved',
        { state: 'ai', resolution: null },
        reopenedEvent,
      );
      expect(reopened).toMatchObject({ state: 'ai', resolution: null, category: 'shipping' });
    });

    it('returns null and records nothing when the state has already moved on', async () => {
      const workspace = await buildWorkspace(store());
      const conversation = await buildConversation(store(), workspace);
      const stale = await store().conversations.applyChange(
        conversation.id,
        'queued',
        { state: 'assigned' },
        assignedEvent(missingId),
      );
      expect(stale).toBeNull();
      expect(await store().conversations.getById(conversation.id)).toEqual(conversation);
      expect(await store().events.list(conversation.id)).toHaveLength(1);
    });

    it('lets exactly one of two simultaneous changes from the same state win', async () => {
      const workspace = await buildWorkspace(store());
      const conversation = await buildConversation(store(), workspace);
      const attempts = await Promise.all(
        ['billing', 'shipping', 'legal'].map((teamKey) =>
          store().conversations.applyChange(
            conversation.id,
            'ai',
            { state: 'queued', teamKey },
            handedOverEvent(teamKey),
          ),
        ),
      );
      const winners = attempts.filter((result) => result !== null);
      expect(winners).toHaveLength(1);
      const events = await store().events.list(conversation.id);
      expect(events.map((event) => event.type)).toEqual(['conversation_started', 'handed_over']);
      expect(events[1]?.data).toMatchObject({ teamKey: winners[0]?.teamKey });
    });

    it('applies a change only at the version and holder it expects, and counts changes of state or holder', async () => {
      const workspace = await buildWorkspace(store());
      const conversation = await buildConversation(store(), workspace);
      const [ari, bo] = [await buildAgent(store(), workspace), await buildAgent(store(), workspace)];
      const assign = (agentId: string, version: number, assigneeId: string | null) =>
        store().conversations.applyChange(
          conversation.id,
          { state: 'ai', version, assigneeId },
          { state: 'assigned', assigneeId: agentId },
          assignedEvent(agentId, { kind: 'agent', id: agentId }),
        );
      expect(await assign(ari.id, conversation.version + 1, null)).toBeNull();
      expect(await assign(ari.id, conversation.version, bo.id)).toBeNull();
      const assigned = await assign(ari.id, conversation.version, null);
      expect(assigned).toMatchObject({
        state: 'assigned',
        assigneeId: ari.id,
        version: conversation.version + 1,
      });
      const recategorised = await store().conversations.applyChange(
        conversation.id,
        'assigned',
        { category: 'billing' },
        categorisedEvent('billing'),
      );
      expect(recategorised?.version).toBe(conversation.version + 1);
    });

    it('lets exactly one of two simultaneous pick-ups at the same version win', async () => {
      const workspace = await buildWorkspace(store());
      const conversation = await buildConversation(store(), workspace);
      const agents = [await buildAgent(store(), workspace), await buildAgent(store(), workspace)];
      const results = await Promise.all(
        agents.map((agent) =>
          store().conversations.applyChange(
            conversation.id,
            { state: 'ai', version: conversation.version },
            { state: 'assigned', assigneeId: agent.id },
            assignedEvent(agent.id, { kind: 'agent', id: agent.id }),
          ),
        ),
      );
      expect(results.filter((r) => r !== null)).toHaveLength(1);
      const assigned = (await store().events.list(conversation.id)).filter((e) => e.type === 'assigned');
      expect(assigned).toHaveLength(1);
    });

    it('commits everything written in a transaction together, or nothing when it fails', async () => {
      const workspace = await buildWorkspace(store());
      const conversation = await buildConversation(store(), workspace);
      const attempt = store().transaction(async (tx) => {
        const locked = await tx.conversations.getForUpdate(conversation.id);
        expect(locked?.id).toBe(conversation.id);
        await tx.messages.append(
          { conversationId: conversation.id, author: 'agent', body: 'On it' },
          systemActor,
        );
        throw new Error('the reply was refused after all');
      });
      await expect(attempt).rejects.toThrow('refused');
      expect(await store().messages.list(conversation.id)).toEqual([]);
      await store().transaction(async (tx) => {
        await tx.messages.append(
          { conversationId: conversation.id, author: 'agent', body: 'On it' },
          systemActor,
        );
        await tx.conversations.applyChange(
          conversation.id,
          'ai',
          { category: 'billing' },
          categorisedEvent('billing'),
        );
      });
      expect(await store().messages.list(conversation.id)).toHaveLength(1);
      expect((await store().conversations.getById(conversation.id))?.category).toBe('billing');
    });

    it('reports a change to a conversation that does not exist', async () => {
      const change = store().conversations.applyChange(
        missingId,
        'ai',
        { state: 'queued' },
        handedOverEvent(),
      );
      expect(await rejectionCode(change)).toBe('conversation_not_found');
    });
  });

  describe('conversation lists', () => {
    const handOver = async (id: string, teamKey: string, priority: number, at?: Date) =>
      store().conversations.applyChange(
        id,
        'ai',
        { state: 'queued', teamKey, priority },
        handedOverEvent(teamKey, at),
      );

    it('lists a queue highest priority first, then longest waiting (handed over earliest) first', async () => {
      const workspace = await buildWorkspace(store());
      const at = (minute: number) => new Date(Date.UTC(2026, 0, 1, 10, minute));
      const oldLow = await buildConversation(store(), workspace, { at: at(1) });
      // Started first but handed over last: the queue order is the time a conversation joined it.
      const newHigh = await buildConversation(store(), workspace, { at: at(0) });
      const oldHigh = await buildConversation(store(), workspace, { at: at(2) });
      await handOver(oldLow.id, 'billing', 0, at(10));
      await handOver(newHigh.id, 'billing', 5, at(12));
      await handOver(oldHigh.id, 'billing', 5, at(11));
      const queue = await store().conversations.list(workspace.id, {
        states: ['queued'],
        teamKeys: ['billing'],
      });
      expect(queue.map((conversation) => conversation.id)).toEqual([oldHigh.id, newHigh.id, oldLow.id]);
      const limited = await store().conversations.list(workspace.id, { states: ['queued'], limit: 2 });
      expect(limited.map((conversation) => conversation.id)).toEqual([oldHigh.id, newHigh.id]);
    });

    it('filters by state, team, assignee and customer', async () => {
      const workspace = await buildWorkspace(store());
      const customer = await buildCustomer(store(), workspace);
      const agent = await buildAgent(store(), workspace);
      const inAi = await buildConversation(store(), workspace, { customer });
      const billing = await buildConversation(store(), workspace);
      const shipping = await buildConversation(store(), workspace, { customer });
      await handOver(billing.id, 'billing', 1);
      await handOver(shipping.id, 'shipping', 1);
      await store().conversations.applyChange(
        shipping.id,
        'queued',
        { state: 'assigned', assigneeId: agent.id },
        assignedEvent(agent.id),
      );
      const ids = async (filter: Parameters<ReturnType<StoreProvider>['conversations']['list']>[1]) =>
        (await store().conversations.list(workspace.id, filter))
          .map((conversation) => conversation.id)
          .sort();
      expect(await ids({ states: ['ai'] })).toEqual([inAi.id]);
      expect(await ids({ teamKeys: ['billing'] })).toEqual([billing.id]);
      expect(await ids({ teamKeys: ['billing'], orNoTeam: true })).toEqual([inAi.id, billing.id].sort());
      expect(await ids({ teamKeys: [], orNoTeam: true })).toEqual([inAi.id]);
      expect(await ids({ teamKeys: [] })).toEqual([]);
      expect(await ids({ assigneeId: agent.id })).toEqual([shipping.id]);
      expect(await ids({ customerId: customer.id })).toEqual([inAi.id, shipping.id].sort());
      expect(await ids({ states: ['queued', 'assigned'], customerId: customer.id })).toEqual([shipping.id]);
      expect(await ids({ states: [] })).toEqual([]);
      expect(await ids({})).toHaveLength(3);
    });

    it('lists a customer history by latest activity', async () => {
      const workspace = await buildWorkspace(store());
      const customer = await buildCustomer(store(), workspace);
      const at = (day: number) => new Date(Date.UTC(2026, 1, day));
      const older = await buildConversation(store(), workspace, { customer, at: at(1) });
      const newer = await buildConversation(store(), workspace, { customer, at: at(2) });
      await store().messages.append(
        {
          conversationId: older.id,
          author: 'customer',
          authorId: customer.id,
          body: 'Any news?',
          createdAt: at(3),
        },
        { kind: 'customer', id: customer.id },
      );
      const history = await store().conversations.list(workspace.id, {
        customerId: customer.id,
        orderBy: 'recent',
      });
      expect(history.map((conversation) => conversation.id)).toEqual([older.id, newer.id]);
    });

    describe('quiet conversations the AI holds', () => {
      const hour = (h: number) => new Date(Date.UTC(2026, 2, 10, 12) + h * 3600_000);
      const say = (
        conversation: Conversation,
        author: 'customer' | 'ai' | 'agent',
        at?: Date,
        kind: 'message' | 'note' = 'message',
      ) =>
        store().messages.append(
          {
            conversationId: conversation.id,
            author,
            kind,
            body: `${author} says`,
            ...(at ? { createdAt: at } : {}),
          },
          author === 'customer'
            ? { kind: 'customer', id: conversation.customerId }
            : author === 'ai'
              ? { kind: 'ai' }
              : systemActor,
        );

      it('lists them longest quiet first, page by page, with the last visible message and whether the AI answered', async () => {
        const workspace = await buildWorkspace(store());
        const conversation = () => buildConversation(store(), workspace, { at: hour(-60) });
        const answered = await conversation();
        await say(answered, 'customer', hour(-30));
        await say(answered, 'ai', hour(-29));
        const leftUnanswered = await conversation();
        await say(leftUnanswered, 'customer', hour(-40));
        const askedAgain = await conversation();
        await say(askedAgain, 'customer', hour(-50));
        await say(askedAgain, 'ai', hour(-49));
        await say(askedAgain, 'customer', hour(-48));
        // An internal note is not customer-visible: the AI's answer stays the last message.
        const noted = await conversation();
        await say(noted, 'customer', hour(-36));
        await say(noted, 'ai', hour(-35));
        await say(noted, 'agent', hour(-1), 'note');
        const recent = await conversation();
        await say(recent, 'customer', hour(-30));
        await say(recent, 'ai', hour(-2));
        const handedOver = await conversation();
        await say(handedOver, 'customer', hour(-45));
        await store().conversations.applyChange(
          handedOver.id,
          'ai',
          { state: 'queued', teamKey: 'billing', priority: 1 },
          handedOverEvent('billing', hour(-44)),
        );
        await conversation(); // no message at all
        const elsewhere = await buildWorkspace(store());
        const theirs = await buildConversation(store(), elsewhere, { at: hour(-60) });
        await say(theirs, 'customer', hour(-50));

        const first = await store().conversations.listQuietAi(workspace.id, {
          quietSince: hour(-24),
          limit: 2,
        });
        const second = await store().conversations.listQuietAi(workspace.id, {
          quietSince: hour(-24),
          limit: 2,
          after: first.next ?? 'missing',
        });
        const seen = [...first.conversations, ...second.conversations].map((quiet) => ({
          id: quiet.conversation.id,
          state: quiet.conversation.state,
          lastAuthor: quiet.lastAuthor,
          lastMessageAt: quiet.lastMessageAt.toISOString(),
          aiAnswered: quiet.aiAnswered,
        }));
        expect(seen).toEqual([
          {
            id: askedAgain.id,
            state: 'ai',
            lastAuthor: 'customer',
            lastMessageAt: hour(-48).toISOString(),
            aiAnswered: true,
          },
          {
            id: leftUnanswered.id,
            state: 'ai',
            lastAuthor: 'customer',
            lastMessageAt: hour(-40).toISOString(),
            aiAnswered: false,
          },
          {
            id: noted.id,
            state: 'ai',
            lastAuthor: 'ai',
            lastMessageAt: hour(-35).toISOString(),
            aiAnswered: true,
          },
          {
            id: answered.id,
            state: 'ai',
            lastAuthor: 'ai',
            lastMessageAt: hour(-29).toISOString(),
            aiAnswered: true,
          },
        ]);
        const third = await store().conversations.listQuietAi(workspace.id, {
          quietSince: hour(-24),
          limit: 2,
          after: second.next ?? 'missing',
        });
        expect(third).toEqual({ conversations: [], next: null });
        const whole = await store().conversations.listQuietAi(workspace.id, {
          quietSince: hour(-24),
          limit: 10,
        });
        expect(whole.next).toBeNull();
        expect(whole.conversations).toHaveLength(4);
      });

      it('pages through messages stamped by the database clock without repeating or skipping one', async () => {
        const workspace = await buildWorkspace(store());
        const ids: string[] = [];
        for (let i = 0; i < 5; i += 1) {
          const started = await buildConversation(store(), workspace);
          await say(started, 'customer');
          await say(started, 'ai');
          ids.push(started.id);
        }
        const seen: string[] = [];
        let after: string | undefined;
        for (let page = 0; page < 10; page += 1) {
          const quiet = await store().conversations.listQuietAi(workspace.id, {
            quietSince: new Date(Date.now() + 60_000),
            limit: 1,
            ...(after === undefined ? {} : { after }),
          });
          seen.push(...quiet.conversations.map((q) => q.conversation.id));
          if (quiet.next === null) break;
          after = quiet.next;
        }
        expect(seen).toEqual(ids);
      });

      it('refuses a cursor it did not give out', async () => {
        const workspace = await buildWorkspace(store());
        expect(
          await rejectionCode(
            store().conversations.listQuietAi(workspace.id, {
              quietSince: new Date(),
              limit: 5,
              after: 'page-2',
            }),
          ),
        ).toBe('invalid_input');
      });
    });

    it('counts open conversations per assignee, leaving out resolved ones and other workspaces', async () => {
      const workspace = await buildWorkspace(store());
      const [ana, ben] = [await buildAgent(store(), workspace), await buildAgent(store(), workspace)];
      const assign = async (agentId: string, thenResolve = false) => {
        const conversation = await buildConversation(store(), workspace);
        await handOver(conversation.id, 'billing', 0);
        await store().conversations.applyChange(
          conversation.id,
          'queued',
          { state: 'assigned', assigneeId: agentId },
          assignedEvent(agentId),
        );
        if (thenResolve) {
          await store().conversations.applyChange(
            conversation.id,
            'assigned',
            { state: 'resolved', resolution: 'human' },
            agentResolvedEvent(agentId),
          );
        }
      };
      await assign(ana.id);
      await assign(ana.id);
      await assign(ben.id);
      await assign(ben.id, true);
      const counts = await store().conversations.countOpenByAssignee(workspace.id);
      expect(Object.fromEntries(counts)).toEqual({ [ana.id]: 2, [ben.id]: 1 });
      const elsewhere = await buildWorkspace(store());
      expect((await store().conversations.countOpenByAssignee(elsewhere.id)).size).toBe(0);
    });

    it('counts each team’s open conversations, not resolved ones or another workspace’s', async () => {
      const workspace = await buildWorkspace(store());
      const queued = await Promise.all([1, 2, 3].map(() => buildConversation(store(), workspace)));
      for (const conversation of queued) await handOver(conversation.id, 'billing', 1);
      const [resolved] = queued;
      if (resolved === undefined) throw new Error('no conversation');
      await store().conversations.applyChange(
        resolved.id,
        'queued',
        { state: 'resolved', resolution: 'human' },
        agentResolvedEvent((await buildAgent(store(), workspace)).id),
      );
      const shipping = await buildConversation(store(), workspace);
      await handOver(shipping.id, 'shipping', 1);
      await buildConversation(store(), workspace); // the AI's, no team yet
      const elsewhere = await buildWorkspace(store());
      await handOver((await buildConversation(store(), elsewhere)).id, 'billing', 1);
      expect(await store().queues.openByTeam(workspace.id)).toEqual(
        new Map([
          ['billing', 2],
          ['shipping', 1],
        ]),
      );
    });

    it('reads the live view in one go: the conversation, its customer, assignee and messages with their authors', async () => {
      const workspace = await buildWorkspace(store());
      const customer = await buildCustomer(store(), workspace, { email: 'dana@example.com' });
      const ari = await buildAgent(store(), workspace, { name: 'Ari Agent' });
      const conversation = await buildConversation(store(), workspace, { customer });
      const say = (author: 'customer' | 'ai' | 'agent', body: string, kind: 'message' | 'note' = 'message') =>
        store().messages.append(
          {
            conversationId: conversation.id,
            author,
            authorId: author === 'agent' ? ari.id : author === 'customer' ? customer.id : null,
            kind,
            body,
            citations: author === 'ai' ? [{ articleId: 'a1', slug: 'refunds', title: 'Refunds' }] : [],
          },
          author === 'ai'
            ? { kind: 'ai' }
            : author === 'agent'
              ? { kind: 'agent', id: ari.id }
              : { kind: 'customer', id: customer.id },
        );
      await say('customer', 'Where is my refund?');
      await say('ai', 'Refunds take five days.');
      await handOver(conversation.id, 'billing', 1);
      await store().conversations.applyChange(
        conversation.id,
        'queued',
        { state: 'assigned', assigneeId: ari.id },
        assignedEvent(ari.id),
      );
      await say('agent', 'Checking the bank side.', 'note');
      await say('agent', 'It left us yesterday.');

      const view = await store().conversations.getLiveView(conversation.id);
      expect(view?.conversation).toEqual(await store().conversations.getById(conversation.id));
      expect(view?.customer).toEqual(await store().customers.getById(customer.id));
      expect(view?.assigneeName).toBe('Ari Agent');
      expect(view?.messages.map(({ message }) => message)).toEqual(
        await store().messages.list(conversation.id),
      );
      expect(view?.messages.map(({ authorName }) => authorName)).toEqual([
        null,
        null,
        'Ari Agent',
        'Ari Agent',
      ]);
      await expect(store().conversations.getLiveView(missingId)).resolves.toBeNull();
      await expect(store().conversations.getLiveView('not-a-uuid')).resolves.toBeNull();
    });

    it('reads the live view of a new conversation: no messages, no assignee', async () => {
      const workspace = await buildWorkspace(store());
      const conversation = await buildConversation(store(), workspace);
      const view = await store().conversations.getLiveView(conversation.id);
      expect(view).toMatchObject({ assigneeName: null, messages: [] });
      expect(view?.conversation).toEqual(conversation);
    });

    it('gives each team queue head with the person who last resolved its customer, if recent', async () => {
      const workspace = await buildWorkspace(store());
      const customer = await buildCustomer(store(), workspace);
      const stranger = await buildCustomer(store(), workspace);
      const ari = await buildAgent(store(), workspace);
      const at = (minute: number) => new Date(Date.UTC(2026, 2, 2, 10, minute));
      const earlier = await buildConversation(store(), workspace, { customer });
      await handOver(earlier.id, 'billing', 0, at(0));
      await store().conversations.applyChange(
        earlier.id,
        'queued',
        { state: 'assigned', assigneeId: ari.id },
        assignedEvent(ari.id),
      );
      await store().conversations.applyChange(
        earlier.id,
        'assigned',
        { state: 'resolved', resolution: 'human' },
        agentResolvedEvent(ari.id, at(10)),
      );
      const back = await buildConversation(store(), workspace, { customer });
      await handOver(back.id, 'billing', 0, at(20));
      const other = await buildConversation(store(), workspace, { customer: stranger });
      await handOver(other.id, 'shipping', 0, at(21));

      const heads = await store().queues.heads(workspace.id, ['billing', 'shipping'], at(5));
      const returning = Object.fromEntries(heads.map((head) => [head.id, head.returningAgentId]));
      expect(returning).toEqual({ [back.id]: ari.id, [other.id]: null });
      expect(heads.find((head) => head.id === back.id)).toMatchObject({
        teamKey: 'billing',
        state: 'queued',
      });
      // Resolved before the window began: not returning any more.
      const later = await store().queues.heads(workspace.id, ['billing'], at(11));
      expect(later.map((head) => head.returningAgentId)).toEqual([null]);
    });
  });
};
