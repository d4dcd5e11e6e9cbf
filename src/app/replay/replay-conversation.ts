/**
 * Replays one recorded conversation into a workspace on a simulated clock (SPEC §12, §13 `baton
 * replay`; `baton simulate` feeds it generated ones): the customer's messages, the live turn engine's
 * answer or handoff to each of them, the agent's pick-up, replies and resolution, the AI's assumed
 * resolution after a quiet window, then the known rating, verdict and review — every write through
 * the store's own repositories with the recorded time, so the events and facts are the ones the live
 * path would have made. The job queue is not used: its leases run on the database's clock.
 */
import { transition } from '../../core/conversation/lifecycle.ts';
import type { EscalationVerdict, ReviewLabel, ReviewRootCause } from '../../core/events/index.ts';
import type { Actor, Agent, Conversation, Customer } from '../../core/model.ts';
import type { TranscriptLine } from '../../core/ports/answerer.ts';
import type { NewEvent } from '../../core/ports/store.ts';
import { assignedEvent, waitMeasuredEvent } from '../assignment.ts';
import { saveReviewLabel } from '../coaching/save-review-label.ts';
import type { AppContext } from '../context.ts';
import { fallbackHandoff } from '../fallback-handoff.ts';
import { teamQueueSnapshot } from '../team-queue.ts';
import type { TurnOutcome } from '../turn-engine.ts';
import { turnRecords } from '../turn-records.ts';

/** A conversation as recorded: who, where, what was said when, and what is known of its outcome. */
export interface RecordedConversation {
  readonly customer: string;
  readonly channel?: string | undefined;
  readonly messages: readonly {
    readonly role: 'customer' | 'agent';
    readonly text: string;
    readonly at: string;
  }[];
  readonly csat?: number | undefined;
  readonly verdict?: EscalationVerdict | undefined;
  readonly review?:
    | { readonly label: ReviewLabel; readonly rootCause?: ReviewRootCause | undefined }
    | undefined;
}

/** The replay's clock: a context whose `now` the replay moves, and the workspace's quiet window. */
export interface ReplayDesk {
  readonly ctx: AppContext;
  setNow(at: Date): void;
  readonly assumedResolutionMs: number;
  /** Who picks up, replies, resolves and judges handoffs. */
  readonly agents: readonly Agent[];
}

/** The AI's answer is written this long after the customer's message (a turn is not instant). */
export const AI_TURN_SECONDS = 2;
/** A rating arrives this long after the resolution it rates. */
const RATING_DELAY_SECONDS = 60;

const ai: Actor = { kind: 'ai' };
const later = (at: Date, seconds: number): Date => new Date(at.getTime() + seconds * 1000);

/** What the replay tracks between messages. */
interface Replaying {
  conversation: Conversation;
  readonly customer: Customer;
  readonly transcript: TranscriptLine[];
  lastVisible: { readonly author: 'customer' | 'ai' | 'agent'; readonly at: Date } | null;
  handoffEventId: string | null;
  /** The first resolution's event (a rating rates it) and the time of the latest write. */
  firstResolvedEventId: string | null;
  lastAt: Date;
}

const customerOf = async (ctx: AppContext, externalId: string): Promise<Customer> =>
  (await ctx.store.customers.getByExternalId(ctx.workspace.id, externalId)) ??
  ctx.store.customers.create({ workspaceId: ctx.workspace.id, externalId, name: externalId });

const change = async (
  ctx: AppContext,
  run: Replaying,
  fields: Parameters<AppContext['store']['conversations']['applyChange']>[2],
  events: readonly NewEvent[],
): Promise<void> => {
  const changed = await ctx.store.conversations.applyChange(
    run.conversation.id,
    run.conversation.state,
    fields,
    events,
  );
  if (!changed) throw new Error(`conversation ${run.conversation.id} changed under the replay`);
  run.conversation = changed;
};

const lastEventId = async (ctx: AppContext, conversationId: string, type: string): Promise<string | null> =>
  (await ctx.store.events.list(conversationId)).findLast((e) => e.type === type)?.id ?? null;

const resolve = async (
  desk: ReplayDesk,
  run: Replaying,
  by: 'ai_assumed' | 'abandoned' | Agent,
  at: Date,
): Promise<void> => {
  const { ctx } = desk;
  const teamKey = run.conversation.teamKey;
  const data =
    typeof by === 'string'
      ? { by, resolution: by === 'ai_assumed' ? 'ai' : 'abandoned', teamKey }
      : { by: 'agent', resolution: 'human', agentId: by.id, teamKey };
  const actor: Actor = typeof by === 'string' ? { kind: 'system' } : { kind: 'agent', id: by.id };
  const resolution = data.resolution === 'ai' ? 'ai' : data.resolution === 'human' ? 'human' : 'abandoned';
  await change(ctx, run, { state: 'resolved', resolution }, [{ type: 'resolved', actor, data, at }]);
  run.firstResolvedEventId ??= await lastEventId(ctx, run.conversation.id, 'resolved');
  run.lastAt = at;
};

/** SPEC §2: the AI's answer stands once the customer has been quiet for the window (checked before `until`). */
const settleQuiet = async (desk: ReplayDesk, run: Replaying, until: Date | null): Promise<void> => {
  if (run.conversation.state !== 'ai' || run.lastVisible === null) return;
  const due = later(run.lastVisible.at, desk.assumedResolutionMs / 1000);
  if (until !== null && until.getTime() < due.getTime()) return;
  if (run.lastVisible.author === 'ai') await resolve(desk, run, 'ai_assumed', due);
  else if (run.lastVisible.author === 'customer' && !run.transcript.some((line) => line.role === 'ai')) {
    await resolve(desk, run, 'abandoned', due);
  }
};

/** The live turn engine's outcome at the simulated time; a failing engine hands over, as live turns do. */
const decide = async (desk: ReplayDesk, run: Replaying, at: Date): Promise<TurnOutcome> => {
  const { ctx } = desk;
  desk.setNow(at);
  try {
    return await ctx.turnEngine.run({
      conversation: run.conversation,
      customer: run.customer,
      transcript: [...run.transcript],
      now: at,
      earlierConversations: [],
      queueOf: (teamKey, priority) => teamQueueSnapshot(ctx, teamKey, priority),
    });
  } catch (error) {
    return fallbackHandoff(ctx, run.transcript, error);
  }
};

/** One AI turn for the customer's latest message: the records a live turn writes, at the simulated time. */
const aiTurn = async (desk: ReplayDesk, run: Replaying, messageId: string, sentAt: Date): Promise<void> => {
  const { ctx } = desk;
  const at = later(sentAt, AI_TURN_SECONDS);
  const outcome = await decide(desk, run, at);
  const records = turnRecords(outcome, messageId, run.conversation.category);
  const id = run.conversation.id;
  for (const event of [...records.facts, records.decision])
    await ctx.store.events.append(id, { ...event, at });
  const { kind, body, citations } = records.message;
  await ctx.store.messages.append(
    { conversationId: id, author: 'ai', kind, body, citations, createdAt: at },
    ai,
  );
  run.transcript.push({ role: 'ai', text: body });
  run.lastVisible = { author: 'ai', at };
  run.lastAt = at;
  if (records.changeEvent === null) return;
  await change(ctx, run, records.change, [{ ...records.changeEvent, at }]);
  if (outcome.kind === 'escalate') run.handoffEventId = await lastEventId(ctx, id, 'handed_over');
};

const onCustomerMessage = async (desk: ReplayDesk, run: Replaying, text: string, at: Date) => {
  const { ctx } = desk;
  const actor: Actor = { kind: 'customer', id: run.customer.id };
  if (run.conversation.state === 'resolved') {
    const move = transition('resolved', { kind: 'reopen' });
    if (move.kind === 'moved') {
      await change(ctx, run, { state: move.to, resolution: null }, [
        { type: 'reopened', actor, data: { by: 'customer_reply' }, at },
      ]);
    }
  }
  const { message } = await ctx.store.messages.append(
    {
      conversationId: run.conversation.id,
      author: 'customer',
      authorId: run.customer.id,
      body: text,
      createdAt: at,
    },
    actor,
  );
  run.transcript.push({ role: 'customer', text });
  run.lastVisible = { author: 'customer', at };
  run.lastAt = at;
  if (run.conversation.state === 'ai') await aiTurn(desk, run, message.id, at);
};

/** The team's agent who takes the conversation: the team's first by name, anyone when the team has none. */
const agentFor = (agents: readonly Agent[], teamKey: string | null): Agent | null =>
  agents.find((agent) => teamKey !== null && agent.teamKeys.includes(teamKey)) ?? agents[0] ?? null;

const onAgentMessage = async (desk: ReplayDesk, run: Replaying, text: string, at: Date) => {
  const { ctx, agents } = desk;
  const holder = agents.find((agent) => agent.id === run.conversation.assigneeId);
  const agent = holder ?? agentFor(agents, run.conversation.teamKey);
  if (!agent) throw new Error('the workspace has no agent to reply in the replay');
  if (run.conversation.state === 'queued') {
    const waited = await waitMeasuredEvent(ctx.store, run.conversation, at);
    const assigned = { ...assignedEvent(run.conversation, agent, 'system'), at };
    await change(ctx, run, { state: 'assigned', assigneeId: agent.id }, [
      assigned,
      ...(waited ? [{ ...waited, at }] : []),
    ]);
  }
  await ctx.store.messages.append(
    { conversationId: run.conversation.id, author: 'agent', authorId: agent.id, body: text, createdAt: at },
    { kind: 'agent', id: agent.id },
  );
  run.transcript.push({ role: 'agent', text });
  run.lastVisible = { author: 'agent', at };
  run.lastAt = at;
};

/** The known outcomes: the customer's rating of the first resolution, the agent's verdict, a reviewer's label. */
const recordOutcomes = async (desk: ReplayDesk, run: Replaying, recorded: RecordedConversation) => {
  const { ctx } = desk;
  const id = run.conversation.id;
  const endAt = run.lastAt;
  const firstResolvedId = run.firstResolvedEventId;
  if (recorded.csat !== undefined && firstResolvedId !== null) {
    await ctx.store.events.append(id, {
      type: 'rated',
      actor: { kind: 'customer', id: run.customer.id },
      data: { rating: recorded.csat, comment: null, resolvedEventId: firstResolvedId },
      at: later(endAt, RATING_DELAY_SECONDS),
    });
  }
  const judge = agentFor(desk.agents, run.conversation.teamKey);
  if (recorded.verdict !== undefined && run.handoffEventId !== null && judge) {
    await ctx.store.events.append(id, {
      type: 'escalation_verdict',
      actor: { kind: 'agent', id: judge.id },
      data: { verdict: recorded.verdict, handoffEventId: run.handoffEventId, previous: null },
      at: endAt,
    });
  }
  if (recorded.review !== undefined && judge) {
    await saveReviewLabel(ctx.store, {
      workspaceId: ctx.workspace.id,
      conversationId: id,
      label: recorded.review.label,
      rootCause: recorded.review.rootCause ?? null,
      correctAnswer: null,
      notes: null,
      authorId: judge.id,
      at: endAt,
    });
  }
};

/**
 * Writes the conversation and returns its stored id. Messages go in their recorded order; an agent's
 * message counts only once the AI has handed over (SPEC §13). At the end, a conversation the AI
 * still holds is settled as the quiet window says, and one an agent holds is resolved by that agent
 * with their last reply. Returns the stored conversation and customer ids.
 */
export const replayConversation = async (
  desk: ReplayDesk,
  recorded: RecordedConversation,
): Promise<{ readonly conversationId: string; readonly customerId: string }> => {
  const { ctx } = desk;
  const first = recorded.messages[0];
  if (!first) throw new Error('a replayed conversation needs a message');
  const startedAt = new Date(first.at);
  desk.setNow(startedAt);
  const customer = await customerOf(ctx, recorded.customer);
  const conversation = await ctx.store.conversations.create(
    { workspaceId: ctx.workspace.id, customerId: customer.id },
    {
      type: 'conversation_started',
      actor: { kind: 'customer', id: customer.id },
      data: { channel: recorded.channel ?? 'widget' },
      at: startedAt,
    },
  );
  const run: Replaying = {
    conversation,
    customer,
    transcript: [],
    lastVisible: null,
    handoffEventId: null,
    firstResolvedEventId: null,
    lastAt: startedAt,
  };
  for (const message of recorded.messages) {
    const at = new Date(message.at);
    await settleQuiet(desk, run, at);
    if (message.role === 'customer') await onCustomerMessage(desk, run, message.text, at);
    else if (run.handoffEventId !== null && run.conversation.state !== 'resolved') {
      await onAgentMessage(desk, run, message.text, at);
    }
  }
  await settleQuiet(desk, run, null);
  if (run.conversation.state === 'assigned' && run.lastVisible?.author === 'agent') {
    const holder = desk.agents.find((agent) => agent.id === run.conversation.assigneeId);
    if (holder) await resolve(desk, run, holder, run.lastVisible.at);
  }
  await recordOutcomes(desk, run, recorded);
  return { conversationId: conversation.id, customerId: customer.id };
};
