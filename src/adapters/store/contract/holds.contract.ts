/**
 * Contract: holds on conversations — set and taken off with an event, kept out of the active list,
 * snoozes ended once by the sweep (even by two at the same time), and either hold ended by the
 * customer's next message in its own transaction.
 */
import { describe, expect, it } from 'vitest';
import type { ConversationHold } from '../../../core/conversation/hold.ts';
import type { Conversation, Workspace } from '../../../core/model.ts';
import { handedOverEvent } from './example-events.ts';
import { buildConversation, buildWorkspace, type StoreProvider, systemActor } from './factories.ts';

const at = new Date('2026-03-02T10:00:00.000Z');
const later = (minutes: number) => new Date(at.getTime() + minutes * 60_000);

export const holdsContract = (store: StoreProvider): void => {
  const queued = async (workspace: Workspace): Promise<Conversation> => {
    const conversation = await buildConversation(store(), workspace);
    const moved = await store().conversations.applyChange(
      conversation.id,
      'ai',
      { state: 'queued', teamKey: 'billing' },
      handedOverEvent('billing', at),
    );
    if (!moved) throw new Error('hand-over failed');
    return moved;
  };
  const hold = (conversation: Conversation, value: ConversationHold | null) =>
    store().conversations.applyChange(
      conversation.id,
      { state: conversation.state, version: conversation.version },
      { hold: value },
      value === null
        ? { type: 'hold_ended', actor: systemActor, data: { kind: 'snoozed', reason: 'agent' }, at }
        : {
            type: 'hold_set',
            actor: systemActor,
            data: { kind: value.kind, until: value.kind === 'snoozed' ? value.until.toISOString() : null },
            at,
          },
    );
  const ids = (list: readonly Conversation[]) => list.map((c) => c.id).sort();

  describe('conversation holds', () => {
    it('sets and takes off a hold without moving the version, and lists by hold', async () => {
      const workspace = await buildWorkspace(store());
      const [snoozed, waiting, active] = [
        await queued(workspace),
        await queued(workspace),
        await queued(workspace),
      ];
      const set = await hold(snoozed, { kind: 'snoozed', until: later(30) });
      expect(set).toMatchObject({ hold: { kind: 'snoozed', until: later(30) }, version: snoozed.version });
      expect((await hold(waiting, { kind: 'waiting_on_customer' }))?.hold).toEqual({
        kind: 'waiting_on_customer',
      });
      const list = (hold: 'none' | 'snoozed' | 'waiting_on_customer') =>
        store().conversations.list(workspace.id, { states: ['queued'], hold });
      expect(ids(await list('none'))).toEqual([active.id]);
      expect(ids(await list('snoozed'))).toEqual([snoozed.id]);
      expect(ids(await list('waiting_on_customer'))).toEqual([waiting.id]);
      // Nobody is needed on a held conversation: the team queue's head is the one that waits.
      const heads = await store().queues.heads(workspace.id, ['billing'], at);
      expect(heads.map((head) => head.id)).toEqual([active.id]);
      expect((await store().queues.waitingByTeam(workspace.id)).get('billing')).toBe(1);
      // Open all the same: a team is not deleted from under its held conversations.
      expect((await store().queues.openByTeam(workspace.id)).get('billing')).toBe(3);
      expect(await store().conversations.list(workspace.id, { states: ['queued'] })).toHaveLength(3);

      const off = await hold(waiting, null);
      expect(off?.hold).toBeNull();
      expect((await store().events.list(waiting.id)).map((e) => e.type).slice(-2)).toEqual([
        'hold_set',
        'hold_ended',
      ]);
    });

    it('ends each due snooze once, with an event, even when two sweeps run at once', async () => {
      const workspace = await buildWorkspace(store());
      const due = await queued(workspace);
      const notYet = await queued(workspace);
      await hold(due, { kind: 'snoozed', until: later(5) });
      await hold(notYet, { kind: 'snoozed', until: later(60) });
      const [first, second] = await Promise.all([
        store().conversations.endDueSnoozes(workspace.id, later(10)),
        store().conversations.endDueSnoozes(workspace.id, later(10)),
      ]);
      expect([...first, ...second].map((c) => c.id)).toEqual([due.id]);
      expect((await store().conversations.getById(due.id))?.hold).toBeNull();
      expect((await store().conversations.getById(notYet.id))?.hold).toEqual({
        kind: 'snoozed',
        until: later(60),
      });
      const ended = (await store().events.list(due.id)).filter((e) => e.type === 'hold_ended');
      expect(ended.map((e) => e.data)).toEqual([{ kind: 'snoozed', reason: 'snooze_over' }]);
    });

    it('ends a hold when the customer writes, in the same transaction as the message', async () => {
      const workspace = await buildWorkspace(store());
      const conversation = await queued(workspace);
      await hold(conversation, { kind: 'waiting_on_customer' });
      const stored = await store().messages.appendCustomerMessage({
        workspaceId: workspace.id,
        conversationId: conversation.id,
        customerId: conversation.customerId,
        body: 'Here is the photo you asked for',
        idempotencyKey: null,
      });
      expect(stored).toMatchObject({ kind: 'stored' });
      expect((await store().conversations.getById(conversation.id))?.hold).toBeNull();
      const ended = (await store().events.list(conversation.id)).filter((e) => e.type === 'hold_ended');
      expect(ended.map((e) => e.data)).toEqual([{ kind: 'waiting_on_customer', reason: 'customer_replied' }]);
      // An agent's message does not end a hold: only the customer's word does.
      await hold(conversation, { kind: 'waiting_on_customer' });
      await store().messages.append(
        {
          conversationId: conversation.id,
          author: 'agent',
          authorId: null,
          body: 'Thanks!',
          idempotencyKey: null,
        },
        systemActor,
      );
      expect((await store().conversations.getById(conversation.id))?.hold).toEqual({
        kind: 'waiting_on_customer',
      });
    });
  });
};
