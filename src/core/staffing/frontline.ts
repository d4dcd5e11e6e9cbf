import { effectiveHandleSeconds, trafficErlangs } from './concurrency.ts';
import { isOpen, weeklyShares } from './intraday.ts';
import type { StaffingPlanInput } from './plan-input.ts';
import { smallestAgents } from './smallest-agents.ts';
import { type HumanWork, handleHoursPerWeek, sum } from './workload.ts';

const secondsPerHour = 3600;

export interface FrontlineFigures {
  readonly fte: number;
  readonly scheduledHoursPerWeek: number;
  readonly productiveHoursPerFte: number;
  readonly liveAgentHours: number;
  /** Hours of live-channel work (Erlangs summed over the open hours): liveLoadHours ÷ liveAgentHours is how busy live agents are. */
  readonly liveLoadHours: number;
  readonly deferredAgentHours: number;
  /** Agent-hours added only to keep `minimumCoverage` people on shift. */
  readonly coverageHours: number;
  readonly peakAgents: number;
  readonly openHours: number;
  readonly humanPerWeek: number;
  readonly handleHours: number;
  readonly channels: readonly {
    readonly channel: string;
    readonly humanPerWeek: number;
    readonly ahtMinutes: number;
    readonly model: 'erlangC' | 'erlangA' | 'workload';
  }[];
}

/**
 * Frontline agents: for every open hour, Erlang C (Erlang A where patience is set) per live channel
 * at that hour's arrivals, plus deferred work (email) at the occupancy cap, at least the minimum
 * coverage; the week's agent-hours are then divided by one person's productive hours.
 */
export const frontlineStaffing = (input: StaffingPlanInput, work: readonly HumanWork[]): FrontlineFigures => {
  const shares = weeklyShares(input);
  // Flat and day-and-hour profiles give many hours the same load: search each distinct one once
  // (Erlang A's search costs milliseconds, times 168 hours, times every point of the curve).
  const agentsFor = new Map<string, number>();
  const smallestAgentsOnce = (target: Parameters<typeof smallestAgents>[0]): number => {
    const key = JSON.stringify(target);
    const known = agentsFor.get(key);
    if (known !== undefined) return known;
    const agents = smallestAgents(target).agents;
    agentsFor.set(key, agents);
    return agents;
  };
  const frontWork = work.filter((w) => !w.specialist);
  const channels = input.channels.map((channel) => {
    const rows = frontWork.filter((w) => w.channel === channel.id);
    const humanPerWeek = sum(rows.map((r) => r.humanPerWeek));
    const ahtMinutes = humanPerWeek > 0 ? (handleHoursPerWeek(rows) * 60) / humanPerWeek : 0;
    return { channel, humanPerWeek, ahtMinutes };
  });

  let liveAgentHours = 0;
  let liveLoadHours = 0;
  let deferredAgentHours = 0;
  let coverageHours = 0;
  let peakAgents = 0;
  let openHours = 0;
  shares.forEach((share, hour) => {
    if (!isOpen(input.openingHours, hour)) return;
    openHours += 1;
    let live = 0;
    let liveLoad = 0;
    let deferredLoad = 0;
    for (const { channel, humanPerWeek, ahtMinutes } of channels) {
      const arrivals = humanPerWeek * share;
      if (arrivals <= 0) continue;
      if (channel.kind === 'deferred') {
        deferredLoad += (arrivals * ahtMinutes) / 60;
        continue;
      }
      const ahtSeconds = effectiveHandleSeconds(
        ahtMinutes * 60,
        channel.concurrency,
        input.concurrencyEfficiency,
      );
      const load = trafficErlangs(arrivals, secondsPerHour, ahtSeconds);
      liveLoad += load;
      live += smallestAgentsOnce({
        trafficErlangs: load,
        ahtSeconds,
        targetSeconds: channel.targetSeconds,
        serviceLevel: channel.serviceLevel,
        maxOccupancy: input.maxOccupancy,
        patienceSeconds: channel.patienceSeconds,
      });
    }
    // Blended agents work email in the idle time the live queue leaves them (up to the occupancy cap);
    // only what does not fit needs more people. Unblended, deferred work gets its own people.
    const deferred = input.blendDeferredWork
      ? Math.max(0, (liveLoad + deferredLoad) / input.maxOccupancy - live)
      : deferredLoad / input.maxOccupancy;
    const needed = live + deferred;
    const scheduled = Math.max(needed, input.minimumCoverage);
    liveAgentHours += live;
    liveLoadHours += liveLoad;
    deferredAgentHours += deferred;
    coverageHours += scheduled - needed;
    peakAgents = Math.max(peakAgents, Math.ceil(scheduled));
  });

  const scheduledHoursPerWeek = liveAgentHours + deferredAgentHours + coverageHours;
  const productiveHoursPerFte = input.hoursPerFteWeek * (1 - input.shrinkage);
  return {
    fte: scheduledHoursPerWeek / productiveHoursPerFte,
    scheduledHoursPerWeek,
    productiveHoursPerFte,
    liveAgentHours,
    liveLoadHours,
    deferredAgentHours,
    coverageHours,
    peakAgents,
    openHours,
    humanPerWeek: sum(channels.map((c) => c.humanPerWeek)),
    handleHours: handleHoursPerWeek(frontWork),
    channels: channels.map(({ channel, humanPerWeek, ahtMinutes }) => ({
      channel: channel.id,
      humanPerWeek,
      ahtMinutes,
      model:
        channel.kind === 'deferred'
          ? 'workload'
          : channel.patienceSeconds === undefined
            ? 'erlangC'
            : 'erlangA',
    })),
  };
};
