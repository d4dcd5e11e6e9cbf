/**
 * Canned replies: ops and admins keep each team's saved replies; agents pick one of their teams'
 * replies with the customer's name and the conversation's lookup facts filled in.
 */
import { canChangePolicy, visibleTeamKeys } from '../core/auth/permissions.ts';
import {
  fillReply,
  knownPlaceholders,
  type LookupShape,
  placeholderValues,
  unknownPlaceholders,
} from '../core/canned-replies/placeholders.ts';
import { DomainError } from '../core/errors.ts';
import type { LookupOutcome } from '../core/handoff/lookup-outcome.ts';
import type { Agent } from '../core/model.ts';
import type { CannedReply } from '../core/ports/store.ts';
import { loadWorkableConversation } from './agent-actions.ts';
import type { AppContext } from './context.ts';

export interface CannedReplyInput {
  readonly teamKey: string;
  readonly title: string;
  readonly body: string;
}

export interface CannedReplyView {
  readonly id: string;
  readonly teamKey: string;
  readonly title: string;
  readonly body: string;
  /** With a conversation: the body with what it knows filled in, and the placeholders left to fill. */
  readonly text: string;
  readonly unfilled: readonly string[];
  readonly updatedAt: string;
}

const mayManage = (agent: Agent): void => {
  if (!canChangePolicy(agent)) {
    throw new DomainError('forbidden', 'Only ops and admins manage canned replies.');
  }
};

/** Refuses an unknown team or an unknown placeholder, saying which and what may be used instead. */
const checked = async (ctx: AppContext, input: CannedReplyInput, shapes: readonly LookupShape[]) => {
  const teams = (await ctx.store.teams.list(ctx.workspace.id)).map((t) => t.key);
  if (!teams.includes(input.teamKey)) {
    throw new DomainError(
      'invalid_input',
      `There is no team ${input.teamKey}: use one of ${teams.join(', ')}.`,
      {
        field: 'teamKey',
      },
    );
  }
  const known = knownPlaceholders(shapes);
  const unknown = unknownPlaceholders(`${input.title}\n${input.body}`, known);
  if (unknown.length > 0) {
    throw new DomainError(
      'invalid_input',
      `Unknown placeholder${unknown.length > 1 ? 's' : ''} ${unknown.map((p) => `{{${p}}}`).join(', ')}: ` +
        `use one of ${[...known].map((p) => `{{${p}}}`).join(', ')}.`,
      { field: 'body', unknown, known: [...known] },
    );
  }
};

const view = (reply: CannedReply, values: Readonly<Record<string, string>>): CannedReplyView => {
  const filled = fillReply(reply.body, values);
  return {
    id: reply.id,
    teamKey: reply.teamKey,
    title: reply.title,
    body: reply.body,
    text: filled.text,
    unfilled: filled.unfilled,
    updatedAt: reply.updatedAt.toISOString(),
  };
};

/** The conversation's lookups as recorded, oldest first (a later one of the same name wins). */
const lookupsOf = async (ctx: AppContext, conversationId: string): Promise<LookupOutcome[]> =>
  (await ctx.store.events.list(conversationId))
    .filter((e) => e.type === 'lookup_completed')
    .map((e) => ({
      name: String(e.data.name),
      label: String(e.data.label),
      inputs: {},
      status: e.data.status === 'ok' ? 'ok' : 'failed',
      fields: Array.isArray(e.data.fields)
        ? e.data.fields.flatMap((f: unknown) =>
            typeof f === 'object' && f !== null && 'label' in f && 'value' in f
              ? [{ label: String(f.label), value: String(f.value) }]
              : [],
          )
        : [],
      error: null,
      latencyMs: 0,
    }));

/**
 * The replies of the agent's teams (the conversation's team first), filled for the conversation
 * when one is given.
 */
export const cannedRepliesFor = async (
  ctx: AppContext,
  agent: Agent,
  conversationId: string | undefined,
): Promise<CannedReplyView[]> => {
  const teams = visibleTeamKeys(
    agent,
    (await ctx.store.teams.list(ctx.workspace.id)).map((t) => t.key),
  );
  const replies = await ctx.store.cannedReplies.list(ctx.workspace.id, teams);
  if (conversationId === undefined) return replies.map((r) => view(r, {}));
  const conversation = await loadWorkableConversation(ctx, agent, conversationId);
  const [customer, lookups] = await Promise.all([
    ctx.store.customers.getById(conversation.customerId),
    lookupsOf(ctx, conversationId),
  ]);
  const values = placeholderValues({
    customer: { name: customer?.name ?? null, email: customer?.email ?? null },
    agent: { name: agent.name },
    lookups,
  });
  const own = (r: CannedReply) => (r.teamKey === conversation.teamKey ? 0 : 1);
  return [...replies].sort((a, b) => own(a) - own(b)).map((r) => view(r, values));
};

export const createCannedReply = async (
  ctx: AppContext,
  agent: Agent,
  input: CannedReplyInput,
  shapes: readonly LookupShape[],
): Promise<CannedReplyView> => {
  mayManage(agent);
  await checked(ctx, input, shapes);
  const reply = await ctx.store.cannedReplies.create({
    workspaceId: ctx.workspace.id,
    ...input,
    authorId: agent.id,
  });
  return view(reply, {});
};

export const updateCannedReply = async (
  ctx: AppContext,
  agent: Agent,
  id: string,
  input: CannedReplyInput,
  shapes: readonly LookupShape[],
): Promise<CannedReplyView> => {
  mayManage(agent);
  await checked(ctx, input, shapes);
  const reply = await ctx.store.cannedReplies.update(ctx.workspace.id, id, { ...input, authorId: agent.id });
  if (!reply) throw new DomainError('not_found', `No canned reply with id ${id}.`);
  return view(reply, {});
};

export const deleteCannedReply = async (ctx: AppContext, agent: Agent, id: string): Promise<void> => {
  mayManage(agent);
  if (!(await ctx.store.cannedReplies.delete(ctx.workspace.id, id))) {
    throw new DomainError('not_found', `No canned reply with id ${id}.`);
  }
};
