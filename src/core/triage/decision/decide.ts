/** The decision of SPEC §3 step 5: answer, clarify or escalate, with every reason and a full trace. */
import { reasonCodes } from '../../handoff/index.ts';
import type { CategoryPrediction } from '../category/index.ts';
import type { EscalationPolicy } from '../policy/index.ts';
import type { SignalReport } from '../signals/index.ts';
import type {
  AnswerAttempt,
  AppliedThresholds,
  DecisionReason,
  DecisionTrace,
  TriageDecision,
} from './decision-types.ts';
import { familyConfidence } from './family-confidence.ts';
import { riskCues } from './risk-cues.ts';
import { matchingRules } from './rules.ts';
import { type FiredReason, signalReasons } from './signal-reasons.ts';

export interface DecisionInput {
  readonly policy: EscalationPolicy;
  readonly signals: SignalReport;
  readonly prediction: CategoryPrediction;
  readonly attempt: AnswerAttempt;
  /** The customer's latest message (or burst). */
  readonly latestText: string;
  /** The AI's previous message, to avoid asking the same clarifying question twice. */
  readonly previousAiText: string | null;
  readonly customerPlan: string | null;
}

/** A high-risk runner-up escalates at this share of the floor (e.g. 0.2 × 0.75 = 0.15: a missed fraud or closure costs more than an extra handoff). */
const runnerUpFloorFactor = 0.75;

const round = (value: number): number => Math.round(value * 1000) / 1000;

const contentWordCount = (text: string): number =>
  text.split(/[^\p{L}\p{N}']+/u).filter((word) => word.length > 1).length;

/** Reasons from the category: high risk (top or close enough) and amount limit. */
const categoryReasons = (
  policy: EscalationPolicy,
  prediction: CategoryPrediction,
  category: string,
  signals: SignalReport,
  text: string,
): FiredReason[] => {
  const reasons: FiredReason[] = [];
  // A high-risk category escalates at the floor wherever it ranks, unless the policy lets only its
  // cues and triggers speak for it when it is not on top (`runnerUp: false`).
  const escalatesFromBelow = (below: string) =>
    policy.categories[below]?.highRisk === true && policy.categories[below]?.runnerUp !== false;
  const risky = prediction.scores.filter(
    (score) =>
      (score.category === category
        ? policy.categories[category]?.highRisk === true
        : escalatesFromBelow(score.category)) && score.score >= policy.highRiskScoreFloor,
  );
  if (
    policy.categories[category]?.highRisk &&
    prediction.confidence >= policy.highRiskScoreFloor &&
    risky.length === 0
  ) {
    risky.push({ category, score: prediction.confidence });
  }
  // Runner-up: a high-risk category second to another with a meaningful score is close enough.
  const runnerUp = prediction.scores[1];
  if (
    risky.length === 0 &&
    runnerUp &&
    escalatesFromBelow(runnerUp.category) &&
    runnerUp.score >= policy.highRiskScoreFloor * runnerUpFloorFactor
  ) {
    risky.push(runnerUp);
  }
  const [leadRisk] = [...risky].sort((a, b) => b.score - a.score);
  if (leadRisk) {
    const evidence = risky.map((score) => `${score.category} ${round(score.score)}`).join(', ');
    // A possible fraud or closure goes to the team that owns it, even when another category led.
    const team = leadRisk.category !== category ? policy.categories[leadRisk.category]?.team : undefined;
    reasons.push({ code: 'high_risk_category', evidence, action: 'escalate', ...(team ? { team } : {}) });
  }
  // Cue words (a charge the customer did not make, a stolen card) whatever the model scored.
  for (const cue of riskCues(text)) {
    if (policy.categories[cue.category]?.highRisk !== true) continue;
    if (risky.some((score) => score.category === cue.category)) continue;
    const team = policy.categories[cue.category]?.team;
    reasons.push({
      code: 'high_risk_category',
      evidence: `${cue.category} cue: "${cue.evidence}"`,
      action: 'escalate',
      ...(team ? { team } : {}),
    });
  }
  const limit = policy.categories[category]?.amountLimit ?? null;
  const amount = signals.values.amount;
  if (limit !== null && amount && amount.value > limit) {
    reasons.push({
      code: 'amount_over_limit',
      evidence: `${signals.evidence.amount ?? amount.value} over the ${category} limit of ${limit}`,
      action: 'escalate',
    });
  }
  return reasons;
};

/** Reasons from the answer attempt: no grounding, too little confidence, or the AI failing. */
const attemptReasons = (
  attempt: AnswerAttempt,
  threshold: number,
  policy: EscalationPolicy,
  prediction: CategoryPrediction,
): FiredReason[] => {
  if (attempt.kind === 'failed')
    return [{ code: 'ai_unavailable', evidence: attempt.error, action: 'escalate' }];
  if (attempt.kind === 'no_answer')
    return [{ code: 'no_answer', evidence: attempt.reason, action: 'escalate' }];
  const ownConfidence = familyConfidence(policy, prediction);
  const familyNote =
    ownConfidence > prediction.confidence
      ? ` (${round(ownConfidence)} with its team's other categories)`
      : '';
  if (ownConfidence < policy.answerMinCategoryConfidence) {
    return [
      {
        code: 'low_confidence',
        evidence: `category confidence ${round(prediction.confidence)}${familyNote} below ${policy.answerMinCategoryConfidence}: probably not about our business`,
        action: 'escalate',
      },
    ];
  }
  // Not attempted: the policy's own reasons already hand over; no reason comes from an answer.
  if (attempt.kind === 'not_attempted') return [];
  if (attempt.confidence < threshold) {
    return [
      {
        code: 'low_confidence',
        evidence: `answer confidence ${round(attempt.confidence)} below the threshold ${threshold}`,
        action: 'escalate',
      },
    ];
  }
  return [];
};

const orderOf = (reason: DecisionReason): number => reasonCodes.indexOf(reason.code);

const priorityFor = (
  policy: EscalationPolicy,
  reasons: readonly DecisionReason[],
  plan: string | null = null,
): number => {
  const raised = reasons.reduce(
    (total, reason) => total + (policy.priority.raise[reason.code] ?? 0),
    policy.priority.base + (plan ? (policy.priority.plans[plan] ?? 0) : 0),
  );
  return Math.max(0, Math.min(policy.priority.max, raised));
};

/** Decides what to do with the latest customer message under a policy. */
export const decide = (input: DecisionInput): TriageDecision => {
  const { policy, signals, prediction, attempt } = input;
  const category = policy.categories[prediction.category] ? prediction.category : policy.defaultCategory;
  const settings = policy.categories[category];
  const threshold = settings?.threshold ?? 1;
  const why: string[] = [];

  const fromSignals = signalReasons(policy, signals, {
    highRiskCategory: policy.categories[category]?.highRisk === true,
  });
  const fromCategory = categoryReasons(policy, prediction, category, signals, input.latestText);
  const rules = matchingRules(policy, {
    category,
    text: input.latestText,
    amount: signals.values.amount?.value ?? null,
    plan: input.customerPlan,
  });
  const fromRules: FiredReason[] = rules.map((rule) => ({
    code: 'agent_requested_by_rule',
    evidence: `rule ${rule.id}${rule.description ? `: ${rule.description}` : ''}`,
    action: 'escalate',
    ...(rule.team ? { team: rule.team } : {}),
  }));
  const fromAttempt = attemptReasons(attempt, threshold, policy, prediction);
  const all = [...fromSignals, ...fromCategory, ...fromRules, ...fromAttempt].sort(
    (a, b) => orderOf(a) - orderOf(b),
  );
  const forcing = [...fromSignals, ...fromCategory, ...fromRules].filter(
    (reason) => reason.action === 'escalate',
  );
  for (const reason of all)
    why.push(
      `${reason.code} (${reason.action === 'escalate' ? 'hands over' : 'raises priority'}): ${reason.evidence}`,
    );

  const thresholds: AppliedThresholds = {
    answerConfidence: threshold,
    clarifyBelowCategoryConfidence: policy.clarify.belowCategoryConfidence,
    highRiskScoreFloor: policy.highRiskScoreFloor,
    amountLimit: settings?.amountLimit ?? null,
    maxAiTurns: policy.triggers.maxAiTurns,
    repeatedAskAt: policy.triggers.repeatedAsk.atRepeat,
    sentimentBelow: policy.triggers.negativeSentiment.below,
    sentimentFallingOver: policy.triggers.negativeSentiment.fallingOver,
    frustrationMinScore: policy.triggers.frustration.minScore,
  };
  const trace = (): DecisionTrace => ({
    policyVersion: policy.version,
    signals,
    category: {
      name: category,
      confidence: round(prediction.confidence),
      mode: prediction.mode,
      scores: prediction.scores.slice(0, 5),
    },
    retrieval:
      attempt.kind === 'failed'
        ? { kind: 'failed', error: attempt.error }
        : {
            kind: attempt.kind,
            confidence: round(attempt.confidence),
            reason: attempt.kind === 'answer' ? null : attempt.reason,
            tried: attempt.tried,
          },
    thresholds,
    why,
  });
  const common = {
    category,
    categoryConfidence: round(prediction.confidence),
    confidence: attempt.kind === 'failed' ? 0 : round(attempt.confidence),
    policyVersion: policy.version,
  };
  const escalating = all.filter((reason) => reason.action === 'escalate');

  // Unclear: the model is unsure, or only sure that the message is about nothing in particular.
  const unclear =
    prediction.confidence < policy.clarify.belowCategoryConfidence || category === policy.defaultCategory;
  const vague = contentWordCount(input.latestText) <= policy.clarify.maxWords;
  const alreadyAsked = input.previousAiText?.trim() === policy.clarify.question.trim();
  const confidentAnswer = attempt.kind === 'answer' && attempt.confidence >= threshold;
  const possiblyRisky = prediction.scores.find(
    (score) =>
      policy.categories[score.category]?.highRisk === true &&
      score.score >= policy.clarify.unlessHighRiskAbove,
  );
  if (unclear && vague && possiblyRisky) {
    why.push(
      `not asking: ${possiblyRisky.category} scores ${round(possiblyRisky.score)}, too risky to keep the customer waiting`,
    );
  }
  const clarify = unclear && vague && !possiblyRisky && !alreadyAsked && !confidentAnswer;
  if (forcing.length === 0 && attempt.kind !== 'failed' && clarify) {
    why.push(
      `category unclear (${category} at ${round(prediction.confidence)}; clarify below ${policy.clarify.belowCategoryConfidence}) on a short message: asking one question`,
    );
    const team = settings?.team ?? policy.defaultTeam;
    return {
      kind: 'clarify',
      ...common,
      team,
      priority: priorityFor(policy, all, input.customerPlan),
      answer: policy.clarify.question,
      trace: trace(),
    };
  }

  if (escalating.length > 0) {
    const routed = escalating.find((reason) => reason.team !== undefined)?.team;
    const team = routed ?? settings?.team ?? policy.defaultTeam;
    why.push(`escalate to ${team}: ${escalating.map((reason) => reason.code).join(', ')}`);
    const reasons = all.map(({ code, evidence }) => ({ code, evidence }));
    return {
      kind: 'escalate',
      ...common,
      team,
      priority: priorityFor(policy, reasons, input.customerPlan),
      reasons,
      trace: trace(),
    };
  }
  const team = settings?.team ?? policy.defaultTeam;
  why.push(
    `answer: confidence ${common.confidence} ≥ ${threshold} for ${category} and nothing requires a person`,
  );
  const answer = attempt.kind === 'answer' ? attempt.text : '';
  return { kind: 'answer', ...common, team, priority: priorityFor(policy, all), answer, trace: trace() };
};
