/**
 * The AI turn (SPEC §3): for the customer's newest message, ask the turn engine what to do, then
 * answer, or hand over with the handoff message and packet. Any engine failure or time-out hands
 * the customer to a person with reason `ai_unavailable`: nobody is left hanging.
 */
import { transition } from '../core/conversation/lifecycle.ts';
import type { EarlierConversation } from '../core/conversation/recontact.ts';
import type { Conversation, Message } from '../core/model.ts';
import type { TranscriptLine } from '../core/ports/answerer.ts';
import { autoAssign } from './assignment.ts';
import { broadcastConversation, broadcastMessage, broadcastTyping } from './broadcast.ts';
import type { AppContext } from './context.ts';
import { fallbackHandoff } from './fallback-handoff.ts';
import { teamQueueSnapshot } from './team-queue.ts';
import type { TurnOutcome } from './turn-engine.ts';

const ENGINE_TIMEOUT_MS = 20_000;

const toTranscript = (messages: readonly Message[]): TranscriptLine[] =>
  messages
    .filter((m) => m.kind !== 'note' && m.author !== 'system')
    .map((m) => ({
      role: m.author === 'customer' ? 'customer' : m.author === 'agent' ? 'agent' : 'ai',
      text: m.body,
    }));

const withTimeout = <T>(promise: Promise<T>, ms: number): Promise<T> =>
  new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the AI did not answer within ${ms / 1000} s`)), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });

const RECENT_CONVERSATIONS = 5;

/** The customer's earlier conversations, newest first, with when each was resolved. */
const earlierConversationsOf = async (
  ctx: AppContext,
  conversation: Conversation,
): Promise<EarlierConversation[]> => {
  const list = await ctx.store.conversations.list(ctx.workspace.id, {
    customerId: conversation.customerId,
    orderBy: 'recent',
    limit: RECENT_CONVERSATIONS + 1,
  });
  const earlier = list.filter((c) => c.id !== conversation.id).slice(0, RECENT_CONVERSATIONS);
  return Promise.all(
    earlier.map(async (c) => {
      const resolved =
        c.state === 'resolved'
          ? (await ctx.store.events.list(c.id)).findLast((e) => e.type === 'resolved')
          : undefined;
      return { id: c.id, category: c.category, state: c.state, resolvedAt: resolved?.at ?? null };
    }),
  );
};

/** True when the newest customer-visible message is the customer's and still unanswered. */
export const awaitsAiTurn = (conversation: Conversation, messages: readonly Message[]): boolean => {
  if (conversation.state !== 'ai') return false;
  const visible = messages.filter((m) => m.kind !== 'note');
  return visible[visible.length - 1]?.author === 'customer';
};

export const runAiTurn = async (ctx: AppContext, conversationId: string): Promise<void> => {
  const conversation = await ctx.store.conversations.getById(conversationId);
  if (!conversation) return;
  const messages = await ctx.store.messages.list(conversationId);
  if (!awaitsAiTurn(conversation, messages)) return;
  const customer = await ctx.store.customers.getById(conversation.customerId);
  if (!customer) return;

  broadcastTyping(ctx, conversation, 'ai');
  const transcript = toTranscript(messages);
  const earlierConversations = await earlierConversationsOf(ctx, conversation);
  let outcome: TurnOutcome;
  try {
    outcome = await withTimeout(
      ctx.turnEngine.run({
        conversation,
        customer,
        transcript,
        now: ctx.now(),
        earlierConversations,
        queueOf: (teamKey) => teamQueueSnapshot(ctx, teamKey),
      }),
      ENGINE_TIMEOUT_MS,
    );
  } catch (error) {
    ctx.reportError(error, { conversationId, during: 'ai_turn' });
    outcome = await fallbackHandoff(ctx, transcript, error);
  }
  await applyOutcome(ctx, conversation, outcome);
};

const applyOutcome = async (
  ctx: AppContext,
  conversation: Conversation,
  outcome: TurnOutcome,
): Promise<void> => {
  const ai = { kind: 'ai' } as const;
  for (const lookup of outcome.lookups ?? []) {
    await ctx.store.events.append(conversation.id, {
      type: 'lookup_completed',
      actor: ai,
      data: { ...lookup },
    });
  }
  await ctx.store.events.append(conversation.id, {
    type: 'decision_made',
    actor: ai,
    data: { action: outcome.kind, category: outcome.category, trace: outcome.trace },
  });
  if (outcome.kind !== 'escalate') {
    const { message } = await ctx.store.messages.append(
      { conversationId: conversation.id, author: 'ai', body: outcome.text, citations: outcome.citations },
      ai,
    );
    const updated =
      outcome.category && outcome.category !== conversation.category
        ? await ctx.store.conversations.applyChange(
            conversation.id,
            conversation.state,
            { category: outcome.category },
            { type: 'categorised', actor: ai, data: { category: outcome.category } },
          )
        : conversation;
    await broadcastMessage(ctx, updated ?? conversation, message);
    await broadcastConversation(ctx, updated ?? conversation);
    return;
  }

  const move = transition(conversation.state, { kind: 'hand_over', teamKey: outcome.teamKey });
  if (move.kind === 'rejected') return;
  const { message } = await ctx.store.messages.append(
    { conversationId: conversation.id, author: 'ai', kind: 'handoff', body: outcome.message },
    ai,
  );
  const handedOver = await ctx.store.conversations.applyChange(
    conversation.id,
    conversation.state,
    { state: move.to, teamKey: outcome.teamKey, priority: outcome.priority, category: outcome.category },
    {
      type: 'handed_over',
      actor: ai,
      data: {
        teamKey: outcome.teamKey,
        priority: outcome.priority,
        reasons: outcome.reasons,
        waitMinutes: outcome.waitMinutes,
        packet: outcome.packet,
      },
    },
  );
  if (!handedOver) return;
  await broadcastMessage(ctx, handedOver, message);
  const assigned = await autoAssign(ctx, handedOver);
  await broadcastConversation(ctx, assigned ?? handedOver);
};

/** Runs AI turns in the background, one at a time per conversation, in arrival order. */
export const createAiTurnQueue = (
  run: (conversationId: string) => Promise<void>,
  reportError: AppContext['reportError'],
): AppContext['aiTurns'] => {
  const tails = new Map<string, Promise<void>>();
  return {
    schedule(conversationId) {
      const previous = tails.get(conversationId) ?? Promise.resolve();
      const next = previous
        .then(() => run(conversationId))
        .catch((error: unknown) => reportError(error, { conversationId, during: 'ai_turn_queue' }))
        .finally(() => {
          if (tails.get(conversationId) === next) tails.delete(conversationId);
        });
      tails.set(conversationId, next);
    },
    async idle() {
      while (tails.size > 0) await Promise.all([...tails.values()]);
    },
  };
};

/** After a restart, finish the AI turns a crash interrupted (messages stored but not yet answered). */
export const resumePendingAiTurns = async (ctx: AppContext): Promise<number> => {
  const open = await ctx.store.conversations.list(ctx.workspace.id, { states: ['ai'], limit: 10_000 });
  let resumed = 0;
  for (const conversation of open) {
    if (awaitsAiTurn(conversation, await ctx.store.messages.list(conversation.id))) {
      ctx.aiTurns.schedule(conversation.id);
      resumed += 1;
    }
  }
  return resumed;
};
