/** What the policy finds in a turn before any answer (SPEC §3 step 5): the half of a decision the answer does not change. */

import type { CategoryPrediction } from '../category/index.ts';
import type { EscalationPolicy } from '../policy/index.ts';
import { isClosingRemark } from '../signals/closing-remark.ts';
import type { SignalReport } from '../signals/index.ts';
import type { DecisionInput } from './decide.ts';
import type { AppliedThresholds } from './decision-types.ts';
import { riskCues } from './risk-cues.ts';
import { matchingRules } from './rules.ts';
import { type FiredReason, signalReasons } from './signal-reasons.ts';

/** A high-risk runner-up escalates at this share of the floor (e.g. 0.2 × 0.75 = 0.15: a missed fraud or closure costs more than an extra handoff). */
const runnerUpFloorFactor = 0.75;

const round = (value: number): number => Math.round(value * 1000) / 1000;

/** Runs of two or more letters, digits or apostrophes (UTF-16 units, as `length` counts them). */
export const contentWordCount = (text: string): number => {
  let count = 0;
  let run = 0;
  for (let at = 0; at < text.length; at++) {
    const code = text.charCodeAt(at);
    // Beyond ASCII the Unicode letter and number classes decide; most messages never get here.
    if (code >= 128) return unicodeContentWordCount(text);
    if (isAsciiWordCharacter(code)) run++;
    else {
      if (run > 1) count++;
      run = 0;
    }
  }
  return run > 1 ? count + 1 : count;
};

/** A-Z, a-z, 0-9 and the apostrophe: in ASCII, exactly what `[\p{L}\p{N}']` matches. */
const isAsciiWordCharacter = (code: number): boolean =>
  (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) || code === 39;

const unicodeContentWordCount = (text: string): number =>
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

/**
 * What the policy finds in a turn whatever the answer: the reasons from signals, category and
 * rules, the thresholds that apply, and the tests for asking a clarifying question. A turn decides
 * twice (before the answer and after it), so it finds these once and hands them to both decisions.
 */
export interface PolicyFindings {
  readonly category: string;
  /** Reasons from the signals, then the category, then the custom rules. */
  readonly reasons: readonly FiredReason[];
  readonly thresholds: AppliedThresholds;
  /** The model is unsure, or only sure that the message is about nothing in particular. */
  readonly unclear: boolean;
  /** The message is short enough that a clarifying question may help. */
  readonly vague: boolean;
  readonly alreadyAsked: boolean;
  /**
   * The message only thanks, acknowledges or says goodbye (signals/closing-remark.ts) and no reason
   * hands it over: the policy's closing reply answers it, and no model is asked.
   */
  readonly closesOnly: boolean;
  /** A high-risk category that scores too high to keep the customer waiting on a question. */
  readonly possiblyRisky: CategoryPrediction['scores'][number] | undefined;
}

/** The half of a decision that does not depend on the answer attempt. */
export const policyFindings = (input: Omit<DecisionInput, 'attempt'>): PolicyFindings => {
  const { policy, signals, prediction } = input;
  const category = policy.categories[prediction.category] ? prediction.category : policy.defaultCategory;
  const settings = policy.categories[category];
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
  const thresholds: AppliedThresholds = {
    answerConfidence: settings?.threshold ?? 1,
    clarifyBelowCategoryConfidence: policy.clarify.belowCategoryConfidence,
    highRiskScoreFloor: policy.highRiskScoreFloor,
    amountLimit: settings?.amountLimit ?? null,
    maxAiTurns: policy.triggers.maxAiTurns,
    repeatedAskAt: policy.triggers.repeatedAsk.atRepeat,
    sentimentBelow: policy.triggers.negativeSentiment.below,
    sentimentFallingOver: policy.triggers.negativeSentiment.fallingOver,
    frustrationMinScore: policy.triggers.frustration.minScore,
  };
  const reasons = [...fromSignals, ...fromCategory, ...fromRules];
  return {
    category,
    reasons,
    thresholds,
    unclear:
      prediction.confidence < policy.clarify.belowCategoryConfidence || category === policy.defaultCategory,
    vague: contentWordCount(input.latestText) <= policy.clarify.maxWords,
    alreadyAsked: input.previousAiText?.trim() === policy.clarify.question.trim(),
    // The reasons first: when one hands over, the message need not be read for a closing remark.
    closesOnly: reasons.every((reason) => reason.action !== 'escalate') && isClosingRemark(input.latestText),
    possiblyRisky: prediction.scores.find(
      (score) =>
        policy.categories[score.category]?.highRisk === true &&
        score.score >= policy.clarify.unlessHighRiskAbove,
    ),
  };
};
