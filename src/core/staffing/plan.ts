import { DomainError } from '../errors.ts';
import { effectiveConcurrency } from './concurrency.ts';
import { type FrontlineFigures, frontlineStaffing } from './frontline.ts';
import {
  type StaffingPlanInput,
  type StaffingPlanInputDraft,
  staffingPlanInputSchema,
} from './plan-input.ts';
import { type Comparison, compareWithReported } from './reference-check.ts';
import {
  aiQaStaffing,
  analyticsStaffing,
  knowledgeOpsStaffing,
  type RoleFigure,
  round,
  specialistStaffing,
  teamLeadStaffing,
} from './roles.ts';
import { handleHoursPerWeek, humanWork, type Stage, sum } from './workload.ts';

export const roleIds = [
  'frontline',
  'aiQa',
  'knowledgeOps',
  'specialists',
  'analytics',
  'teamLeads',
] as const;
export type RoleId = (typeof roleIds)[number];

export const roleLabels: Readonly<Record<RoleId, string>> = {
  frontline: 'Frontline agents',
  aiQa: 'AI QA',
  knowledgeOps: 'Knowledge & ops',
  specialists: 'Complex-case specialists',
  analytics: 'Analytics',
  teamLeads: 'Team leads',
};

export interface RoleLine {
  readonly role: RoleId;
  readonly label: string;
  readonly before: RoleFigure;
  readonly after: RoleFigure;
  /** after − before, in FTE. */
  readonly change: number;
}

export interface StageTotals {
  readonly fte: number;
  /** Whole people: the total FTE rounded; roles under one FTE are shared part-time. */
  readonly headcount: number;
  /** Frontline + specialists: the people who handle conversations. */
  readonly agentsFte: number;
  readonly humanConversationsPerWeek: number;
  readonly handleHoursPerWeek: number;
}

/** JSON-serialisable team plan: every number finite, every line explained. */
export interface StaffingPlan {
  readonly name: string;
  readonly roles: readonly RoleLine[];
  readonly totals: { readonly before: StageTotals; readonly after: StageTotals };
  readonly automation: {
    readonly conversationsPerWeek: number;
    readonly aiResolvedPerWeek: number;
    /** Share of conversations the AI resolves. */
    readonly volumeShare: number;
    /** Share of human handle hours removed (less than volumeShare when the AI keeps the short ones). */
    readonly handleHoursShareRemoved: number;
    /** Team after ÷ team before, in FTE. */
    readonly remainingTeamShare: number;
  };
  readonly comparisons: readonly Comparison[];
  readonly notes: readonly string[];
}

interface StagePlan {
  readonly roles: Readonly<Record<RoleId, RoleFigure>>;
  readonly frontline: FrontlineFigures;
  readonly totals: StageTotals;
  readonly aiResolvedPerWeek: number;
}

/** Parses a plan input (defaults filled in), or throws a DomainError listing every problem with its path. */
export const parsePlanInput = (raw: unknown): StaffingPlanInput => {
  const parsed = staffingPlanInputSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((i) => `${i.path.join('.') || '(input)'}: ${i.message}`);
  throw new DomainError('invalid_input', `Invalid plan input — ${problems.join('; ')}`, parsed.error.issues);
};

/** Head count per role before and after automation, each line with its formula and inputs (SPEC §10). */
export const planStaffing = (raw: StaffingPlanInputDraft | StaffingPlanInput): StaffingPlan => {
  const input = parsePlanInput(raw);
  const before = planStage(input, 'before');
  const after = planStage(input, 'after');
  const conversationsPerWeek = sum(input.volume.map((v) => v.perWeek));
  const automation = {
    conversationsPerWeek: round(conversationsPerWeek, 1),
    aiResolvedPerWeek: round(after.aiResolvedPerWeek, 1),
    volumeShare: round(conversationsPerWeek > 0 ? after.aiResolvedPerWeek / conversationsPerWeek : 0, 4),
    // A team with no handle hours (or no people) yet has nothing to remove: 0 and 1, not 0 ÷ 0.
    handleHoursShareRemoved: round(
      before.totals.handleHoursPerWeek > 0
        ? 1 - after.totals.handleHoursPerWeek / before.totals.handleHoursPerWeek
        : 0,
      4,
    ),
    remainingTeamShare: round(before.totals.fte > 0 ? after.totals.fte / before.totals.fte : 1, 4),
  };
  const roles = roleIds.map((role) => ({
    role,
    label: roleLabels[role],
    before: roundFigure(before.roles[role]),
    after: roundFigure(after.roles[role]),
    change: round(after.roles[role].fte - before.roles[role].fte),
  }));
  const comparisons = compareWithReported(
    input,
    { roles, totals: { before: before.totals, after: after.totals } },
    (i) => planStage(i, 'after'),
  );
  return {
    name: input.name,
    roles,
    totals: { before: before.totals, after: after.totals },
    automation,
    comparisons,
    notes: [...modelNotes(input, automation, before, after), ...comparisons.map((c) => c.note)],
  };
};

/** Every role at one stage; exported for the reference check and the automation curve. */
export const planStage = (input: StaffingPlanInput, stage: Stage): StagePlan => {
  const work = humanWork(input, stage);
  const aiResolvedPerWeek = sum(work.map((w) => w.aiResolvedPerWeek));
  const frontline = frontlineStaffing(input, work);
  const specialists = specialistStaffing(input, work);
  const aiQa = aiQaStaffing(input, aiResolvedPerWeek);
  const knowledgeOps = knowledgeOpsStaffing(input, aiResolvedPerWeek > 0);
  const core = frontline.fte + specialists.fte + aiQa.fte + knowledgeOps.fte;
  const analytics = analyticsStaffing(input, core, aiResolvedPerWeek);
  const teamLeads = teamLeadStaffing(input, core + analytics.fte);
  const roles = {
    frontline: frontlineFigure(input, frontline),
    aiQa,
    knowledgeOps,
    specialists,
    analytics,
    teamLeads,
  };
  const fte = sum(roleIds.map((r) => roles[r].fte));
  return {
    roles,
    frontline,
    aiResolvedPerWeek,
    totals: {
      fte: round(fte),
      headcount: fte > 0 ? Math.max(1, Math.round(fte)) : 0,
      agentsFte: round(frontline.fte + specialists.fte),
      humanConversationsPerWeek: round(sum(work.map((w) => w.humanPerWeek)), 1),
      handleHoursPerWeek: round(handleHoursPerWeek(work), 1),
    },
  };
};

const frontlineFigure = (input: StaffingPlanInput, f: FrontlineFigures): RoleFigure => {
  const channelText = f.channels
    .filter((c) => c.humanPerWeek > 0)
    .map((c) => {
      const channel = input.channels.find((ch) => ch.id === c.channel);
      const live =
        channel?.kind === 'live'
          ? `, ${channel.serviceLevel * 100}% in ${channel.targetSeconds} s, concurrency ${channel.concurrency} (×${round(effectiveConcurrency(channel.concurrency, input.concurrencyEfficiency), 2)} throughput), ${c.model === 'erlangA' ? 'Erlang A' : 'Erlang C'}`
          : ', worked at the occupancy cap';
      return `${c.channel}: ${Math.round(c.humanPerWeek)}/week at ${round(c.ahtMinutes, 1)} min${live}`;
    })
    .join('; ');
  return {
    fte: f.fte,
    explanation: `${channelText}. Per open hour (${f.openHours} h/week, max occupancy ${input.maxOccupancy * 100}%): ${round(f.liveAgentHours, 1)} live (busy ${f.liveAgentHours > 0 ? Math.round((100 * f.liveLoadHours) / f.liveAgentHours) : 0}% on live work) + ${round(f.deferredAgentHours, 1)} deferred (${input.blendDeferredWork ? 'beyond what fits in live agents’ idle time' : 'own agents'}) + ${round(f.coverageHours, 1)} minimum-coverage (${input.minimumCoverage} on shift) = ${round(f.scheduledHoursPerWeek, 1)} agent-hours ÷ ${round(f.productiveHoursPerFte, 1)} productive h (${input.hoursPerFteWeek} h × (1 − ${input.shrinkage * 100}% shrinkage)) = ${round(f.fte, 2)} FTE; peak ${f.peakAgents} on shift.`,
    inputs: {
      humanConversationsPerWeek: round(f.humanPerWeek, 1),
      handleHoursPerWeek: round(f.handleHours, 1),
      liveAgentHours: round(f.liveAgentHours, 1),
      liveAgentsBusyShare: f.liveAgentHours > 0 ? round(f.liveLoadHours / f.liveAgentHours, 3) : 0,
      deferredAgentHours: round(f.deferredAgentHours, 1),
      coverageAgentHours: round(f.coverageHours, 1),
      scheduledAgentHours: round(f.scheduledHoursPerWeek, 1),
      productiveHoursPerFte: round(f.productiveHoursPerFte, 2),
      openHoursPerWeek: f.openHours,
      peakAgentsOnShift: f.peakAgents,
      minimumCoverage: input.minimumCoverage,
      maxOccupancy: input.maxOccupancy,
      shrinkage: input.shrinkage,
    },
  };
};

const roundFigure = (figure: RoleFigure): RoleFigure => ({ ...figure, fte: round(figure.fte) });

const pct = (share: number): string => `${round(share * 100, 1)}%`;

const modelNotes = (
  input: StaffingPlanInput,
  automation: StaffingPlan['automation'],
  before: StagePlan,
  after: StagePlan,
): string[] => [
  `The AI resolves ${pct(automation.volumeShare)} of conversations but removes ${pct(automation.handleHoursShareRemoved)} of human handle hours: what is left takes longer (+${pct(input.residualHandleTimeIncrease)} on categories the AI resolves at least ${pct(input.residualIncreaseFullAtShare)} of, less below) and the AI takes the short ones.`,
  `The team goes from ${before.totals.fte} to ${after.totals.fte} FTE (${pct(automation.remainingTeamShare)} remains; ${before.totals.headcount} → ${after.totals.headcount} people).`,
  ...(after.frontline.coverageHours > 0
    ? [
        `Minimum coverage adds ${round(after.frontline.coverageHours, 1)} agent-hours/week after automation: some open hours have too little work for ${input.minimumCoverage} agent(s), who then have idle time.`,
      ]
    : []),
];
