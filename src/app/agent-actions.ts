/** What an agent does to a conversation: pick up, reply, note, reassign, resolve (SPEC §7). */
import { canWorkConversation } from '../core/auth/permissions.ts';
import { type LifecycleCommand, transition } from '../core/conversation/lifecycle.ts';
import { checkMessageText } from '../core/conversation/message-text.ts';
import { DomainError } from '../core/errors.ts';
import type { Agent, Conversation, Message } from '../core/model.ts';
import type { ConversationChange, NewEvent } from '../core/ports/store.ts';
import { broadcastConversation, broadcastMessage } from './broadcast.ts';
import type { AppContext } from './context.ts';
import { loadConversation } from './load.ts';

const agentActor = (agent: Agent) => ({ kind: 'agent', id: agent.id }) as const;

export const loadWorkableConversation = async (
  ctx: AppContext,
  agent: Agent,
  conversationId: string,
): Promise<Conversation> => {
  const conversation = await loadConversation(ctx, conversationId);
  if (!canWorkConversation(agent, conversation)) {
    throw new DomainError(
      'forbidden',
      'This conversation belongs to a team you are not on. Ask a specialist or ops.',
    );
  }
  return conversation;
};

/** Moves the conversation with a lifecycle command; a concurrent change is reported as a conflict. */
const move = async (
  ctx: AppContext,
  conversation: Conversation,
  command: LifecycleCommand,
  change: ConversationChange,
  event: NewEvent,
): Promise<Conversation> => {
  const result = transition(conversation.state, command);
  if (result.kind === 'rejected') {
    throw new DomainError('invalid_transition', `You ${result.reason}.`);
  }
  const updated = await ctx.store.conversations.applyChange(
    conversation.id,
    conversation.state,
    { ...change, state: result.to },
    event,
  );
  if (!updated) {
    throw new DomainError(
      'conflict',
      'Someone else changed this conversation just now. Reload it and try again.',
    );
  }
  await broadcastConversation(ctx, updated);
  return updated;
};

export const assignTo = async (
  ctx: AppContext,
  conversation: Conversation,
  assignee: Agent,
  by: Agent | 'system',
): Promise<Conversation> => {
  const updated = await move(
    ctx,
    conversation,
    { kind: 'assign', agentId: assignee.id },
    { assigneeId: assignee.id, teamKey: conversation.teamKey ?? assignee.teamKeys[0] ?? null },
    {
      type: 'assigned',
      actor: by === 'system' ? { kind: 'system' } : agentActor(by),
      data: {
        agentId: assignee.id,
        teamKey: conversation.teamKey,
        previousAssigneeId: conversation.assigneeId,
      },
    },
  );
  await ctx.store.agents.markAssigned(assignee.id, ctx.now());
  if (conversation.state === 'queued') await recordActualWait(ctx, conversation.id);
  return updated;
};

/**
 * The customer's actual wait from handoff to first pick-up, beside the wait they were promised
 * (SPEC §6), so the estimate's accuracy is a metric.
 */
const recordActualWait = async (ctx: AppContext, conversationId: string): Promise<void> => {
  const events = await ctx.store.events.list(conversationId);
  const handoff = events.findLast((e) => e.type === 'handed_over');
  if (!handoff) return;
  const measuredAlready = events.some((e) => e.type === 'wait_measured' && e.at >= handoff.at);
  if (measuredAlready) return;
  const promised = handoff.data.waitMinutes;
  await ctx.store.events.append(conversationId, {
    type: 'wait_measured',
    actor: { kind: 'system' },
    data: {
      teamKey: handoff.data.teamKey ?? null,
      promisedMinutes: typeof promised === 'number' ? promised : null,
      actualMinutes: Math.max(0, (ctx.now().getTime() - handoff.at.getTime()) / 60_000),
    },
  });
};

export const pickUp = async (ctx: AppContext, agent: Agent, conversationId: string): Promise<Conversation> =>
  assignTo(ctx, await loadWorkableConversation(ctx, agent, conversationId), agent, agent);

/** An agent's reply; replying to an unassigned conversation picks it up first. */
export const replyAsAgent = async (
  ctx: AppContext,
  agent: Agent,
  conversationId: string,
  text: unknown,
  idempotencyKey: string | null,
): Promise<{ readonly message: Message; readonly created: boolean }> => {
  const body = checkMessageText(text, ctx.limits.maxMessageChars);
  let conversation = await loadWorkableConversation(ctx, agent, conversationId);
  if (conversation.state === 'resolved') {
    throw new DomainError(
      'invalid_transition',
      'This conversation is resolved; it reopens when the customer writes again.',
    );
  }
  if (conversation.assigneeId !== agent.id && conversation.assigneeId === null) {
    conversation = await assignTo(ctx, conversation, agent, agent);
  }
  const result = await ctx.store.messages.append(
    { conversationId, author: 'agent', authorId: agent.id, body, idempotencyKey },
    agentActor(agent),
  );
  if (result.created) {
    await broadcastMessage(ctx, conversation, result.message);
    await broadcastConversation(ctx, conversation);
  }
  return result;
};

export const addInternalNote = async (
  ctx: AppContext,
  agent: Agent,
  conversationId: string,
  text: unknown,
): Promise<Message> => {
  const body = checkMessageText(text, ctx.limits.maxMessageChars);
  const conversation = await loadWorkableConversation(ctx, agent, conversationId);
  const { message } = await ctx.store.messages.append(
    { conversationId, author: 'agent', authorId: agent.id, kind: 'note', body },
    agentActor(agent),
  );
  await broadcastMessage(ctx, conversation, message);
  return message;
};

export const resolveAsAgent = async (
  ctx: AppContext,
  agent: Agent,
  conversationId: string,
): Promise<Conversation> => {
  const conversation = await loadWorkableConversation(ctx, agent, conversationId);
  return move(
    ctx,
    conversation,
    { kind: 'resolve', resolution: 'human' },
    { resolution: 'human' },
    {
      type: 'resolved',
      actor: agentActor(agent),
      data: { resolution: 'human', teamKey: conversation.teamKey },
    },
  );
};

/** Hands the conversation to another agent, or back to a team's queue. */
export const reassign = async (
  ctx: AppContext,
  agent: Agent,
  conversationId: string,
  target: { readonly agentId?: string | undefined; readonly teamKey?: string | undefined },
): Promise<Conversation> => {
  const conversation = await loadWorkableConversation(ctx, agent, conversationId);
  if (target.agentId) {
    const assignee = await ctx.store.agents.getById(target.agentId);
    if (!assignee || assignee.workspaceId !== ctx.workspace.id) {
      throw new DomainError(
        'not_found',
        `No agent ${target.agentId} in this workspace. Pick someone from the team list.`,
      );
    }
    return assignTo(ctx, conversation, assignee, agent);
  }
  const teams = await ctx.store.teams.list(ctx.workspace.id);
  const team = teams.find((t) => t.key === target.teamKey);
  if (!team) {
    throw new DomainError(
      'not_found',
      `No team "${target.teamKey}". Teams here: ${teams.map((t) => t.key).join(', ')}.`,
    );
  }
  return move(
    ctx,
    conversation,
    { kind: 'requeue', teamKey: team.key },
    { teamKey: team.key, assigneeId: null },
    { type: 'requeued', actor: agentActor(agent), data: { teamKey: team.key, from: conversation.teamKey } },
  );
};

export const setAgentStatus = async (
  ctx: AppContext,
  agent: Agent,
  status: Agent['status'],
): Promise<Agent> => {
  const updated = await ctx.store.agents.setStatus(agent.id, status);
  return updated;
};
