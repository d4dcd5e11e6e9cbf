/**
 * The AI turn (SPEC §3) for one claimed job: ask the turn engine what to do, then write the answer
 * or the handoff in one statement that re-checks the conversation (still the AI's, no newer
 * customer message) and completes the job. Any engine failure or time-out hands the customer to a
 * person with reason `ai_unavailable`; so does the job's last attempt. Nobody is left hanging.
 */
import { isLastTurnAttempt } from '../core/conversation/turn-retry.ts';
import type { ClaimedTurn, TurnOutcomeWrite } from '../core/ports/ai-turn-jobs.ts';
import type { TranscriptLine } from '../core/ports/answerer.ts';
import { pullQuietly } from './assignment.ts';
import { broadcastDraftDelta, broadcastTyping, broadcastWritten } from './broadcast.ts';
import type { AppContext } from './context.ts';
import { fallbackHandoff } from './fallback-handoff.ts';
import { teamQueueSnapshot } from './team-queue.ts';
import type { TurnOutcome } from './turn-engine.ts';
import { turnRecords } from './turn-records.ts';

const ENGINE_TIMEOUT_MS = 20_000;

/** Who runs turns in this process: the lease owner's name and the attempts a job gets. */
export interface TurnRunner {
  readonly owner: string;
  readonly maxAttempts: number;
}

const toTranscript = (turn: ClaimedTurn): TranscriptLine[] =>
  turn.transcript.map((m) => ({
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

/** The engine's outcome; the `ai_unavailable` handoff when it fails or on the job's last attempt. */
const decide = async (ctx: AppContext, turn: ClaimedTurn, runner: TurnRunner): Promise<TurnOutcome> => {
  const transcript = toTranscript(turn);
  if (isLastTurnAttempt(turn.attempt, runner.maxAttempts) && turn.attempt > 1) {
    return fallbackHandoff(ctx, transcript, new Error(`the AI turn failed ${turn.attempt - 1} times`));
  }
  try {
    return await withTimeout(
      ctx.turnEngine.run({
        conversation: turn.conversation,
        customer: turn.customer,
        transcript,
        now: ctx.now(),
        earlierConversations: turn.earlierConversations,
        queueOf: (teamKey, priority) => teamQueueSnapshot(ctx, teamKey, priority),
        // The customer watches the answer grow; the stored message replaces the draft.
        onAnswerDelta: (delta) => broadcastDraftDelta(ctx, turn.conversation, delta),
      }),
      ENGINE_TIMEOUT_MS,
    );
  } catch (error) {
    ctx.reportError(error, { conversationId: turn.conversation.id, during: 'ai_turn' });
    return fallbackHandoff(ctx, transcript, error);
  }
};

/** The write for an outcome: sent only if the conversation still waits for this answer. */
export const outcomeWrite = (turn: ClaimedTurn, outcome: TurnOutcome, owner: string): TurnOutcomeWrite => {
  const { facts, ...send } = turnRecords(outcome, turn.messageId, turn.conversation.category);
  return {
    messageId: turn.messageId,
    owner,
    facts,
    send,
    instead: {
      type: 'ai_draft_unsent',
      data: {
        messageId: turn.messageId,
        action: outcome.kind,
        category: outcome.category,
        text: send.message.body,
      },
    },
  };
};

/** A turn whose message was superseded before it ran: no AI work, one recorded outcome. */
const skipWrite = (turn: ClaimedTurn, owner: string): TurnOutcomeWrite => ({
  messageId: turn.messageId,
  owner,
  facts: [],
  send: null,
  instead: { type: 'ai_turn_skipped', data: { messageId: turn.messageId } },
});

/**
 * Runs one claimed turn to its written outcome; true when the conversation's next turn is queued
 * behind it. Throws only when the store fails (the job is then retried).
 */
export const runClaimedTurn = async (
  ctx: AppContext,
  turn: ClaimedTurn,
  runner: TurnRunner,
): Promise<boolean> => {
  if (!turn.current) {
    const skipped = await ctx.store.aiTurns.complete(skipWrite(turn, runner.owner));
    return skipped.kind !== 'lease_lost' && skipped.nextTurnQueued;
  }
  broadcastTyping(ctx, turn.conversation, 'ai');
  const outcome = await decide(ctx, turn, runner);
  const written = await ctx.store.aiTurns.complete(outcomeWrite(turn, outcome, runner.owner));
  if (written.kind !== 'sent') return written.kind === 'kept' && written.nextTurnQueued;
  broadcastWritten(ctx, {
    conversation: written.conversation,
    customer: turn.customer,
    message: written.message,
  });
  if (outcome.kind === 'escalate') await pullQuietly(ctx, [outcome.teamKey]);
  return written.nextTurnQueued;
};
