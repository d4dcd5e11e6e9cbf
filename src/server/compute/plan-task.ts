/** One planner request as a worker task: the plan and its automation curve (pure, no I/O). */
import { defaultCurveRates, type PlanResponse } from '../../api/planner-schemas.ts';
import { automationCurve, planStaffing, type StaffingPlanInput } from '../../core/staffing/index.ts';

export interface PlanTask {
  readonly input: StaffingPlanInput;
  readonly curveRates?: readonly number[] | undefined;
}

export const computePlan = ({ input, curveRates }: PlanTask): PlanResponse => ({
  plan: planStaffing(input),
  curve: automationCurve(input, curveRates ?? defaultCurveRates),
});

export default computePlan;
