/**
 * What agents tell Baton about the AI (SPEC §7), recorded as events for the coaching loop: the
 * one-click escalation verdict on a handed-over conversation, and flags on AI messages (which are
 * also stored as review labels, so flags and reviews feed one set of labels, SPEC §8).
 */
import { labelFromFlag } from '../core/coaching/flag-label.ts';
import { DomainError } from '../core/errors.ts';
import type { AiMessageFlag } from '../core/events/vocabulary.ts';
import type { Agent } from '../core/model.ts';
import { loadWorkableConversation } from './agent-actions.ts';
import type { AppContext } from './context.ts';

export type EscalationVerdict = 'needed' | 'not_needed';
export type { AiMessageFlag } from '../core/events/vocabulary.ts';

export const recordEscalationVerdict = async (
  ctx: AppContext,
  agent: Agent,
  conversationId: string,
  verdict: EscalationVerdict,
): Promise<void> => {
  await loadWorkableConversation(ctx, agent, conversationId);
  const events = await ctx.store.events.list(conversationId);
  const handoff = events.findLast((e) => e.type === 'handed_over');
  if (!handoff) {
    throw new DomainError(
      'invalid_transition',
      'The AI never handed this conversation over, so there is no escalation to judge.',
    );
  }
  // One verdict per handoff: a second one changes it (and says from what); the same one again is a no-op.
  const earlier = events.findLast(
    (e) => e.type === 'escalation_verdict' && e.data.handoffEventId === handoff.id,
  )?.data.verdict;
  const previous = earlier === 'needed' || earlier === 'not_needed' ? earlier : null;
  if (previous === verdict) return;
  await ctx.store.events.append(conversationId, {
    type: 'escalation_verdict',
    actor: { kind: 'agent', id: agent.id },
    data: { verdict, handoffEventId: handoff.id, previous },
  });
};

export const flagAiMessage = async (
  ctx: AppContext,
  agent: Agent,
  conversationId: string,
  messageId: string,
  flag: { readonly kind: AiMessageFlag; readonly correctAnswer?: string | undefined },
): Promise<void> => {
  await loadWorkableConversation(ctx, agent, conversationId);
  const message = (await ctx.store.messages.list(conversationId)).find((m) => m.id === messageId);
  if (!message) throw new DomainError('not_found', `No message ${messageId} in this conversation.`);
  if (message.author !== 'ai')
    throw new DomainError('invalid_input', 'Only the AI’s messages can be flagged.');
  const correctAnswer = flag.correctAnswer?.trim() || null;
  await ctx.store.transaction(async (tx) => {
    await tx.events.append(conversationId, {
      type: 'ai_message_flagged',
      actor: { kind: 'agent', id: agent.id },
      data: { messageId, flag: flag.kind, correctAnswer },
    });
    // The agent's flag on this message is one label: flagging it again changes it.
    await tx.reviews.saveLabel({
      workspaceId: agent.workspaceId,
      conversationId,
      messageId,
      source: 'flag',
      ...labelFromFlag(flag.kind),
      correctAnswer,
      notes: null,
      authorId: agent.id,
      at: ctx.now(),
    });
  });
};
