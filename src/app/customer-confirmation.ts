/**
 * The customer confirms that the AI's answer solved their question: the conversation is resolved
 * as the AI's (`resolved` by `ai_confirmed`) at once, instead of after the assumed-resolution window,
 * and the chat asks for a rating. Checked and written under the conversation's lock, so a message
 * the customer sends at the same moment is either before it (nothing to confirm) or reopens it.
 */
import { mayConfirmAnswer } from '../core/conversation/answer-confirmation.ts';
import { transition } from '../core/conversation/lifecycle.ts';
import { DomainError } from '../core/errors.ts';
import type { Conversation } from '../core/model.ts';
import { broadcastConversation } from './broadcast.ts';
import type { AppContext } from './context.ts';

const notConfirmable = (conversation: Conversation): DomainError =>
  new DomainError(
    'invalid_transition',
    conversation.state === 'queued' || conversation.state === 'assigned'
      ? 'A person from our team is looking after this conversation now; they will close it when it is done.'
      : 'There is no answer to confirm yet: wait for the reply to your latest message.',
  );

/** Resolves the conversation as the AI's; a conversation already resolved is left as it is. */
export const confirmAnswered = async (
  ctx: AppContext,
  conversationId: string,
  customerId: string,
): Promise<void> => {
  const changed = await ctx.store.transaction(async (tx) => {
    const locked = await tx.conversations.getForUpdate(conversationId);
    if (!locked || locked.workspaceId !== ctx.workspace.id)
      throw new DomainError('conversation_not_found', `No conversation ${conversationId} here.`);
    if (locked.customerId !== customerId)
      throw new DomainError('forbidden', 'This conversation belongs to someone else.');
    // Pressed twice, or on two tabs: the first press resolved it.
    if (locked.state === 'resolved') return null;
    const latest = (await tx.messages.lastVisibleOf([conversationId])).get(conversationId);
    if (!mayConfirmAnswer(locked.state, latest)) throw notConfirmable(locked);
    const move = transition(locked.state, { kind: 'resolve', resolution: 'ai' });
    if (move.kind === 'rejected') throw notConfirmable(locked);
    const resolved = await tx.conversations.applyChange(
      conversationId,
      { state: locked.state, version: locked.version },
      { state: move.to, resolution: 'ai' },
      {
        type: 'resolved',
        actor: { kind: 'customer', id: customerId },
        data: { by: 'ai_confirmed', resolution: 'ai', teamKey: locked.teamKey },
      },
    );
    if (!resolved) throw new Error('a locked conversation changed under its lock');
    return resolved;
  });
  if (changed) await broadcastConversation(ctx, changed);
};
