/**
 * Runs AI turn jobs in this process: claims ready jobs when woken (a customer message arrived
 * here, a turn finished) and every poll interval (retries that came due, jobs whose process died),
 * up to a number at once. Several processes run this over one database; the store's leases keep
 * each job with one of them.
 */
import { turnRetryDelayMs } from '../core/conversation/turn-retry.ts';
import type { ClaimedTurn } from '../core/ports/ai-turn-jobs.ts';
import { runClaimedTurn, type TurnRunner } from './ai-turn.ts';
import type { AppContext } from './context.ts';

export interface AiTurnWorkerSettings extends TurnRunner {
  /** How long a claimed job stays this process's before another may take it over. */
  readonly leaseMs: number;
  /** Turns run at once in this process. */
  readonly concurrency: number;
  /** How often to look for due retries and expired leases when nothing woke the worker. */
  readonly pollMs: number;
}

export interface AiTurnWorker {
  /** Look for ready jobs now (coalesced with a look already under way). */
  wake(): void;
  /** Resolves when no turn is running in this process. */
  idle(): Promise<void>;
  /** Stops claiming and waits for the running turns to finish. */
  stop(): Promise<void>;
}

export const startAiTurnWorker = (ctx: AppContext, settings: AiTurnWorkerSettings): AiTurnWorker => {
  const running = new Set<Promise<void>>();
  let stopped = false;
  let claiming = false;
  let lookAgain = false;
  // A cold process runs its first turn alone: the turn engine's first load (policy, knowledge, the
  // category model's training) then happens once, not once per parallel turn, blocking each other.
  let warm = false;
  // The last claim took as many as it could: more may be ready as soon as a slot frees.
  let backlog = false;

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

  const start = (turn: ClaimedTurn) => {
    const stopRenewing = renewWhileRunning(turn);
    let nextQueued = true;
    const work: Promise<void> = runClaimedTurn(ctx, turn, settings)
      .then((next) => {
        warm = true;
        nextQueued = next;
      })
      .catch((error: unknown) => fail(turn, error))
      .catch((error: unknown) => ctx.reportError(error, { during: 'ai_turn_release' }))
      .finally(() => {
        stopRenewing();
        running.delete(work);
        // Claim again only when work is known to wait: every claim is a round trip.
        if (nextQueued || backlog) wake();
      });
    running.add(work);
  };

  const claimRound = async (): Promise<boolean> => {
    const free = (warm ? settings.concurrency : 1) - running.size;
    if (free <= 0 || stopped) return false;
    const { turns, exhausted } = await ctx.store.aiTurns.claim({
      workspaceId: ctx.workspace.id,
      owner: settings.owner,
      limit: free,
      leaseMs: settings.leaseMs,
      maxAttempts: settings.maxAttempts,
    });
    for (const messageId of exhausted) {
      ctx.reportError(new Error(`gave up on the AI turn for message ${messageId}: its last lease expired`), {
        during: 'ai_turn',
      });
    }
    for (const turn of turns) start(turn);
    backlog = turns.length === free;
    return backlog && running.size < settings.concurrency;
  };

  // One claim at a time: wakes during a claim ask for one more round instead of a parallel claim.
  const wake = () => {
    if (stopped) return;
    if (claiming) {
      lookAgain = true;
      return;
    }
    claiming = true;
    void (async () => {
      try {
        do {
          lookAgain = false;
          if (await claimRound()) lookAgain = true;
        } while (lookAgain && !stopped);
      } catch (error) {
        ctx.reportError(error, { during: 'ai_turn_claim' });
      } finally {
        claiming = false;
      }
    })();
  };

  const poll = setInterval(wake, settings.pollMs);
  poll.unref();
  wake();

  const idle = async () => {
    while (running.size > 0 || claiming) {
      await Promise.all([...running, new Promise((resolve) => setTimeout(resolve, 10))]);
    }
  };

  return {
    wake,
    idle,
    async stop() {
      stopped = true;
      clearInterval(poll);
      await idle();
    },
  };
};
