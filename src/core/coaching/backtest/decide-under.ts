/** One conversation decided again under a policy: what a backtest compares between two policies. */
import type { ReasonCode } from '../../handoff/index.ts';
import {
  type AnswerAttempt,
  decide,
  type EscalationPolicy,
  handoverBeforeAnswer,
  notAttemptedReason,
  policyFindings,
  type TriageDecision,
  withAttempt,
} from '../../triage/index.ts';
import type { TriageEvidence } from './triage-evidence.ts';

export interface BacktestDecision {
  readonly action: TriageDecision['kind'];
  readonly category: string;
  readonly team: string;
  /** Each reason that fired once, in the policy's order; empty unless `action` is `escalate`. */
  readonly reasons: readonly ReasonCode[];
}

/**
 * Runs the triage decision on gathered evidence as a live turn does: the policy decides first, and
 * when it hands over whatever the answer, the draft is set aside (no model would have been asked).
 */
export const decideUnder = (policy: EscalationPolicy, evidence: TriageEvidence): BacktestDecision => {
  const input = {
    policy,
    signals: evidence.signals,
    prediction: evidence.prediction,
    latestText: evidence.latestText,
    previousAiText: evidence.previousAiText,
    customerPlan: evidence.customerPlan,
  };
  // Both decisions share what the policy finds whatever the answer (a backtest decides thousands).
  const findings = policyFindings(input);
  const handover = handoverBeforeAnswer(input, findings);
  const { attempt } = evidence;
  const retrieved = attempt.kind === 'failed' ? { confidence: 0, tried: [] } : attempt;
  const used: AnswerAttempt =
    handover === null
      ? attempt
      : {
          kind: 'not_attempted',
          reason: notAttemptedReason(handover),
          confidence: retrieved.confidence,
          tried: retrieved.tried,
        };
  const decision = decide(withAttempt(input, used), findings);
  const reasons = decision.kind === 'escalate' ? [...new Set(decision.reasons.map((r) => r.code))] : [];
  return { action: decision.kind, category: decision.category, team: decision.team, reasons };
};
