/** Live state of a team's queue, the input of wait estimates (SPEC §6). */
import type { AppContext } from './context.ts';
import type { TeamQueueSnapshot } from './turn-engine.ts';

const DEFAULT_HANDLE_MINUTES = 8;
const HANDLE_TIME_LOOKBACK_MS = 7 * 24 * 3600_000;

/** Median minutes from pick-up to resolution over the team's recent human-handled conversations. */
const recentHandleMinutes = async (ctx: AppContext, teamKey: string): Promise<number> => {
  const since = new Date(ctx.now().getTime() - HANDLE_TIME_LOOKBACK_MS);
  const events = await ctx.store.events.listByType(ctx.workspace.id, ['assigned', 'resolved'], since);
  const assignedAt = new Map<string, Date>();
  const durations: number[] = [];
  for (const event of events) {
    if (
      event.type === 'assigned' &&
      event.data.teamKey === teamKey &&
      !assignedAt.has(event.conversationId)
    ) {
      assignedAt.set(event.conversationId, event.at);
    } else if (event.type === 'resolved') {
      const start = assignedAt.get(event.conversationId);
      if (start) durations.push((event.at.getTime() - start.getTime()) / 60_000);
      assignedAt.delete(event.conversationId);
    }
  }
  if (durations.length < 5) return DEFAULT_HANDLE_MINUTES;
  durations.sort((a, b) => a - b);
  return durations[Math.floor(durations.length / 2)] ?? DEFAULT_HANDLE_MINUTES;
};

export const teamQueueSnapshot = async (ctx: AppContext, teamKey: string): Promise<TeamQueueSnapshot> => {
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
  return { waiting: queued.length, agentsAvailable: onShift.length, freeSlots, avgHandleMinutes };
};
