/** Unread markers: what each person has read, and what is new for them in the inbox's views. */
import type { UnreadView } from '../api/unread-schemas.ts';
import { visibleTeamKeys } from '../core/auth/permissions.ts';
import { unreadCounts } from '../core/inbox/unread-counts.ts';
import type { Agent } from '../core/model.ts';
import { loadWorkableConversation } from './agent-actions.ts';
import type { AppContext } from './context.ts';
import { filterFor } from './inbox-views.ts';

/** The person opened the conversation: everything in it so far is read (404 when not theirs to see). */
export const markConversationRead = async (
  ctx: AppContext,
  agent: Agent,
  conversationId: string,
): Promise<void> => {
  const conversation = await loadWorkableConversation(ctx, agent, conversationId);
  await ctx.store.readMarks.markRead(agent.id, conversation.id);
};

/** The unread conversations of the views a person works in, and their counts per view and team. */
export const unreadFor = async (ctx: AppContext, agent: Agent): Promise<UnreadView> => {
  const teams = await ctx.store.teams.list(ctx.workspace.id);
  const visible = visibleTeamKeys(
    agent,
    teams.map((team) => team.key),
  );
  const list = (view: 'queue' | 'mine' | 'ai') =>
    ctx.store.conversations.list(ctx.workspace.id, filterFor(view, agent, visible, visible));
  const [queue, mine, ai] = await Promise.all([list('queue'), list('mine'), list('ai')]);
  const ids = [...new Set([...queue, ...mine, ...ai].map((conversation) => conversation.id))];
  const unread = await ctx.store.readMarks.unreadAmong(agent.id, ids);
  const counts = unreadCounts({ queue, mine, ai }, unread);
  return { conversationIds: ids.filter((id) => unread.has(id)), ...counts, teams: { ...counts.teams } };
};
