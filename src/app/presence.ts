/** Collision detection: who else is viewing a conversation (typing is announced with the typing signal). */
import type { Agent } from '../core/model.ts';
import { loadWorkableConversation } from './agent-actions.ts';
import { broadcastPresence } from './broadcast.ts';
import type { AppContext } from './context.ts';

/** Tells the colleagues who may see the conversation that this person is viewing it, or left it. */
export const announcePresence = async (
  ctx: AppContext,
  agent: Agent,
  conversationId: string,
  activity: 'viewing' | 'left',
): Promise<void> => {
  const conversation = await loadWorkableConversation(ctx, agent, conversationId);
  broadcastPresence(ctx, conversation, agent, activity);
};
