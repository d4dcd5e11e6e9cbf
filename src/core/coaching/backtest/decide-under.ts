/** One conversation decided again under a policy: what a backtest compares between two policies. */
import type { ReasonCode } from '../../handoff/index.ts';
import { decide, type EscalationPolicy, type TriageDecision } from '../../triage/index.ts';
import type { TriageEvidence } from './triage-evidence.ts';

export interface BacktestDecision {
  readonly action: TriageDecision['kind'];
  readonly category: string;
  readonly team: string;
  /** Each reason that fired once, in the policy's order; empty unless `action` is `escalate`. */
  readonly reasons: readonly ReasonCode[];
}

/** Runs the triage decision (the same `decide` a live turn calls) on gathered evidence. */
export const decideUnder = (policy: EscalationPolicy, evidence: TriageEvidence): BacktestDecision => {
  const decision = decide({
    policy,
    signals: evidence.signals,
    prediction: evidence.prediction,
    attempt: evidence.attempt,
    latestText: evidence.latestText,
    previousAiText: evidence.previousAiText,
    customerPlan: evidence.customerPlan,
  });
  const reasons = decision.kind === 'escalate' ? [...new Set(decision.reasons.map((r) => r.code))] : [];
  return { action: decision.kind, category: decision.category, team: decision.team, reasons };
};
