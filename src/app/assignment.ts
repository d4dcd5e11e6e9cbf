/**
 * Fair automatic assignment (SPEC §7): whenever someone may have room — a handoff joined a queue,
 * an agent became available, resolved or handed something on — the longest-waiting conversation of
 * the highest priority in the teams concerned goes to the least-loaded available agent, one at a
 * time, until nobody has room. A customer back within the recontact window goes to the person who
 * last resolved their conversation when that person has room. A workspace-wide lock makes
 * concurrent pulls take turns, so an agent is never given more than their capacity and no
 * conversation is assigned twice.
 */
import { nextAssignment, type SentBack } from '../core/assignment/index.ts';
import { DEFAULT_RECONTACT_WINDOW_MS } from '../core/conversation/recontact.ts';
import type { Agent, Conversation } from '../core/model.ts';
import type { NewEvent, Store } from '../core/ports/store.ts';
import { broadcastConversation } from './broadcast.ts';
import type { AppContext } from './context.ts';

/** More than any team has agents' free slots at once; a bound so a pull always ends. */
const MAX_ASSIGNMENTS_PER_PULL = 50;

/**
 * The customer's actual wait from joining the queue to the pick-up, beside the wait they were
 * promised at the handoff (SPEC §6), so the estimate's accuracy is a metric.
 */
export const waitMeasuredEvent = async (
  tx: Store,
  conversation: Conversation,
  now: Date,
): Promise<NewEvent | null> => {
  if (conversation.state !== 'queued') return null;
  const events = await tx.events.list(conversation.id);
  const handoff = events.findLast((e) => e.type === 'handed_over' || e.type === 'requeued');
  if (!handoff || events.some((e) => e.type === 'wait_measured' && e.at >= handoff.at)) return null;
  const joined = conversation.queuedAt ?? handoff.at;
  const promised = handoff.type === 'handed_over' ? handoff.data.waitMinutes : null;
  return {
    type: 'wait_measured',
    actor: { kind: 'system' },
    data: {
      teamKey: handoff.data.teamKey ?? conversation.teamKey,
      promisedMinutes: typeof promised === 'number' ? promised : null,
      actualMinutes: Math.max(0, (now.getTime() - joined.getTime()) / 60_000),
    },
  };
};

export const assignedEvent = (
  conversation: Conversation,
  assignee: Agent,
  by: Agent | 'system',
  takeOver = false,
): NewEvent => ({
  type: 'assigned',
  actor: by === 'system' ? { kind: 'system' } : { kind: 'agent', id: by.id },
  data: {
    agentId: assignee.id,
    teamKey: conversation.teamKey ?? assignee.teamKeys[0] ?? null,
    previousAssigneeId: conversation.assigneeId,
    ...(takeOver ? { takeOver: true } : {}),
  },
});

/**
 * One assignment; `contended` when a person took the chosen conversation meanwhile (try again),
 * null when no queued conversation of these teams has anyone with room.
 */
const assignNext = (
  ctx: AppContext,
  teamKeys: readonly string[],
  sentBack: SentBack | null,
): Promise<Conversation | 'contended' | null> =>
  ctx.store.transaction(async (tx) => {
    await tx.queues.lock(ctx.workspace.id);
    const now = ctx.now();
    const heads = await tx.queues.heads(
      ctx.workspace.id,
      teamKeys,
      new Date(now.getTime() - DEFAULT_RECONTACT_WINDOW_MS),
    );
    if (heads.length === 0) return null;
    const agents = await tx.agents.list(ctx.workspace.id);
    const openCounts = await tx.conversations.countOpenByAssignee(ctx.workspace.id);
    const next = nextAssignment(heads, agents, openCounts, now, sentBack);
    if (!next) return null;
    const { conversation, agent } = next;
    const waited = await waitMeasuredEvent(tx, conversation, now);
    const assigned = await tx.conversations.applyChange(
      conversation.id,
      { state: 'queued', version: conversation.version },
      { state: 'assigned', assigneeId: agent.id, teamKey: conversation.teamKey },
      [assignedEvent(conversation, agent, 'system'), ...(waited ? [waited] : [])],
    );
    // Only a person acting on the conversation outside the lock can change it under us.
    if (!assigned) return 'contended';
    await tx.agents.markAssigned(agent.id, now);
    return assigned;
  });

/** Assigns queued conversations of these teams while someone has room; returns what it assigned. */
export const pullQueuedConversations = async (
  ctx: AppContext,
  teamKeys: readonly string[],
  sentBack: SentBack | null = null,
): Promise<Conversation[]> => {
  const assigned: Conversation[] = [];
  for (let i = 0; i < MAX_ASSIGNMENTS_PER_PULL; i += 1) {
    const next = await assignNext(ctx, teamKeys, sentBack);
    if (next === null) break;
    if (next === 'contended') continue;
    assigned.push(next);
    await broadcastConversation(ctx, next);
  }
  return assigned;
};

/** A pull whose failure is reported, not thrown: the action that triggered it has already succeeded. */
export const pullQuietly = async (
  ctx: AppContext,
  teamKeys: readonly string[],
  sentBack: SentBack | null = null,
): Promise<void> => {
  try {
    await pullQueuedConversations(ctx, teamKeys, sentBack);
  } catch (error) {
    ctx.reportError(error, { during: 'assignment', teamKeys });
  }
};
