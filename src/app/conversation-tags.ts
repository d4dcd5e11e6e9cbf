/**
 * Tags on conversations (src/core/tags): agents tag the conversations they may see and filter the
 * inbox by tag; QA reviewers read tags. Each change is a conversation event, told to the inboxes live.
 */
import type { ConversationSummary } from '../api/schemas.ts';
import { canTagConversations } from '../core/auth/permissions.ts';
import { DomainError } from '../core/errors.ts';
import type { Agent } from '../core/model.ts';
import type { TagChange, WorkspaceTag } from '../core/ports/tags.ts';
import { readTagName } from '../core/tags/tag-name.ts';
import { loadWorkableConversation } from './agent-actions.ts';
import { broadcastConversation } from './broadcast.ts';
import type { AppContext } from './context.ts';
import { summarise } from './inbox-views.ts';

export const listWorkspaceTags = (ctx: AppContext): Promise<WorkspaceTag[]> =>
  ctx.store.tags.list(ctx.workspace.id);

/** The normalised name, or a `tag_invalid` that says what to change. */
export const tagNameOrRefuse = (raw: string): string => {
  const reading = readTagName(raw);
  if (reading.kind === 'invalid') throw new DomainError('tag_invalid', reading.reason);
  return reading.name;
};

/** QA reviewers read tags but do not change them. */
export const ensureMayTag = (agent: Agent): void => {
  if (!canTagConversations(agent)) {
    throw new DomainError(
      'forbidden',
      'Your role (qa) reads tags but does not change them. Ask an agent or a specialist to tag this conversation.',
    );
  }
};

/** Adds (`add`) or takes off a tag; doing what is already so changes nothing and succeeds (PUT/DELETE are idempotent). */
export const changeConversationTag = async (
  ctx: AppContext,
  agent: Agent,
  conversationId: string,
  rawName: string,
  kind: 'add' | 'remove',
): Promise<ConversationSummary> => {
  ensureMayTag(agent);
  const name = tagNameOrRefuse(rawName);
  const conversation = await loadWorkableConversation(ctx, agent, conversationId);
  const input = { workspaceId: ctx.workspace.id, conversationId, name, agentId: agent.id, at: ctx.now() };
  const change: TagChange =
    kind === 'add' ? await ctx.store.tags.add(input) : await ctx.store.tags.remove(input);
  if (change.kind === 'too_many') throw new DomainError('too_many_tags', change.reason);
  if (change.kind === 'not_found') {
    throw new DomainError('conversation_not_found', `No conversation ${conversationId} here. Check the id.`);
  }
  if (change.kind === 'changed') await broadcastConversation(ctx, conversation);
  return summarise(ctx, conversation);
};
