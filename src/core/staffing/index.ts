/** Public face of the staffing core: queueing formulas, the agent search and the team planner. */

export { type AutomationPoint, automationCurve, withAutomationRate } from './automation-curve.ts';
export {
  defaultConcurrencyEfficiency,
  effectiveConcurrency,
  effectiveHandleSeconds,
  scheduledAgents,
  trafficErlangs,
} from './concurrency.ts';
export { defaultPlanInput } from './default-plan.ts';
export { type ErlangAFigures, type ErlangAInput, erlangA } from './erlang-a.ts';
export { type ErlangBInput, erlangB, smallestAgentsForBlocking } from './erlang-b.ts';
export { type ErlangCInput, erlangC, type QueueFigures } from './erlang-c.ts';
export {
  parsePlanInput,
  planStaffing,
  type RoleId,
  type RoleLine,
  roleIds,
  roleLabels,
  type StaffingPlan,
  type StageTotals,
} from './plan.ts';
export {
  type StaffingPlanInput,
  type StaffingPlanInputDraft,
  staffingPlanInputSchema,
} from './plan-input.ts';
export type { Comparison } from './reference-check.ts';
export type { RoleFigure } from './roles.ts';
export { type StaffingResult, type StaffingTarget, smallestAgents } from './smallest-agents.ts';
