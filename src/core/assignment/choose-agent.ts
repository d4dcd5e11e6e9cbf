/**
 * Automatic assignment (SPEC §7): the least-loaded available agent on the team who still has a
 * free chat slot; ties go to whoever was assigned least recently, so work spreads evenly.
 */
import type { Agent } from '../model.ts';

export type AssignableAgent = Pick<Agent, 'id' | 'teamKeys' | 'status' | 'capacity' | 'lastAssignedAt'>;

export type OpenCounts = ReadonlyMap<string, number> | Readonly<Record<string, number>>;

const isMap = (counts: OpenCounts): counts is ReadonlyMap<string, number> => counts instanceof Map;

const openCountOf = (openCounts: OpenCounts, agentId: string): number =>
  (isMap(openCounts) ? openCounts.get(agentId) : openCounts[agentId]) ?? 0;

/** Picks who gets the next conversation on a team, or null when nobody has room. */
export const chooseAgent = <A extends AssignableAgent>(
  agents: readonly A[],
  openCounts: OpenCounts,
  teamKey: string,
  now: Date,
): A | null => {
  // A last-assigned time in the future (clock skew between servers) counts as "just now".
  const lastAssigned = (agent: A): number => Math.min(agent.lastAssignedAt?.getTime() ?? 0, now.getTime());
  const candidates = agents
    .filter((agent) => agent.status === 'available' && agent.teamKeys.includes(teamKey) && agent.capacity > 0)
    .map((agent) => ({ agent, open: openCountOf(openCounts, agent.id) }))
    .filter(({ agent, open }) => open < agent.capacity);
  candidates.sort(
    (a, b) =>
      a.open / a.agent.capacity - b.open / b.agent.capacity ||
      a.open - b.open ||
      lastAssigned(a.agent) - lastAssigned(b.agent) ||
      a.agent.id.localeCompare(b.agent.id),
  );
  return candidates[0]?.agent ?? null;
};
