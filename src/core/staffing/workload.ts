import type { PlanCategory, StaffingPlanInput } from './plan-input.ts';

export type Stage = 'before' | 'after';

/** Human conversations and handle time for one category on one channel, before or after automation. */
export interface HumanWork {
  readonly category: string;
  readonly channel: string;
  readonly specialist: boolean;
  readonly offeredPerWeek: number;
  readonly aiResolvedPerWeek: number;
  readonly humanPerWeek: number;
  readonly handleMinutes: number;
}

/**
 * Handle time of what people still handle. The AI keeps the easy variants of a category, so the rest
 * takes longer: the full increase once the AI resolves `residualIncreaseFullAtShare` of the category,
 * ramping linearly from nothing below that (resolving 10% of a category barely changes what is left).
 */
export const residualHandleMinutes = (
  input: StaffingPlanInput,
  category: PlanCategory,
  stage: Stage,
): number => {
  if (stage === 'before') return category.handleMinutes;
  const increase = category.residualHandleTimeIncrease ?? input.residualHandleTimeIncrease;
  const ramp = Math.min(1, category.aiResolutionShare / input.residualIncreaseFullAtShare);
  return category.handleMinutes * (1 + increase * ramp);
};

/** Splits every volume row into what the AI resolves and what people handle, at the given stage. */
export const humanWork = (input: StaffingPlanInput, stage: Stage): readonly HumanWork[] =>
  input.volume.flatMap((row) => {
    const category = input.categories.find((c) => c.id === row.category);
    if (category === undefined) return [];
    const aiShare = stage === 'before' ? 0 : category.aiResolutionShare;
    return [
      {
        category: category.id,
        channel: row.channel,
        specialist: category.specialist,
        offeredPerWeek: row.perWeek,
        aiResolvedPerWeek: row.perWeek * aiShare,
        humanPerWeek: row.perWeek * (1 - aiShare),
        handleMinutes: residualHandleMinutes(input, category, stage),
      },
    ];
  });

export const sum = (values: readonly number[]): number => values.reduce((total, v) => total + v, 0);

/** Hours of handling per week in a set of work rows. */
export const handleHoursPerWeek = (rows: readonly HumanWork[]): number =>
  sum(rows.map((r) => (r.humanPerWeek * r.handleMinutes) / 60));
