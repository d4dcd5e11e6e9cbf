/** Live state of a team's queue, the input of wait estimates (SPEC §6). */
import { humanHandleTimes, median } from '../core/conversation/handle-time.ts';
import type { LiveQueueSnapshot } from '../core/wait/index.ts';
import type { AppContext } from './context.ts';

const DEFAULT_HANDLE_MINUTES = 8;
const HANDLE_TIME_LOOKBACK_MS = 7 * 24 * 3600_000;
/** Fewer recent handle times than this and the default stands in (a configured assumption). */
const MIN_HANDLE_SAMPLES = 5;

/** Median minutes from pick-up to a person's resolution over the team's recent conversations. */
const recentHandleMinutes = async (ctx: AppContext, teamKey: string): Promise<number> => {
  const since = new Date(ctx.now().getTime() - HANDLE_TIME_LOOKBACK_MS);
  const events = await ctx.store.events.listByType(ctx.workspace.id, ['assigned', 'resolved'], since);
  const minutes = [...humanHandleTimes(events).values()]
    .filter((t) => t.teamKey === teamKey)
    .map((t) => t.minutes);
  return minutes.length < MIN_HANDLE_SAMPLES ? DEFAULT_HANDLE_MINUTES : median(minutes);
};

/** The team's live queue: who waits, who is on shift with how many free chat slots, recent handle time. */
export const teamQueueSnapshot = async (ctx: AppContext, teamKey: string): Promise<LiveQueueSnapshot> => {
  const [queued, agents, openCounts, avgHandleMinutes] = await Promise.all([
    ctx.store.conversations.list(ctx.workspace.id, {
      states: ['queued'],
      teamKeys: [teamKey],
      limit: 10_000,
    }),
    ctx.store.agents.list(ctx.workspace.id),
    ctx.store.conversations.countOpenByAssignee(ctx.workspace.id),
    recentHandleMinutes(ctx, teamKey),
  ]);
  const onShift = agents.filter((a) => a.status === 'available' && a.teamKeys.includes(teamKey));
  const freeSlots = onShift.reduce(
    (sum, a) => sum + Math.max(0, a.capacity - (openCounts.get(a.id) ?? 0)),
    0,
  );
  // Agents' capacities are their chat concurrency; the team's is their average (1 with nobody on shift).
  const concurrency =
    onShift.length > 0 ? onShift.reduce((sum, a) => sum + a.capacity, 0) / onShift.length : 1;
  return {
    waitingAhead: queued.length,
    agentsOnShift: onShift.length,
    concurrency,
    freeSlots,
    recentHandleMinutes: avgHandleMinutes,
  };
};
