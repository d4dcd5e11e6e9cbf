/** Automatic assignment after a handoff: the least-loaded available agent of the team (SPEC §7). */
import { chooseAgent } from '../core/assignment/index.ts';
import type { Conversation } from '../core/model.ts';
import { assignTo } from './agent-actions.ts';
import type { AppContext } from './context.ts';

export const autoAssign = async (
  ctx: AppContext,
  conversation: Conversation,
): Promise<Conversation | null> => {
  if (conversation.state !== 'queued' || !conversation.teamKey) return null;
  const [agents, openCounts] = await Promise.all([
    ctx.store.agents.list(ctx.workspace.id),
    ctx.store.conversations.countOpenByAssignee(ctx.workspace.id),
  ]);
  const chosen = chooseAgent(agents, openCounts, conversation.teamKey, ctx.now());
  if (!chosen) return null;
  try {
    return await assignTo(ctx, conversation, chosen, 'system');
  } catch (error) {
    // Another process or agent picked it up first: the conversation is handled either way.
    ctx.reportError(error, { conversationId: conversation.id, during: 'auto_assign' });
    return null;
  }
};
