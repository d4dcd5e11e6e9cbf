/** The decision of SPEC §3 step 5: answer, clarify or escalate, with every reason and a full trace. */
import { reasonCodes } from '../../handoff/index.ts';
import type { CategoryPrediction } from '../category/index.ts';
import type { EscalationPolicy } from '../policy/index.ts';
import type { SignalReport } from '../signals/index.ts';
import type { AnswerAttempt, DecisionReason, DecisionTrace, TriageDecision } from './decision-types.ts';
import { familyConfidence } from './family-confidence.ts';
import { type PolicyFindings, policyFindings } from './policy-findings.ts';
import type { FiredReason } from './signal-reasons.ts';

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

const round = (value: number): number => Math.round(value * 1000) / 1000;

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
  if (ownConfidence < policy.answerMinCategoryConfidence) {
    const familyNote =
      ownConfidence > prediction.confidence
        ? ` (${round(ownConfidence)} with its team's other categories)`
        : '';
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

/** Each code's place in `reasonCodes`, looked up once per code rather than searched on every comparison. */
const reasonOrder: ReadonlyMap<string, number> = new Map(reasonCodes.map((code, at) => [code, at]));
const orderOf = (reason: DecisionReason): number => reasonOrder.get(reason.code) ?? -1;
const byReasonOrder = (a: DecisionReason, b: DecisionReason): number => orderOf(a) - orderOf(b);

/**
 * The same turn's input with an answer attempt. Written out field by field: a turn decides twice,
 * and spreading the input into a new object cost more than some of the decision itself.
 */
export const withAttempt = (
  input: Omit<DecisionInput, 'attempt'>,
  attempt: AnswerAttempt,
): DecisionInput => ({
  policy: input.policy,
  signals: input.signals,
  prediction: input.prediction,
  attempt,
  latestText: input.latestText,
  previousAiText: input.previousAiText,
  customerPlan: input.customerPlan,
});

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

/**
 * What a decision comes to before its trace and wording are written: which kind it is, and its
 * reasons in `reasonCodes` order. Cheap, so a caller that only wants one kind can ask first.
 */
export interface DecisionOutcome {
  readonly kind: 'closing' | 'clarify' | 'escalate' | 'answer';
  readonly reasons: readonly FiredReason[];
  readonly escalating: readonly FiredReason[];
}

/** The rule of SPEC §3 step 5: a closing remark, one clarifying question, a handoff, or an answer. */
export const decisionOutcome = (input: DecisionInput, findings: PolicyFindings): DecisionOutcome => {
  const { policy, prediction, attempt } = input;
  const threshold = findings.thresholds.answerConfidence;
  const fromAttempt = attemptReasons(attempt, threshold, policy, prediction);
  const reasons = [...findings.reasons, ...fromAttempt].sort(byReasonOrder);
  const escalating = reasons.filter((reason) => reason.action === 'escalate');
  if (findings.closesOnly) return { kind: 'closing', reasons, escalating };
  const forcing = findings.reasons.some((reason) => reason.action === 'escalate');
  const confidentAnswer = attempt.kind === 'answer' && attempt.confidence >= threshold;
  const clarify =
    findings.unclear &&
    findings.vague &&
    !findings.possiblyRisky &&
    !findings.alreadyAsked &&
    !confidentAnswer;
  if (!forcing && attempt.kind !== 'failed' && clarify) return { kind: 'clarify', reasons, escalating };
  return { kind: escalating.length > 0 ? 'escalate' : 'answer', reasons, escalating };
};

/**
 * Decides what to do with the latest customer message under a policy. `findings` are this same
 * input's `policyFindings`, when the caller already has them.
 */
export const decide = (input: DecisionInput, findings = policyFindings(input)): TriageDecision =>
  decisionFrom(input, findings, decisionOutcome(input, findings));

/** The whole decision, trace and all, for an outcome `decisionOutcome` gave for the same input. */
export const decisionFrom = (
  input: DecisionInput,
  findings: PolicyFindings,
  outcome: DecisionOutcome,
): TriageDecision => {
  const { policy, signals, prediction, attempt } = input;
  const { category, thresholds, unclear, vague, possiblyRisky } = findings;
  const { reasons: all, escalating } = outcome;
  const settings = policy.categories[category];
  const threshold = thresholds.answerConfidence;
  const why: string[] = [];
  for (const reason of all)
    why.push(
      `${reason.code} (${reason.action === 'escalate' ? 'hands over' : 'raises priority'}): ${reason.evidence}`,
    );

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
    closingRemark: findings.closesOnly,
    why,
  });
  // The fields every decision has are written out in each below, not spread from one object: in
  // V8 a spread with more fields after it costs more than the rest of the decision.
  const categoryConfidence = round(prediction.confidence);
  const confidence = attempt.kind === 'failed' ? 0 : round(attempt.confidence);
  if (unclear && vague && possiblyRisky) {
    why.push(
      `not asking: ${possiblyRisky.category} scores ${round(possiblyRisky.score)}, too risky to keep the customer waiting`,
    );
  }
  /** A reply the policy writes itself (a closing reply, a clarifying question), with no handoff. */
  const policyReply = (kind: 'answer' | 'clarify', answer: string): TriageDecision => ({
    kind,
    category,
    categoryConfidence,
    confidence,
    policyVersion: policy.version,
    team: settings?.team ?? policy.defaultTeam,
    priority: priorityFor(policy, all, input.customerPlan),
    answer,
    trace: trace(),
  });
  if (outcome.kind === 'closing') {
    // Thanks or a goodbye: a polite reply, whatever the knowledge base would have matched.
    why.push('the customer only thanks or says goodbye: replying without an article');
    return policyReply('answer', policy.closing.reply);
  }
  if (outcome.kind === 'clarify') {
    why.push(
      `category unclear (${category} at ${round(prediction.confidence)}; clarify below ${policy.clarify.belowCategoryConfidence}) on a short message: asking one question`,
    );
    return policyReply('clarify', policy.clarify.question);
  }

  if (outcome.kind === 'escalate') {
    const routed = escalating.find((reason) => reason.team !== undefined)?.team;
    const team = routed ?? settings?.team ?? policy.defaultTeam;
    why.push(`escalate to ${team}: ${escalating.map((reason) => reason.code).join(', ')}`);
    const reasons = all.map(({ code, evidence }) => ({ code, evidence }));
    return {
      kind: 'escalate',
      category,
      categoryConfidence,
      confidence,
      policyVersion: policy.version,
      team,
      priority: priorityFor(policy, reasons, input.customerPlan),
      reasons,
      trace: trace(),
    };
  }
  const team = settings?.team ?? policy.defaultTeam;
  why.push(`answer: confidence ${confidence} ≥ ${threshold} for ${category} and nothing requires a person`);
  const answer = attempt.kind === 'answer' ? attempt.text : '';
  return {
    kind: 'answer',
    category,
    categoryConfidence,
    confidence,
    policyVersion: policy.version,
    team,
    priority: priorityFor(policy, all),
    answer,
    trace: trace(),
  };
};
