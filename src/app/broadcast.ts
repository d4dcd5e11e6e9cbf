/** Pushes a conversation's latest state to whoever watches it live. */
import type { ConversationSummary } from '../api/schemas.ts';
import type { Conversation, Message } from '../core/model.ts';
import type { AppContext } from './context.ts';
import { conversationTopic, workspaceTopic } from './live-bus.ts';
import { presentConversationSummary, presentMessage } from './presenters.ts';

export const authorNameOf = async (ctx: AppContext, message: Message): Promise<string | null> => {
  if (message.author === 'ai') return 'Baton AI';
  if (message.author === 'agent' && message.authorId)
    return (await ctx.store.agents.getById(message.authorId))?.name ?? null;
  return null;
};

/** A new message: customers see it unless it is an internal note; agents see everything. */
export const broadcastMessage = async (
  ctx: AppContext,
  conversation: Conversation,
  message: Message,
): Promise<void> => {
  const view = presentMessage(message, await authorNameOf(ctx, message));
  if (message.kind !== 'note') {
    ctx.live.publish(conversationTopic(conversation.id), {
      type: 'message',
      conversationId: conversation.id,
      message: view,
    });
  }
  ctx.live.publish(workspaceTopic(conversation.workspaceId), {
    type: 'message',
    conversationId: conversation.id,
    message: view,
  });
};

/** Pushes a conversation's inbox row when the caller already has what it shows (no reads). */
export const publishConversationSummary = (
  ctx: AppContext,
  conversation: Conversation,
  summary: ConversationSummary,
): void => {
  ctx.live.publish(workspaceTopic(conversation.workspaceId), { type: 'conversation', conversation: summary });
  ctx.live.publish(conversationTopic(conversation.id), { type: 'conversation', conversation: summary });
};

export const broadcastConversation = async (ctx: AppContext, conversation: Conversation): Promise<void> => {
  const [customer, messages, assignee] = await Promise.all([
    ctx.store.customers.getById(conversation.customerId),
    ctx.store.messages.list(conversation.id),
    conversation.assigneeId ? ctx.store.agents.getById(conversation.assigneeId) : Promise.resolve(null),
  ]);
  publishConversationSummary(
    ctx,
    conversation,
    presentConversationSummary(conversation, customer, messages, assignee),
  );
};
