/** What agents read: the team queues and a conversation with everything around it. */

import type { ConversationDetail, ConversationSummary, TeamView } from '../api/schemas.ts';
import { seesAllTeams, visibleTeamKeys } from '../core/auth/permissions.ts';
import type { Actor, Agent, Conversation, ConversationEvent } from '../core/model.ts';
import type { ConversationFilter } from '../core/ports/store.ts';
import { mayShowTimer, type ResponseDue, responseDue } from '../core/response-time/response-clock.ts';
import { targetsFor } from '../core/response-time/response-targets.ts';
import { isOpen } from '../core/wait/business-hours.ts';
import { loadWorkableConversation } from './agent-actions.ts';
import { authorNameOf } from './broadcast.ts';
import type { AppContext } from './context.ts';
import { type InboxNarrowing, narrowed } from './inbox-narrowing.ts';
import { customerDisplayName, presentMessage, presentSummaryRow } from './presenters.ts';
import { loadResponseTargets } from './response-targets.ts';

export type InboxView = 'queue' | 'mine' | 'ai' | 'resolved' | 'all';
export type { InboxNarrowing } from './inbox-narrowing.ts';

/**
 * The views that are not a team's queue show, to someone who does not see every team, only their
 * teams' conversations and those no team has yet: what they could open (canSeeConversation).
 */
const seenBy = (agent: Agent, visible: readonly string[]): ConversationFilter =>
  seesAllTeams(agent) ? {} : { teamKeys: visible, orNoTeam: true };

/**
 * A view's filter; `limit` is the size of its first page (the inbox pages on with a cursor). `team`
 * narrows the queue and Resolved views to one of the person's teams; without it they cover all of them.
 */
export const filterFor = (
  view: InboxView,
  agent: Agent,
  visible: readonly string[],
  team?: string,
): ConversationFilter => {
  const teamKeys = team === undefined ? visible : visible.filter((key) => key === team);
  switch (view) {
    case 'queue':
      // Held conversations leave the active views until the hold ends (a filter shows them).
      return { states: ['queued', 'assigned'], teamKeys, hold: 'none', limit: 200 };
    case 'mine':
      return { states: ['assigned'], assigneeId: agent.id, hold: 'none', limit: 200 };
    case 'ai':
      return { states: ['ai'], ...seenBy(agent, visible), limit: 200, orderBy: 'recent' };
    case 'resolved':
      // A team chosen: its resolved conversations. Otherwise everything resolved the person could
      // open, the AI's resolutions (no team ever held them) included, as the AI and All views do.
      return {
        states: ['resolved'],
        ...(team === undefined ? seenBy(agent, visible) : { teamKeys }),
        limit: 100,
        orderBy: 'recent',
      };
    case 'all':
      return { ...seenBy(agent, visible), limit: 200, orderBy: 'recent' };
  }
};

/**
 * The inbox rows of some conversations, in their order. One read each for all the rows (not one
 * per row): customers, last visible messages, people, tags, the teams' response targets, and the
 * events of the rows whose response timer may show.
 */
const summaryRows = async (
  ctx: AppContext,
  conversations: readonly Conversation[],
): Promise<ConversationSummary[]> => {
  const ids = conversations.map((c) => c.id);
  const now = ctx.now();
  const timed = conversations.filter((c) => mayShowTimer(c, now));
  const [tags, targets, customers, lastMessages, agents, events] = await Promise.all([
    ctx.store.tags.ofConversations(ids),
    loadResponseTargets(ctx.store, ctx.workspace.id),
    ctx.store.customers.getByIds(conversations.map((c) => c.customerId)),
    ctx.store.messages.lastVisibleOf(ids),
    ctx.store.agents.list(ctx.workspace.id),
    timed.length === 0
      ? new Map<string, ConversationEvent[]>()
      : ctx.store.events.listOf(timed.map((c) => c.id)),
  ]);
  const names = new Map(agents.map((a) => [a.id, a.name]));
  const timedIds = new Set(timed.map((c) => c.id));
  const dueOf = (c: Conversation): ResponseDue | null =>
    timedIds.has(c.id) ? responseDue(c, events.get(c.id) ?? [], targetsFor(targets, c.teamKey), now) : null;
  // An API key's account is not listed among the people but can hold a conversation.
  const unlisted = [...new Set(conversations.flatMap((c) => c.assigneeId ?? []))].filter(
    (id) => !names.has(id),
  );
  for (const agent of await Promise.all(unlisted.map((id) => ctx.store.agents.getById(id))))
    if (agent) names.set(agent.id, agent.name);
  return conversations.map((c) => ({
    ...presentSummaryRow(
      c,
      customers.get(c.customerId) ?? null,
      lastMessages.get(c.id) ?? null,
      c.assigneeId === null ? null : (names.get(c.assigneeId) ?? null),
      dueOf(c),
    ),
    tags: [...(tags.get(c.id) ?? [])],
  }));
};

/** The inbox row of one conversation (what an action on it answers with), built as the list builds its rows. */
export const summarise = async (
  ctx: AppContext,
  conversation: Conversation,
): Promise<ConversationSummary> => {
  const [row] = await summaryRows(ctx, [conversation]);
  if (!row) throw new Error(`no inbox row was built for conversation ${conversation.id}`);
  return row;
};

/** One page of a view, with how many conversations the whole view holds (counted up to 10,000). */
export interface InboxPage {
  readonly conversations: ConversationSummary[];
  readonly nextCursor: string | null;
  readonly total: number;
  /** There are more than `total` (the count stops at 10,000). */
  readonly totalCapped: boolean;
}

const COUNT_CAP = 10_000;

export const listInbox = async (
  ctx: AppContext,
  agent: Agent,
  view: InboxView,
  teamKey: string | undefined,
  narrowing: InboxNarrowing = {},
  page: { readonly limit?: number; readonly cursor?: string } = {},
): Promise<InboxPage> => {
  const teams = await ctx.store.teams.list(ctx.workspace.id);
  const visible = visibleTeamKeys(
    agent,
    teams.map((t) => t.key),
  );
  const filter = narrowed(filterFor(view, agent, visible, teamKey || undefined), narrowing, agent);
  const [rows, total] = await Promise.all([
    ctx.store.conversations.page(ctx.workspace.id, filter, {
      limit: page.limit ?? filter.limit ?? 200,
      ...(page.cursor === undefined ? {} : { after: page.cursor }),
    }),
    ctx.store.conversations.count(ctx.workspace.id, filter, COUNT_CAP),
  ]);
  return {
    conversations: await summaryRows(ctx, rows.conversations),
    nextCursor: rows.next,
    total: total.count,
    totalCapped: total.capped,
  };
};

export const listTeams = async (ctx: AppContext, agent: Agent): Promise<TeamView[]> => {
  const teams = await ctx.store.teams.list(ctx.workspace.id);
  const visible = new Set(
    visibleTeamKeys(
      agent,
      teams.map((t) => t.key),
    ),
  );
  const waiting = await ctx.store.queues.waitingByTeam(ctx.workspace.id);
  return teams
    .filter((team) => visible.has(team.key))
    .map((team) => ({
      key: team.key,
      name: team.name,
      categories: [...team.categories],
      waiting: waiting.get(team.key) ?? 0,
      // No hours means always open (SPEC §6); otherwise the team's week in its own time zone.
      open: team.businessHours === null || isOpen(team.businessHours, ctx.now()),
    }));
};

const verdictOf = (value: unknown): 'needed' | 'not_needed' | null =>
  value === 'needed' || value === 'not_needed' ? value : null;

const describeActor = (actor: Actor): string =>
  actor.kind === 'customer' || actor.kind === 'agent' ? `${actor.kind}:${actor.id}` : actor.kind;

export const conversationDetail = async (
  ctx: AppContext,
  agent: Agent,
  conversationId: string,
): Promise<ConversationDetail> => {
  const conversation = await loadWorkableConversation(ctx, agent, conversationId);
  const [customer, messages, events] = await Promise.all([
    ctx.store.customers.getById(conversation.customerId),
    ctx.store.messages.list(conversationId),
    ctx.store.events.list(conversationId),
  ]);
  const latest = (type: string) => [...events].reverse().find((e) => e.type === type) ?? null;
  const handoff = latest('handed_over');
  const decision = latest('decision_made');
  return {
    conversation: await summarise(ctx, conversation),
    customer: {
      id: conversation.customerId,
      name: customerDisplayName(customer),
      email: customer?.email ?? null,
      externalId: customer?.externalId ?? null,
      profile: { ...(customer?.profile ?? {}) },
    },
    messages: await Promise.all(messages.map(async (m) => presentMessage(m, await authorNameOf(ctx, m)))),
    events: events.map((e) => ({
      id: e.id,
      type: e.type,
      actor: describeActor(e.actor),
      data: e.type === 'decision_made' || e.type === 'handed_over' ? {} : { ...e.data },
      at: e.at.toISOString(),
    })),
    handoff: handoff ? { ...handoff.data } : null,
    decision: decision ? { ...decision.data } : null,
    verdict: verdictOf(latest('escalation_verdict')?.data.verdict),
    flags: events
      .filter((e) => e.type === 'ai_message_flagged')
      .map((e) => ({
        messageId: String(e.data.messageId),
        flag: String(e.data.flag),
        correctAnswer: typeof e.data.correctAnswer === 'string' ? e.data.correctAnswer : null,
      })),
  };
};

/** Colleagues an agent can hand a conversation to: everyone in the workspace, with their status. */
export const listColleagues = async (ctx: AppContext) =>
  (await ctx.store.agents.list(ctx.workspace.id)).map((a) => ({
    id: a.id,
    name: a.name,
    role: a.role,
    teamKeys: [...a.teamKeys],
    status: a.status,
  }));
