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

/** At most this many unread conversations are listed per view (and counted: "1000" means at least). */
const UNREAD_LISTED = 1000;

/** The unread conversations of the views a person works in, and their counts per view and team. */
export const unreadFor = async (ctx: AppContext, agent: Agent): Promise<UnreadView> => {
  const teams = await ctx.store.teams.list(ctx.workspace.id);
  const visible = visibleTeamKeys(
    agent,
    teams.map((team) => team.key),
  );
  // Only the unread ones of each view (id and team, unsorted), so a view longer than its first page
  // still counts them all.
  const list = (view: 'queue' | 'mine' | 'ai') =>
    ctx.store.conversations.keys(
      ctx.workspace.id,
      { ...filterFor(view, agent, visible), unreadBy: agent.id },
      UNREAD_LISTED,
    );
  const [queue, mine, ai] = await Promise.all([list('queue'), list('mine'), list('ai')]);
  const ids = [...new Set([...queue, ...mine, ...ai].map((key) => key.id))];
  const counts = unreadCounts({ queue, mine, ai });
  return { conversationIds: ids, ...counts, teams: { ...counts.teams } };
};
