/** Loading helpers that turn "not there" into the error a caller can act on. */
import { DomainError } from '../core/errors.ts';
import type { Conversation } from '../core/model.ts';
import type { AppContext } from './context.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const isUuid = (value: string): boolean => UUID.test(value);

export const loadConversation = async (ctx: AppContext, conversationId: string): Promise<Conversation> => {
  const conversation = isUuid(conversationId) ? await ctx.store.conversations.getById(conversationId) : null;
  if (!conversation || conversation.workspaceId !== ctx.workspace.id) {
    throw new DomainError(
      'conversation_not_found',
      `No conversation ${conversationId} here. Check the id, or start a new conversation.`,
    );
  }
  return conversation;
};
