/**
 * Announces a conversation's changes to whoever watches it live. Only ids go out to other
 * processes (live-bus.ts); each process's live feed reads what its subscribers see, unless the
 * writer here handed it what it wrote. Announcing a message and then its
 * conversation in the same breath costs one notification: the bus merges them.
 */
import type { Agent, Conversation, Customer, Message } from '../core/model.ts';
import type { AppContext } from './context.ts';
import type { LiveSignal } from './live-bus.ts';

/** A streamed piece must fit a PostgreSQL notification (under 8000 bytes) with room for the ids. */
const MAX_STREAMED_DELTA_CHARS = 1500;

export const authorNameOf = async (
  ctx: Pick<AppContext, 'store'>,
  message: Message,
): Promise<string | null> =>
  shownAuthorName(
    message,
    message.author === 'agent' && message.authorId
      ? ((await ctx.store.agents.getById(message.authorId))?.name ?? null)
      : null,
  );

/** The name shown beside a message, given its agent's name when an agent wrote it. */
export const shownAuthorName = (message: Message, agentName: string | null): string | null => {
  if (message.author === 'ai') return 'Baton AI';
  return message.author === 'agent' ? agentName : null;
};

/** A new message: customers see it unless it is an internal note; agents see everything. */
export const broadcastMessage = async (
  ctx: AppContext,
  conversation: Conversation,
  message: Message,
): Promise<void> => {
  ctx.live.publish({
    workspaceId: conversation.workspaceId,
    conversationId: conversation.id,
    messageIds: [message.id],
    conversationChanged: false,
    typing: null,
  });
};

/**
 * A new message and the conversation it changed, as just written (the message is the newest):
 * watchers in this process are shown them without a read. An agent's name is not at hand (the
 * author's or the assignee's), so for an agent's message or a conversation an agent holds the feed
 * reads.
 */
export const broadcastWritten = (
  ctx: AppContext,
  written: { conversation: Conversation; customer: Customer | null; message: Message },
): void => {
  const { conversation, customer, message } = written;
  ctx.live.publish({
    workspaceId: conversation.workspaceId,
    conversationId: conversation.id,
    messageIds: [message.id],
    conversationChanged: true,
    typing: null,
    ...(conversation.assigneeId === null && message.author !== 'agent'
      ? { written: { conversation, customer, assigneeName: null, messages: [{ message, authorName: null }] } }
      : {}),
  });
};

/** The conversation changed (state, assignee, category, latest message): watchers see its summary again. */
export const broadcastConversation = async (ctx: AppContext, conversation: Conversation): Promise<void> => {
  ctx.live.publish({
    workspaceId: conversation.workspaceId,
    conversationId: conversation.id,
    messageIds: [],
    conversationChanged: true,
    typing: null,
  });
};

/** A signal about the conversation that changes nothing stored (typing, a draft growing, presence). */
const publishSignal = (
  ctx: AppContext,
  conversation: Conversation,
  signal: Partial<Pick<LiveSignal, 'typing' | 'draftDelta' | 'presence'>>,
): void => {
  ctx.live.publish({
    workspaceId: conversation.workspaceId,
    conversationId: conversation.id,
    messageIds: [],
    conversationChanged: false,
    typing: null,
    ...signal,
  });
};

/** Someone started writing a reply (the customer's chat shows "typing…"). */
export const broadcastTyping = (
  ctx: AppContext,
  conversation: Conversation,
  author: 'ai' | 'agent',
): void => {
  publishSignal(ctx, conversation, { typing: author });
};

/**
 * More of the AI's answer as it is written (already checked against its sources); the customer's
 * chat shows it growing until the stored message replaces it. A piece too long for one
 * notification is not streamed: the whole answer arrives with the stored message anyway.
 */
export const broadcastDraftDelta = (ctx: AppContext, conversation: Conversation, delta: string): void => {
  if (delta.length === 0 || delta.length > MAX_STREAMED_DELTA_CHARS) return;
  publishSignal(ctx, conversation, { draftDelta: delta });
};

/** A colleague is viewing or writing in the conversation, or left it: other staff see it, never the customer. */
export const broadcastPresence = (
  ctx: AppContext,
  conversation: Conversation,
  agent: Agent,
  activity: 'viewing' | 'typing' | 'left',
): void => {
  publishSignal(ctx, conversation, {
    presence: { agentId: agent.id, agentName: agent.name, activity, teamKey: conversation.teamKey },
  });
};
