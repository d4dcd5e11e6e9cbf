/**
 * Snooze and waiting on the customer (SPEC §2): an agent puts an open conversation on hold, which
 * takes it out of the active views; the sweep ends snoozes whose time came, and the customer's
 * next message ends either hold (the store does that with the message). Each change is recorded.
 */
import { decideHold, type HoldRequest, snoozeReturnsTo } from '../core/conversation/hold.ts';
import { transition } from '../core/conversation/lifecycle.ts';
import { DomainError } from '../core/errors.ts';
import type { Agent, Conversation } from '../core/model.ts';
import type { NewEvent } from '../core/ports/store.ts';
import { ensureMayAct, ensureMayReply, loadWorkableConversation } from './agent-actions.ts';
import { pullQuietly } from './assignment.ts';
import { broadcastConversation } from './broadcast.ts';
import type { AppContext } from './context.ts';

/** Lost races re-read the conversation; past this many, someone keeps changing it. */
const MAX_ATTEMPTS = 3;

const holdEvent = (agent: Agent, current: Conversation, request: HoldRequest, at: Date): NewEvent | null => {
  const actor = { kind: 'agent', id: agent.id } as const;
  if (request.kind === 'none') {
    return current.hold === null
      ? null
      : { type: 'hold_ended', actor, at, data: { kind: current.hold.kind, reason: 'agent' } };
  }
  const until = request.kind === 'snoozed' ? request.until.toISOString() : null;
  return { type: 'hold_set', actor, at, data: { kind: request.kind, until } };
};

/** Snoozes, marks waiting on the customer, or (`none`) takes the hold off. */
export const setHold = async (
  ctx: AppContext,
  agent: Agent,
  conversationId: string,
  request: HoldRequest,
): Promise<Conversation> => {
  ensureMayReply(agent);
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const current = await loadWorkableConversation(ctx, agent, conversationId);
    await ensureMayAct(ctx, agent, current);
    const now = ctx.now();
    const decision = decideHold(current.state, request, now);
    if (decision.kind === 'rejected') throw new DomainError('invalid_transition', decision.reason);
    const event = holdEvent(agent, current, request, now);
    if (event === null) return current;
    const updated = await ctx.store.conversations.applyChange(
      conversationId,
      { state: current.state, version: current.version },
      { hold: decision.hold },
      event,
    );
    if (updated) {
      await broadcastConversation(ctx, updated);
      return updated;
    }
  }
  throw new DomainError('conflict', 'The conversation keeps changing. Reload it and try again.');
};

/**
 * A woken conversation whose assignee is away or gone goes back to its team's queue, where whoever
 * has room takes it (not the assignee it left). Losing a race to someone acting on it leaves it be.
 */
const requeueIfAssigneeAway = async (ctx: AppContext, woken: Conversation): Promise<Conversation> => {
  if (woken.assigneeId === null || woken.teamKey === null) return woken;
  const assignee = await ctx.store.agents.getById(woken.assigneeId);
  if (snoozeReturnsTo(assignee) === 'assignee') return woken;
  const moved = transition(woken.state, { kind: 'requeue', teamKey: woken.teamKey });
  if (moved.kind === 'rejected') return woken;
  const requeued = await ctx.store.conversations.applyChange(
    woken.id,
    { state: woken.state, version: woken.version },
    { state: moved.to, assigneeId: null },
    {
      type: 'requeued',
      actor: { kind: 'system' },
      at: ctx.now(),
      data: { teamKey: woken.teamKey, from: woken.teamKey },
    },
  );
  return requeued ?? woken;
};

/**
 * Ends the snoozes whose time has come: each conversation is back in its assignee's view, or in
 * its team's queue when the assignee is away.
 */
export const wakeSnoozedConversations = async (ctx: AppContext): Promise<number> => {
  const woken = await ctx.store.conversations.endDueSnoozes(ctx.workspace.id, ctx.now());
  for (const conversation of woken) {
    const settled = await requeueIfAssigneeAway(ctx, conversation);
    await broadcastConversation(ctx, settled);
    if (settled.assigneeId === null && conversation.assigneeId !== null && settled.teamKey !== null) {
      await pullQuietly(ctx, [settled.teamKey], {
        conversationId: settled.id,
        agentId: conversation.assigneeId,
      });
    }
  }
  return woken.length;
};
