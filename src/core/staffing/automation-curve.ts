import { parsePlanInput, planStaffing, type RoleId, type StaffingPlan } from './plan.ts';
import type { StaffingPlanInput, StaffingPlanInputDraft } from './plan-input.ts';

export interface AutomationPoint {
  /** Share of conversations the AI resolves. */
  readonly automationRate: number;
  readonly fte: number;
  readonly headcount: number;
  readonly byRole: Readonly<Record<RoleId, number>>;
}

/**
 * Sets every category's AI share to reach an overall automation rate, keeping the input's relative
 * mix (categories the AI handles well stay ahead; none goes above 100%). With no AI share anywhere,
 * the rate is applied evenly to non-specialist categories.
 */
export const withAutomationRate = (input: StaffingPlanInput, rate: number): StaffingPlanInput => {
  const volumeOf = (id: string): number =>
    input.volume.filter((v) => v.category === id).reduce((total, v) => total + v.perWeek, 0);
  const total = input.categories.reduce((sum, c) => sum + volumeOf(c.id), 0);
  const base = input.categories.map((c) =>
    input.categories.some((x) => x.aiResolutionShare > 0) ? c.aiResolutionShare : c.specialist ? 0 : 1,
  );
  const resolved = (k: number): number =>
    input.categories.reduce((sum, c, i) => sum + volumeOf(c.id) * Math.min(1, k * (base[i] ?? 0)), 0);
  let low = 0;
  let high = 1;
  while (resolved(high) < rate * total && high < 1e6) high *= 2;
  for (let i = 0; i < 60; i += 1) {
    const mid = (low + high) / 2;
    if (resolved(mid) < rate * total) low = mid;
    else high = mid;
  }
  const scale = rate <= 0 ? 0 : high; // exactly no AI at rate 0, not a vanishing share
  return {
    ...input,
    categories: input.categories.map((c, i) => ({
      ...c,
      aiResolutionShare: Math.min(1, scale * (base[i] ?? 0)),
    })),
  };
};

/** Team size after automation for each automation rate, for a head-count vs automation chart. */
export const automationCurve = (
  raw: StaffingPlanInputDraft | StaffingPlanInput,
  rates: readonly number[],
): AutomationPoint[] => {
  const input = parsePlanInput(raw);
  return rates.map((rate) => {
    const plan: StaffingPlan = planStaffing({ ...withAutomationRate(input, rate), reported: undefined });
    const after = (role: RoleId): number => plan.roles.find((r) => r.role === role)?.after.fte ?? 0;
    const byRole: Record<RoleId, number> = {
      frontline: after('frontline'),
      aiQa: after('aiQa'),
      knowledgeOps: after('knowledgeOps'),
      specialists: after('specialists'),
      analytics: after('analytics'),
      teamLeads: after('teamLeads'),
    };
    return {
      automationRate: plan.automation.volumeShare,
      fte: plan.totals.after.fte,
      headcount: plan.totals.after.headcount,
      byRole,
    };
  });
};
