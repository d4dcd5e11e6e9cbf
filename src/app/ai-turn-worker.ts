/**
 * Runs AI turn jobs in this process: claims ready jobs when woken (a customer message arrived
 * here, a turn finished) and every poll interval (retries that came due, jobs whose process died),
 * up to a number at once. Several processes run this over one database; the store's leases keep
 * each job with one of them.
 */
import { turnRetryDelayMs } from '../core/conversation/turn-retry.ts';
import type { ClaimedTurn, TurnLease } from '../core/ports/ai-turn-jobs.ts';
import { runClaimedTurn, type TurnRunner } from './ai-turn.ts';
import type { AppContext } from './context.ts';
import { type PollingWorker, type Reservation, startPollingWorker } from './polling-worker.ts';

/**
 * Turns one process runs at once unless configured (BATON_AI_TURN_CONCURRENCY). A customer message
 * whose turn finds a free slot leases it in the statement that stores the message; one that finds
 * none waits as a queued job for a claim, an extra statement. A model's turns wait on the network,
 * not the CPU, so a waiting slot costs little.
 */
export const DEFAULT_AI_TURN_CONCURRENCY = 32;

export interface AiTurnWorkerSettings extends TurnRunner {
  /** How long a claimed job stays this process's before another may take it over. */
  readonly leaseMs: number;
  /** Turns run at once in this process. */
  readonly concurrency: number;
  /** How often to look for due retries and expired leases when nothing woke the worker. */
  readonly pollMs: number;
}

/** A slot held for a turn leased with its customer message: the lease to ask for, then run or release. */
export interface TurnSlot extends Reservation<ClaimedTurn> {
  readonly lease: TurnLease;
}

export interface AiTurnWorker extends Omit<PollingWorker<ClaimedTurn>, 'reserve'> {
  /** A free slot for a turn leased as its message is stored (no claim), or null when none is free. */
  reserve(): TurnSlot | null;
}

export const startAiTurnWorker = (ctx: AppContext, settings: AiTurnWorkerSettings): AiTurnWorker => {
  // A cold process runs its first turn alone: the turn engine's first load (policy, knowledge, the
  // category model's training) then happens once, not once per parallel turn, blocking each other.
  let warm = false;

  const fail = async (turn: ClaimedTurn, error: unknown) => {
    ctx.reportError(error, {
      conversationId: turn.conversation.id,
      during: 'ai_turn',
      attempt: turn.attempt,
    });
    const released = await ctx.store.aiTurns.release({
      messageId: turn.messageId,
      owner: settings.owner,
      error: error instanceof Error ? error.message : String(error),
      retryInMs: turnRetryDelayMs(turn.attempt),
      maxAttempts: settings.maxAttempts,
    });
    if (released === 'failed') {
      ctx.reportError(new Error(`gave up on the AI turn for message ${turn.messageId}`), {
        conversationId: turn.conversation.id,
        during: 'ai_turn',
      });
    }
  };

  // A live process keeps its lease while a turn runs long (a slow AI, a first model training);
  // only a process that stopped renewing — a dead one — has its turns taken over.
  const renewWhileRunning = (turn: ClaimedTurn): (() => void) => {
    const timer = setInterval(() => {
      ctx.store.aiTurns
        .renewLease(turn.messageId, settings.owner, settings.leaseMs)
        .catch((error: unknown) => ctx.reportError(error, { during: 'ai_turn_lease' }));
    }, settings.leaseMs / 3);
    timer.unref();
    return () => clearInterval(timer);
  };

  const run = async (turn: ClaimedTurn): Promise<boolean> => {
    const stopRenewing = renewWhileRunning(turn);
    try {
      const nextQueued = await runClaimedTurn(ctx, turn, settings);
      warm = true;
      return nextQueued;
    } catch (error) {
      await fail(turn, error).catch((failure: unknown) =>
        ctx.reportError(failure, { during: 'ai_turn_release' }),
      );
      return true;
    } finally {
      stopRenewing();
    }
  };

  const claim = async (limit: number): Promise<readonly ClaimedTurn[]> => {
    const { turns, exhausted } = await ctx.store.aiTurns.claim({
      workspaceId: ctx.workspace.id,
      owner: settings.owner,
      limit,
      leaseMs: settings.leaseMs,
      maxAttempts: settings.maxAttempts,
    });
    for (const messageId of exhausted) {
      ctx.reportError(new Error(`gave up on the AI turn for message ${messageId}: its last lease expired`), {
        during: 'ai_turn',
      });
    }
    return turns;
  };

  const worker = startPollingWorker({
    pollMs: settings.pollMs,
    slots: () => (warm ? settings.concurrency : 1),
    claim,
    run,
    during: 'ai_turn',
    reportError: (error, during) => ctx.reportError(error, { during }),
  });
  const lease: TurnLease = { owner: settings.owner, leaseMs: settings.leaseMs };
  return {
    ...worker,
    reserve() {
      const slot = worker.reserve();
      return slot && { ...slot, lease };
    },
  };
};
