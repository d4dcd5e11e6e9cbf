/**
 * What an agent does to a conversation: pick up, take over, reply, note, reassign, resolve (SPEC §7).
 * Every change is a compare-and-set on the conversation's state and version, planned against what
 * is there now: of two people acting at once exactly one wins, and the other is told who has it.
 */
import { canReplyToCustomers, canTakeOver, canWorkConversation } from '../core/auth/permissions.ts';
import { type LifecycleCommand, transition } from '../core/conversation/lifecycle.ts';
import { checkMessageText } from '../core/conversation/message-text.ts';
import { DomainError } from '../core/errors.ts';
import type { Agent, Conversation, Message, Team } from '../core/model.ts';
import type { ConversationChange, NewEvent, Store } from '../core/ports/store.ts';
import { assignedEvent, pullQuietly, waitMeasuredEvent } from './assignment.ts';
import { broadcastConversation, broadcastMessage, broadcastPresence, broadcastTyping } from './broadcast.ts';
import type { AppContext } from './context.ts';
import { loadConversation } from './load.ts';

/** Lost races re-plan against the new state; past this many, someone keeps changing it. */
const MAX_ATTEMPTS = 3;

const agentActor = (agent: Agent) => ({ kind: 'agent', id: agent.id }) as const;

const workable = (agent: Agent, conversation: Conversation): Conversation => {
  if (!canWorkConversation(agent, conversation)) {
    throw new DomainError(
      'forbidden',
      'This conversation belongs to a team you are not on. Ask a specialist or ops.',
    );
  }
  return conversation;
};

export const loadWorkableConversation = async (
  ctx: AppContext,
  agent: Agent,
  conversationId: string,
): Promise<Conversation> => workable(agent, await loadConversation(ctx, conversationId));

/** QA reviewers read and judge; replying, picking up, taking over, reassigning and resolving are not theirs. */
export const ensureMayReply = (agent: Agent): void => {
  if (!canReplyToCustomers(agent)) {
    throw new DomainError(
      'forbidden',
      'Your role (qa) reviews conversations: you can add notes, verdicts and flags, but not reply, pick up, reassign or resolve. Ask an agent or a specialist.',
    );
  }
};

/** Someone other than this agent has the conversation. */
const heldByOther = (agent: Agent, conversation: Conversation): boolean =>
  conversation.state === 'assigned' &&
  conversation.assigneeId !== null &&
  conversation.assigneeId !== agent.id;

const alreadyAssigned = async (store: Store, conversation: Conversation): Promise<DomainError> => {
  const holder = conversation.assigneeId ? await store.agents.getById(conversation.assigneeId) : null;
  return new DomainError(
    'already_assigned',
    `${holder?.name ?? 'Another agent'} has this conversation. Ask them to hand it over, or take it over if your role allows.`,
    { assigneeId: conversation.assigneeId, assigneeName: holder?.name ?? null },
  );
};

/** Refuses when someone else holds it and this agent may not take over. */
export const ensureMayAct = async (
  ctx: AppContext,
  agent: Agent,
  conversation: Conversation,
): Promise<void> => {
  if (heldByOther(agent, conversation) && !canTakeOver(agent))
    throw await alreadyAssigned(ctx.store, conversation);
};

interface Plan {
  readonly command: LifecycleCommand;
  readonly change: ConversationChange;
  readonly events: readonly NewEvent[];
}

/** Plans against the latest state and applies only if nobody changed it meanwhile; re-plans after a lost race. */
const changeConversation = async (
  ctx: AppContext,
  agent: Agent,
  conversationId: string,
  plan: (current: Conversation) => Promise<Plan | null>,
): Promise<Conversation> => {
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt += 1) {
    const current = await loadWorkableConversation(ctx, agent, conversationId);
    const planned = await plan(current);
    if (planned === null) return current;
    const result = transition(current.state, planned.command);
    if (result.kind === 'rejected') throw new DomainError('invalid_transition', `You ${result.reason}.`);
    const updated = await ctx.store.conversations.applyChange(
      current.id,
      { state: current.state, version: current.version },
      { ...planned.change, state: result.to },
      planned.events,
    );
    if (updated) {
      await broadcastConversation(ctx, updated);
      return updated;
    }
  }
  throw new DomainError(
    'conflict',
    'Someone else keeps changing this conversation. Reload it and try again.',
  );
};

const assignPlan = async (
  ctx: AppContext,
  current: Conversation,
  assignee: Agent,
  by: Agent,
  takeOver = false,
): Promise<Plan> => {
  const waited = await waitMeasuredEvent(ctx.store, current, ctx.now());
  return {
    command: { kind: 'assign', agentId: assignee.id },
    change: { assigneeId: assignee.id, teamKey: current.teamKey ?? assignee.teamKeys[0] ?? null },
    events: [assignedEvent(current, assignee, by, takeOver), ...(waited ? [waited] : [])],
  };
};

/** Picks the conversation up; 409 `already_assigned` (naming who) when someone else has it. */
export const pickUp = async (
  ctx: AppContext,
  agent: Agent,
  conversationId: string,
): Promise<Conversation> => {
  ensureMayReply(agent);
  const updated = await changeConversation(ctx, agent, conversationId, async (current) => {
    if (current.state === 'assigned' && current.assigneeId === agent.id) return null;
    if (heldByOther(agent, current)) throw await alreadyAssigned(ctx.store, current);
    return assignPlan(ctx, current, agent, agent);
  });
  await ctx.store.agents.markAssigned(agent.id, ctx.now());
  return updated;
};

/** Takes a conversation someone else holds: a specialist's, ops' or admin's explicit, recorded call. */
export const takeOver = async (
  ctx: AppContext,
  agent: Agent,
  conversationId: string,
): Promise<Conversation> => {
  ensureMayReply(agent);
  if (!canTakeOver(agent)) {
    throw new DomainError(
      'forbidden',
      'Only specialists, ops and admins can take over a conversation another agent has. Ask them to reassign it to you.',
    );
  }
  const updated = await changeConversation(ctx, agent, conversationId, async (current) => {
    if (current.state === 'assigned' && current.assigneeId === agent.id) return null;
    return assignPlan(ctx, current, agent, agent, heldByOther(agent, current));
  });
  await ctx.store.agents.markAssigned(agent.id, ctx.now());
  return updated;
};

/**
 * An agent's reply. It is refused on a resolved conversation (only the customer reopens one, SPEC
 * §2) and when someone else has it; a conversation nobody has is picked up with the reply. The
 * check and the message commit together, so a reply never lands after a concurrent resolve.
 */
export const replyAsAgent = async (
  ctx: AppContext,
  agent: Agent,
  conversationId: string,
  text: unknown,
  idempotencyKey: string | null,
): Promise<{ readonly message: Message; readonly created: boolean }> => {
  ensureMayReply(agent);
  const body = checkMessageText(text, ctx.limits.maxMessageChars);
  await loadWorkableConversation(ctx, agent, conversationId);
  const { conversation, result } = await ctx.store.transaction(async (tx) => {
    const locked = await tx.conversations.getForUpdate(conversationId);
    if (!locked) throw new DomainError('conversation_not_found', `No conversation ${conversationId} here.`);
    let current = workable(agent, locked);
    if (current.state === 'resolved') {
      throw new DomainError(
        'invalid_transition',
        'This conversation is resolved; it reopens when the customer writes again.',
      );
    }
    if (heldByOther(agent, current)) throw await alreadyAssigned(tx, current);
    if (current.state !== 'assigned') {
      const waited = await waitMeasuredEvent(tx, current, ctx.now());
      const assigned = await tx.conversations.applyChange(
        current.id,
        { state: current.state, version: current.version },
        { state: 'assigned', assigneeId: agent.id, teamKey: current.teamKey ?? agent.teamKeys[0] ?? null },
        [assignedEvent(current, agent, agent), ...(waited ? [waited] : [])],
      );
      if (!assigned) throw new Error('a locked conversation changed under its lock');
      await tx.agents.markAssigned(agent.id, ctx.now());
      current = assigned;
    }
    const appended = await tx.messages.append(
      { conversationId, author: 'agent', authorId: agent.id, body, idempotencyKey },
      agentActor(agent),
    );
    return { conversation: current, result: appended };
  });
  if (result.created) {
    await broadcastMessage(ctx, conversation, result.message);
    await broadcastConversation(ctx, conversation);
  }
  return result;
};

/**
 * The agent is writing a reply: the customer's chat shows "<name> is typing…". Only someone who
 * could send that reply signals it (never a note's author, never QA, never a colleague of the holder).
 */
export const signalAgentTyping = async (
  ctx: AppContext,
  agent: Agent,
  conversationId: string,
): Promise<void> => {
  ensureMayReply(agent);
  const conversation = await loadWorkableConversation(ctx, agent, conversationId);
  // Colleagues see who is writing here (collision detection), even someone who does not hold it.
  broadcastPresence(ctx, conversation, agent, 'typing');
  if (conversation.state === 'resolved' || heldByOther(agent, conversation)) return;
  broadcastTyping(ctx, conversation, 'agent');
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
  ensureMayReply(agent);
  const resolved = await changeConversation(ctx, agent, conversationId, async (current) => {
    await ensureMayAct(ctx, agent, current);
    return {
      command: { kind: 'resolve', resolution: 'human' },
      change: { resolution: 'human' },
      events: [
        {
          type: 'resolved',
          actor: agentActor(agent),
          data: { by: 'agent', resolution: 'human', agentId: agent.id, teamKey: current.teamKey },
        },
      ],
    };
  });
  // A chat slot came free: the queue's next customer gets it.
  await pullQuietly(ctx, [...agent.teamKeys, ...(resolved.teamKey ? [resolved.teamKey] : [])]);
  return resolved;
};

/** The active person of this workspace a conversation can be given to (404 otherwise). */
export const assignableAgent = async (ctx: AppContext, agentId: string): Promise<Agent> => {
  const assignee = await ctx.store.agents.getById(agentId);
  if (!assignee || assignee.workspaceId !== ctx.workspace.id || !assignee.active) {
    throw new DomainError(
      'not_found',
      `No agent ${agentId} in this workspace. Pick someone from the team list.`,
    );
  }
  return assignee;
};

/** The workspace's team of this key (404 naming the teams there are). */
export const workspaceTeam = async (ctx: AppContext, teamKey: string | undefined): Promise<Team> => {
  const teams = await ctx.store.teams.list(ctx.workspace.id);
  const team = teams.find((t) => t.key === teamKey);
  if (!team) {
    throw new DomainError(
      'not_found',
      `No team "${teamKey}". Teams here: ${teams.map((t) => t.key).join(', ')}.`,
    );
  }
  return team;
};

/** Hands the conversation to another agent, or back to a team's queue. */
export const reassign = async (
  ctx: AppContext,
  agent: Agent,
  conversationId: string,
  target: { readonly agentId?: string | undefined; readonly teamKey?: string | undefined },
): Promise<Conversation> => {
  ensureMayReply(agent);
  if (target.agentId) {
    const assignee = await assignableAgent(ctx, target.agentId);
    const updated = await changeConversation(ctx, agent, conversationId, async (current) => {
      await ensureMayAct(ctx, agent, current);
      return assignPlan(ctx, current, assignee, agent);
    });
    await ctx.store.agents.markAssigned(assignee.id, ctx.now());
    await pullQuietly(ctx, agent.teamKeys);
    return updated;
  }
  const team = await workspaceTeam(ctx, target.teamKey);
  let heldBy: string | null = null;
  const requeued = await changeConversation(ctx, agent, conversationId, async (current) => {
    await ensureMayAct(ctx, agent, current);
    heldBy = current.assigneeId;
    return {
      command: { kind: 'requeue', teamKey: team.key },
      change: { teamKey: team.key, assigneeId: null },
      events: [
        { type: 'requeued', actor: agentActor(agent), data: { teamKey: team.key, from: current.teamKey } },
      ],
    };
  });
  // Queued again: whoever has room takes it, except the person it was just taken from.
  await pullQuietly(
    ctx,
    [team.key, ...agent.teamKeys],
    heldBy ? { conversationId: requeued.id, agentId: heldBy } : null,
  );
  return requeued;
};

/** Sets the agent available or away; coming back pulls the oldest waiting customers of their teams. */
export const setAgentStatus = async (
  ctx: AppContext,
  agent: Agent,
  status: Agent['status'],
): Promise<Agent> => {
  const updated = await ctx.store.agents.setStatus(agent.id, status);
  if (status === 'available') await pullQuietly(ctx, updated.teamKeys);
  return updated;
};
