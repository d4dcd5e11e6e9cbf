/** Live state of a team's queue, the input of wait estimates (SPEC §6), from SQL aggregates. */
import type { LiveQueueSnapshot } from '../core/wait/index.ts';
import type { AppContext } from './context.ts';

const DEFAULT_HANDLE_MINUTES = 8;
const HANDLE_TIME_LOOKBACK_MS = 7 * 24 * 3600_000;
/** Fewer recent handle times than this and the default stands in (a configured assumption). */
const MIN_HANDLE_SAMPLES = 5;

/**
 * The team's live queue: who waits ahead (at or above `priority`, since the queue serves higher
 * priorities first), who is on shift with how many free chat slots, recent handle time.
 */
export const teamQueueSnapshot = async (
  ctx: AppContext,
  teamKey: string,
  priority?: number,
): Promise<LiveQueueSnapshot> => {
  const since = new Date(ctx.now().getTime() - HANDLE_TIME_LOOKBACK_MS);
  const stats = await ctx.store.queues.stats(ctx.workspace.id, teamKey, since, priority);
  const onShift = stats.agentsOnShift;
  const freeSlots = onShift.reduce((sum, a) => sum + Math.max(0, a.capacity - a.open), 0);
  // Agents' capacities are their chat concurrency; the team's is their average (1 with nobody on shift).
  const concurrency =
    onShift.length > 0 ? onShift.reduce((sum, a) => sum + a.capacity, 0) / onShift.length : 1;
  const { median, samples } = stats.handleMinutes;
  return {
    waitingAhead: stats.waiting,
    agentsOnShift: onShift.length,
    concurrency,
    freeSlots,
    recentHandleMinutes: samples < MIN_HANDLE_SAMPLES || median === null ? DEFAULT_HANDLE_MINUTES : median,
  };
};
