/** Public face of the staffing core: queueing formulas, the agent search and the team planner. */

export {
  defaultConcurrencyEfficiency,
  effectiveConcurrency,
  effectiveHandleSeconds,
  scheduledAgents,
  trafficErlangs,
} from './concurrency.ts';
export { type ErlangAFigures, type ErlangAInput, erlangA } from './erlang-a.ts';
export { type ErlangBInput, erlangB, smallestAgentsForBlocking } from './erlang-b.ts';
export { type ErlangCInput, erlangC, type QueueFigures } from './erlang-c.ts';
export { type StaffingResult, type StaffingTarget, smallestAgents } from './smallest-agents.ts';
