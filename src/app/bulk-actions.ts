/**
 * One action on many conversations (the inbox's selection): each conversation goes through the same
 * use case as its own button — the same permission, compare-and-set and queue pull — in its own
 * transaction, so one that changed meanwhile is refused with the reason it would have been given
 * alone, and the rest still go through. Refusals that hold for every conversation (the role, an
 * agent or team that does not exist) refuse the whole request before anything changes.
 */
import type { BulkRequest, BulkResponse } from '../api/bulk-schemas.ts';
import type { ConversationSummary } from '../api/schemas.ts';
import { DomainError } from '../core/errors.ts';
import type { Agent } from '../core/model.ts';
import { assignableAgent, ensureMayReply, reassign, resolveAsAgent, workspaceTeam } from './agent-actions.ts';
import type { AppContext } from './context.ts';
import { changeConversationTag, ensureMayTag } from './conversation-tags.ts';
import { summarise } from './inbox-views.ts';

const refuseUpFront = async (ctx: AppContext, agent: Agent, request: BulkRequest): Promise<void> => {
  if (request.action === 'tag' || request.action === 'untag') {
    ensureMayTag(agent);
    return;
  }
  ensureMayReply(agent);
  if (request.action === 'assign') await assignableAgent(ctx, request.agentId);
  if (request.action === 'move') await workspaceTeam(ctx, request.teamKey);
};

const actOnOne = async (
  ctx: AppContext,
  agent: Agent,
  request: BulkRequest,
  id: string,
): Promise<ConversationSummary> => {
  switch (request.action) {
    case 'resolve':
      return summarise(ctx, await resolveAsAgent(ctx, agent, id));
    case 'assign':
      return summarise(ctx, await reassign(ctx, agent, id, { agentId: request.agentId }));
    case 'move':
      return summarise(ctx, await reassign(ctx, agent, id, { teamKey: request.teamKey }));
    case 'tag':
    case 'untag':
      return changeConversationTag(ctx, agent, id, request.tag, request.action === 'tag' ? 'add' : 'remove');
  }
};

export const actOnMany = async (
  ctx: AppContext,
  agent: Agent,
  request: BulkRequest,
): Promise<BulkResponse> => {
  await refuseUpFront(ctx, agent, request);
  const results: BulkResponse['results'] = [];
  for (const id of request.conversationIds) {
    try {
      results.push({ id, ok: true, conversation: await actOnOne(ctx, agent, request, id) });
    } catch (error) {
      // A fault of ours (or of the database) stops the run: what was done stays done, each in its own transaction.
      if (!(error instanceof DomainError) || error.isReportable) throw error;
      results.push({ id, ok: false, error: { code: error.code, message: error.message } });
    }
  }
  const done = results.filter((result) => result.ok).length;
  return { results, done, failed: results.length - done };
};
