/**
 * Snooze and waiting on the customer (SPEC §2): an agent puts an open conversation on hold, which
 * takes it out of the active views; the sweep ends snoozes whose time came, and the customer's
 * next message ends either hold (the store does that with the message). Each change is recorded.
 */
import { decideHold, type HoldRequest } from '../core/conversation/hold.ts';
import { DomainError } from '../core/errors.ts';
import type { Agent, Conversation } from '../core/model.ts';
import type { NewEvent } from '../core/ports/store.ts';
import { ensureMayAct, ensureMayReply, loadWorkableConversation } from './agent-actions.ts';
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

/** Ends the snoozes whose time has come: each conversation is back in its assignee's or team's view. */
export const wakeSnoozedConversations = async (ctx: AppContext): Promise<number> => {
  const woken = await ctx.store.conversations.endDueSnoozes(ctx.workspace.id, ctx.now());
  for (const conversation of woken) await broadcastConversation(ctx, conversation);
  return woken.length;
};
