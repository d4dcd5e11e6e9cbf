/**
 * Fair queues (SPEC §7): when someone has room, the conversation that has waited longest at the
 * highest priority goes first, across the teams being pulled for. A new handoff joins the back of
 * its priority; it never jumps the customers who were promised a wait before it. A returning
 * customer goes back to the person who last resolved their conversation when that person is on the
 * team, available and has room (they know the case); otherwise to whoever the team's rule picks.
 */
import type { Conversation } from '../model.ts';
import { type AssignableAgent, chooseAgent, type OpenCounts } from './choose-agent.ts';

export type QueuedConversation = Pick<
  Conversation,
  'id' | 'teamKey' | 'priority' | 'queuedAt' | 'createdAt'
> & {
  /** Who last resolved a conversation of this customer, recently; null when nobody did. */
  readonly returningAgentId?: string | null;
};

/** The queue order: highest priority first, then the longest waiting (joined the queue earliest). */
export const byQueueOrder = (a: QueuedConversation, b: QueuedConversation): number =>
  b.priority - a.priority ||
  (a.queuedAt ?? a.createdAt).getTime() - (b.queuedAt ?? b.createdAt).getTime() ||
  a.id.localeCompare(b.id);

/** A conversation an agent just sent back to the queue is not handed straight back to them. */
export interface SentBack {
  readonly conversationId: string;
  readonly agentId: string;
}

/** The next (conversation, agent) pair to assign, or null when no queued conversation has anyone with room. */
export const nextAssignment = <C extends QueuedConversation, A extends AssignableAgent>(
  queued: readonly C[],
  agents: readonly A[],
  openCounts: OpenCounts,
  now: Date,
  sentBack: SentBack | null = null,
): { readonly conversation: C; readonly agent: A } | null => {
  for (const conversation of [...queued].sort(byQueueOrder)) {
    if (conversation.teamKey === null) continue;
    const eligible =
      sentBack?.conversationId === conversation.id ? agents.filter((a) => a.id !== sentBack.agentId) : agents;
    const returning = eligible.filter((a) => a.id === conversation.returningAgentId);
    const agent =
      chooseAgent(returning, openCounts, conversation.teamKey, now) ??
      chooseAgent(eligible, openCounts, conversation.teamKey, now);
    if (agent) return { conversation, agent };
  }
  return null;
};
