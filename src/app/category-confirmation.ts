/**
 * Agents confirm (or correct) a conversation's category. Confirmed categories are the workspace's
 * labelled history, which the category model learns from (issue 3, "with history").
 */
import { DomainError } from '../core/errors.ts';
import type { Agent, Conversation } from '../core/model.ts';
import type { Store } from '../core/ports/store.ts';
import { validatePolicy } from '../core/triage/index.ts';
import { loadWorkableConversation } from './agent-actions.ts';
import { broadcastConversation } from './broadcast.ts';
import type { AppContext } from './context.ts';

const HISTORY_TEXT_LIMIT = 1000;

/** The category names of the workspace's current policy. */
export const policyCategoryNames = async (store: Store, workspaceId: string): Promise<string[]> => {
  const current = await store.policies.current(workspaceId);
  const validation = current ? validatePolicy(current.document) : null;
  return validation?.kind === 'valid' ? Object.keys(validation.policy.categories) : [];
};

export const confirmCategory = async (
  ctx: AppContext,
  agent: Agent,
  conversationId: string,
  category: string,
): Promise<Conversation> => {
  const conversation = await loadWorkableConversation(ctx, agent, conversationId);
  const known = await policyCategoryNames(ctx.store, ctx.workspace.id);
  if (!known.includes(category)) {
    throw new DomainError(
      'invalid_input',
      `Unknown category "${category}". Use one of: ${known.join(', ')}.`,
    );
  }
  const text = (await ctx.store.messages.list(conversationId))
    .filter((m) => m.author === 'customer')
    .map((m) => m.body)
    .join('\n')
    .slice(0, HISTORY_TEXT_LIMIT);
  const updated = await ctx.store.conversations.applyChange(
    conversation.id,
    conversation.state,
    { category },
    {
      type: 'category_confirmed',
      actor: { kind: 'agent', id: agent.id },
      data: { category, previous: conversation.category, text },
    },
  );
  if (!updated)
    throw new DomainError('conflict', 'Someone changed this conversation just now. Reload and try again.');
  await broadcastConversation(ctx, updated);
  return updated;
};
