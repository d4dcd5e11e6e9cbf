import type { StaffingPlanInput } from './plan-input.ts';
import { type HumanWork, handleHoursPerWeek, sum } from './workload.ts';

/** One role's head count at one stage, with the formula and the numbers behind it. */
export interface RoleFigure {
  readonly fte: number;
  readonly explanation: string;
  readonly inputs: Readonly<Record<string, number | string | boolean>>;
}

export const round = (value: number, digits = 2): number => {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
};
const fmt = (value: number, digits = 1): string => round(value, digits).toLocaleString('en-US');

const productiveHours = (input: StaffingPlanInput): number => input.hoursPerFteWeek * (1 - input.shrinkage);

/** AI QA: sampled AI conversations × minutes per review ÷ productive hours, with a floor once the AI carries real volume. */
export const aiQaStaffing = (input: StaffingPlanInput, aiResolvedPerWeek: number): RoleFigure => {
  const qa = input.roles.aiQa;
  const reviews = aiResolvedPerWeek * (qa.samplingRate + qa.flaggedShare);
  const hours = (reviews * qa.minutesPerReview) / 60;
  const computed = hours / productiveHours(input);
  const floored = aiResolvedPerWeek >= qa.activeAbovePerWeek && computed < qa.minimumFte;
  const fte = aiResolvedPerWeek === 0 ? 0 : floored ? qa.minimumFte : computed;
  const formula = `${fmt(aiResolvedPerWeek, 0)} AI conversations/week × (${fmt(qa.samplingRate * 100)}% sampled + ${fmt(qa.flaggedShare * 100)}% flagged) = ${fmt(reviews, 0)} reviews × ${fmt(qa.minutesPerReview)} min = ${fmt(hours)} h ÷ ${fmt(productiveHours(input))} productive h`;
  return {
    fte,
    explanation:
      aiResolvedPerWeek === 0
        ? 'No AI answers to review.'
        : `${formula} = ${fmt(computed, 2)} FTE${floored ? `; raised to the floor of ${qa.minimumFte} FTE because the AI resolves over ${qa.activeAbovePerWeek}/week` : ''}.`,
    inputs: {
      aiResolvedPerWeek: round(aiResolvedPerWeek, 1),
      samplingRate: qa.samplingRate,
      flaggedShare: qa.flaggedShare,
      reviewsPerWeek: round(reviews, 1),
      minutesPerReview: qa.minutesPerReview,
      productiveHoursPerFte: productiveHours(input),
      minimumFte: qa.minimumFte,
    },
  };
};

/** Knowledge & ops: article upkeep, knowledge gaps found, integrations and policy changes, in hours ÷ productive hours. */
export const knowledgeOpsStaffing = (input: StaffingPlanInput, aiActive: boolean): RoleFigure => {
  const k = input.roles.knowledgeOps;
  if (!aiActive) {
    return {
      fte: 0,
      explanation:
        'Without an AI answering, article upkeep is part of agents’ and leads’ off-queue time (inside shrinkage).',
      inputs: {},
    };
  }
  const articleHours = (k.articles * k.minutesPerArticlePerMonth) / 60 / (52 / 12);
  const gapHours = (k.gapsPerWeek * k.minutesPerGap) / 60;
  const integrationHours = k.integrations * k.hoursPerIntegrationPerWeek;
  const policyHours = k.policyChangesPerWeek * k.hoursPerPolicyChange;
  const hours = articleHours + gapHours + integrationHours + policyHours;
  const fte = hours / productiveHours(input);
  return {
    fte,
    explanation: `${k.articles} articles × ${k.minutesPerArticlePerMonth} min/month (${fmt(articleHours)} h/week) + ${k.gapsPerWeek} gaps × ${k.minutesPerGap} min (${fmt(gapHours)} h) + ${k.integrations} integrations × ${k.hoursPerIntegrationPerWeek} h (${fmt(integrationHours)} h) + ${k.policyChangesPerWeek} policy changes × ${k.hoursPerPolicyChange} h (${fmt(policyHours)} h) = ${fmt(hours)} h/week ÷ ${fmt(productiveHours(input))} productive h = ${fmt(fte, 2)} FTE.`,
    inputs: { ...k, hoursPerWeek: round(hours, 1), productiveHoursPerFte: productiveHours(input) },
  };
};

/** Specialists: handle hours of the high-risk/complex categories ÷ (productive hours × specialist occupancy). */
export const specialistStaffing = (input: StaffingPlanInput, work: readonly HumanWork[]): RoleFigure => {
  const rows = work.filter((w) => w.specialist);
  const conversations = sum(rows.map((r) => r.humanPerWeek));
  const hours = handleHoursPerWeek(rows);
  const { occupancy } = input.roles.specialists;
  const fte = hours / (productiveHours(input) * occupancy);
  const categories = [...new Set(rows.map((r) => r.category))];
  return {
    fte,
    explanation:
      rows.length === 0
        ? 'No category is marked as specialist work.'
        : `${fmt(conversations, 0)} conversations/week in ${categories.join(', ')} × their handle times = ${fmt(hours)} h ÷ (${fmt(productiveHours(input))} productive h × ${occupancy * 100}% occupancy) = ${fmt(fte, 2)} FTE.`,
    inputs: {
      categories: categories.join(','),
      conversationsPerWeek: round(conversations, 1),
      handleHoursPerWeek: round(hours, 1),
      occupancy,
    },
  };
};

/** Analytics: base hours + hours per person + hours per 1,000 AI conversations; its own role only from a team size up. */
export const analyticsStaffing = (
  input: StaffingPlanInput,
  teamSize: number,
  aiResolvedPerWeek: number,
): RoleFigure => {
  const a = input.roles.analytics;
  const aiHours = (aiResolvedPerWeek / 1000) * a.hoursPerThousandAiConversations;
  const hours = a.baseHoursPerWeek + teamSize * a.hoursPerPersonPerWeek + aiHours;
  const fte = hours / productiveHours(input);
  const ownRole = teamSize >= a.ownRoleFromTeamSize;
  return {
    fte,
    explanation: `${a.baseHoursPerWeek} h base + ${fmt(teamSize)} people × ${a.hoursPerPersonPerWeek} h + ${fmt(aiResolvedPerWeek / 1000, 2)}k AI conversations × ${a.hoursPerThousandAiConversations} h = ${fmt(hours)} h/week ÷ ${fmt(productiveHours(input))} productive h = ${fmt(fte, 2)} FTE; ${ownRole ? `its own role (team of ${fmt(teamSize)} ≥ ${a.ownRoleFromTeamSize})` : `part of a lead's job below ${a.ownRoleFromTeamSize} people (counted here as a share of a person)`}.`,
    inputs: {
      hoursPerWeek: round(hours, 1),
      teamSize: round(teamSize, 1),
      aiResolvedPerWeek: round(aiResolvedPerWeek, 1),
      ownRole,
      ...a,
    },
  };
};

/** Team leads: everyone else ÷ span of control. */
export const teamLeadStaffing = (input: StaffingPlanInput, teamSize: number): RoleFigure => {
  const { enabled, spanOfControl } = input.roles.teamLeads;
  const fte = enabled ? teamSize / spanOfControl : 0;
  return {
    fte,
    explanation: enabled
      ? `${fmt(teamSize)} people ÷ span of control ${spanOfControl} = ${fmt(fte, 2)} FTE.`
      : 'Team leads not modelled (roles.teamLeads.enabled is false).',
    inputs: { teamSize: round(teamSize, 1), spanOfControl, enabled },
  };
};
