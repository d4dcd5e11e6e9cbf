import type { RoleLine, StageTotals } from './plan.ts';
import type { ReportedRanges, StaffingPlanInput } from './plan-input.ts';
import type { RoleFigure } from './roles.ts';

/** How the model compares with one figure people report, and what would have to hold to match it. */
export interface Comparison {
  readonly figure: keyof Omit<ReportedRanges, 'source'>;
  readonly model: number;
  readonly reported: readonly [number, number];
  readonly within: boolean;
  /** model − nearest end of the reported range; 0 when within. */
  readonly gap: number;
  readonly note: string;
  /** Outside the range: one sentence naming the input that would have to change (null when within). */
  readonly change: string | null;
}

/** What would bring the model to the reported range: the clause for the note and one plain sentence. */
interface WhatWouldHold {
  readonly clause: string;
  readonly change: string;
}

interface PlanSummary {
  readonly roles: readonly RoleLine[];
  readonly totals: { readonly before: StageTotals; readonly after: StageTotals };
}

interface StageFigures {
  readonly roles: Readonly<Record<RoleLine['role'], RoleFigure>>;
  readonly totals: StageTotals;
}

const r2 = (v: number): number => Math.round(v * 100) / 100;
const productiveHours = (input: StaffingPlanInput): number => input.hoursPerFteWeek * (1 - input.shrinkage);

/**
 * Compares the plan with `input.reported` figure by figure. Outside a range it says by how much, and
 * solves for the one input that would bring the model to the nearest end of the range.
 */
export const compareWithReported = (
  input: StaffingPlanInput,
  plan: PlanSummary,
  afterStage: (input: StaffingPlanInput) => StageFigures,
): Comparison[] => {
  const reported = input.reported;
  if (reported === undefined) return [];
  const after = (role: RoleLine['role']): number => plan.roles.find((r) => r.role === role)?.after.fte ?? 0;
  const figures: [Comparison['figure'], number][] = [
    ['teamAfter', plan.totals.after.fte],
    ['remainingShare', plan.totals.after.fte / plan.totals.before.fte],
    ['frontline', after('frontline')],
    ['aiQa', after('aiQa')],
    ['knowledgeOps', after('knowledgeOps')],
    ['specialists', after('specialists')],
    ['analytics', after('analytics')],
  ];
  return figures.flatMap(([figure, model]) => {
    const range = reported[figure];
    if (range === undefined) return [];
    const [low, high] = range;
    const within = model >= low - 1e-9 && model <= high + 1e-9;
    const bound = model < low ? low : high;
    const gap = within ? 0 : model - bound;
    const shown = figure === 'remainingShare' ? `${r2(model * 100)}%` : `${r2(model)} FTE`;
    const rangeText =
      figure === 'remainingShare'
        ? `${r2(low * 100)}–${r2(high * 100)}%`
        : low === high
          ? `${low}`
          : `${low}–${high}`;
    const hold = within ? null : whatWouldHaveToHold(input, plan, afterStage, figure, bound);
    const note = hold
      ? `${figure}: model ${shown} is ${gap > 0 ? 'above' : 'below'} the reported ${rangeText} by ${figure === 'remainingShare' ? `${r2(Math.abs(gap) * 100)} points` : `${r2(Math.abs(gap))} FTE`} (${reported.source}); ${hold.clause}`
      : `${figure}: model ${shown} is within the reported ${rangeText} (${reported.source}).`;
    return [
      { figure, model: r2(model), reported: range, within, gap: r2(gap), note, change: hold?.change ?? null },
    ];
  });
};

const whatWouldHaveToHold = (
  input: StaffingPlanInput,
  plan: PlanSummary,
  afterStage: (input: StaffingPlanInput) => StageFigures,
  figure: Comparison['figure'],
  bound: number,
): WhatWouldHold => {
  const hours = productiveHours(input);
  const line = plan.roles.find((r) => r.role === figure);
  switch (figure) {
    case 'aiQa': {
      const { samplingRate, flaggedShare, minutesPerReview } = input.roles.aiQa;
      const reviewsNeeded = (bound * hours * 60) / minutesPerReview;
      const aiPerWeek = Number(line?.after.inputs.aiResolvedPerWeek ?? 0);
      if (aiPerWeek <= 0) {
        const none = 'there are no AI conversations to review.';
        return { clause: none, change: 'There are no AI conversations to review.' };
      }
      const rate = `${r2((reviewsNeeded / aiPerWeek - flaggedShare) * 100)}% (now ${samplingRate * 100}%, plus ${flaggedShare * 100}% flagged)`;
      return {
        clause: `to match, the sampling rate would have to be ${rate} at ${minutesPerReview} min per review.`,
        change: `The QA sampling rate would have to be ${rate}.`,
      };
    }
    case 'knowledgeOps': {
      const k = input.roles.knowledgeOps;
      const now = Number(line?.after.inputs.hoursPerWeek ?? 0);
      const gaps = k.gapsPerWeek + ((bound * hours - now) * 60) / Math.max(k.minutesPerGap, 1e-9);
      if (gaps < 0) {
        const clause = `even with no knowledge gaps the other upkeep exceeds ${r2(bound * hours)} h/week; fewer articles, integrations or policy changes would have to hold.`;
        return { clause, change: 'Fewer articles, integrations or policy changes would have to hold.' };
      }
      return {
        clause: `to match, knowledge gaps fixed per week would have to be about ${Math.round(gaps)} (now ${k.gapsPerWeek}), or the upkeep would have to total ${r2(bound * hours)} h/week (now ${now}).`,
        change: `Knowledge gaps fixed per week would have to be about ${Math.round(gaps)} (now ${k.gapsPerWeek}).`,
      };
    }
    case 'specialists': {
      const occupancy = input.roles.specialists.occupancy;
      const neededHours = bound * hours * occupancy;
      const now = Number(line?.after.inputs.handleHoursPerWeek ?? 0);
      const occupancyNeeded = (occupancy * (line?.after.fte ?? 0)) / Math.max(bound, 1e-9);
      const byOccupancy =
        occupancyNeeded <= 0.95
          ? `, or specialist occupancy ${r2(occupancyNeeded * 100)}% (now ${occupancy * 100}%)`
          : '';
      return {
        clause: `to match, specialist work would have to be ${r2(neededHours)} h/week (now ${now} h: volume or handle time of the specialist categories)${byOccupancy}.`,
        change: `The specialist categories’ volume or handle time would have to come to ${r2(neededHours)} h/week (now ${now} h).`,
      };
    }
    case 'analytics': {
      const work = `${r2(bound * hours)} h/week (now ${line?.after.inputs.hoursPerWeek ?? 0} h)`;
      return {
        clause: `to match, analytics work would have to be ${work}.`,
        change: `Analytics work would have to be ${work}.`,
      };
    }
    default:
      return residualIncreaseToReach(input, plan, afterStage, figure, bound);
  }
};

/** Frontline and team figures grow with the residual handle-time increase: bisect for the value that reaches `bound`. */
const residualIncreaseToReach = (
  input: StaffingPlanInput,
  plan: PlanSummary,
  afterStage: (input: StaffingPlanInput) => StageFigures,
  figure: Comparison['figure'],
  bound: number,
): WhatWouldHold => {
  const value = (increase: number): number => {
    const stage = afterStage({ ...input, residualHandleTimeIncrease: increase });
    if (figure === 'frontline') return stage.roles.frontline.fte;
    if (figure === 'teamAfter') return stage.totals.fte;
    return stage.totals.fte / plan.totals.before.fte;
  };
  let low = 0;
  let high = 3;
  const atLow = value(low);
  const atHigh = value(high);
  if (bound < atLow) {
    const busy = Number(
      plan.roles.find((r) => r.role === 'frontline')?.after.inputs.liveAgentsBusyShare ?? 1,
    );
    const over = figure === 'frontline' ? [] : rolesAboveReported(input, plan);
    const idle = busy < 0.6;
    const why =
      over.length > 0
        ? ` The excess sits in ${over.join(', ')}: see those lines for what would have to hold.`
        : idle
          ? ` Live agents are busy only ${r2(busy * 100)}% of their time: whole agents per open hour to meet the live service level hold the frontline up, so a looser service-level target, shorter opening hours or shared cover with other teams would have to hold.`
          : ' The AI would have to take a larger share of the handle hours (longer conversations), or concurrency, shrinkage or coverage would have to differ.';
    const change =
      over.length > 0
        ? `The roles above their range (${over.join(', ')}) would have to come down.`
        : idle
          ? 'A looser live service-level target, shorter opening hours or cover shared with another team would have to hold.'
          : 'The AI would have to take a larger share of the handle hours, or concurrency, shrinkage or coverage would have to differ.';
    return {
      clause: `even with no handle-time increase on the residual work the model gives ${r2(atLow)}.${why}`,
      change,
    };
  }
  if (bound > atHigh) {
    return {
      clause: `even a ${high * 100}% handle-time increase on the residual work stays below it: more volume, lower concurrency or more shrinkage would have to hold.`,
      change: 'More volume, lower concurrency or more shrinkage would have to hold.',
    };
  }
  for (let i = 0; i < 30; i += 1) {
    const mid = (low + high) / 2;
    if (value(mid) < bound) low = mid;
    else high = mid;
  }
  const over = figure === 'frontline' ? [] : rolesAboveReported(input, plan);
  const where = over.length > 0 ? ` Most of the excess sits in ${over.join(', ')}.` : '';
  const increase = `about ${Math.round(high * 100)}% (now ${r2(input.residualHandleTimeIncrease * 100)}%)`;
  return {
    clause: `to match, the handle-time increase on the residual work would have to be ${increase}.${where}`,
    change: `The handle-time increase on the work the AI leaves would have to be ${increase}.`,
  };
};

/** Roles whose after-automation FTE is above the top of their reported range, largest excess first. */
const rolesAboveReported = (input: StaffingPlanInput, plan: PlanSummary): string[] => {
  const reported = input.reported;
  if (reported === undefined) return [];
  return plan.roles
    .flatMap((line) => {
      const range = line.role === 'teamLeads' ? undefined : reported[line.role];
      const excess = range === undefined ? 0 : line.after.fte - range[1];
      return excess > 0 ? [{ text: `${line.role} (+${r2(excess)} FTE)`, excess }] : [];
    })
    .sort((a, b) => b.excess - a.excess)
    .map((o) => o.text);
};
