/** Which escalation reasons the signals raise under a policy's triggers. */
import type { ReasonCode } from '../../handoff/index.ts';
import type { EscalationPolicy, TriggerAction } from '../policy/index.ts';
import type { SignalReport } from '../signals/index.ts';
import type { DecisionReason } from './decision-types.ts';

export interface FiredReason extends DecisionReason {
  /** `escalate`: this reason alone hands over; `priority`: it only raises priority. */
  readonly action: Exclude<TriggerAction, 'ignore'>;
  /** A team the trigger routes to instead of the category's. */
  readonly team?: string;
}

const fire = (
  reasons: FiredReason[],
  code: ReasonCode,
  trigger: { readonly action: TriggerAction; readonly team?: string | undefined },
  evidence: string,
): void => {
  if (trigger.action === 'ignore') return;
  reasons.push(
    trigger.team
      ? { code, evidence, action: trigger.action, team: trigger.team }
      : { code, evidence, action: trigger.action },
  );
};

/** What the decision knows besides the signals that a trigger may depend on. */
export interface TriggerContext {
  /** The message's category is high-risk under the policy. */
  readonly highRiskCategory: boolean;
}

/** Urgency raises priority, but hands over when the category is high-risk or the customer is upset (switches in the policy). */
const urgentReason = (
  policy: EscalationPolicy,
  report: SignalReport,
  context: TriggerContext,
): FiredReason | null => {
  const trigger = policy.triggers.urgent;
  if (!report.values.urgent || trigger.action === 'ignore') return null;
  const evidence = report.evidence.urgent ?? '';
  const below = trigger.escalateBelowSentiment;
  const upset = below !== null && report.values.sentiment <= below;
  const risky = trigger.escalateWhenHighRisk && context.highRiskCategory;
  const action = trigger.action === 'escalate' || upset || risky ? 'escalate' : 'priority';
  const why =
    action === 'escalate' && trigger.action !== 'escalate'
      ? risky
        ? ' (high-risk category)'
        : ` (sentiment ${report.values.sentiment})`
      : '';
  return {
    code: 'urgent',
    evidence: `${evidence}${why}`,
    action,
    ...(trigger.team ? { team: trigger.team } : {}),
  };
};

/** Reasons from signals alone (SPEC §5 triggers), with the trigger's action. */
export const signalReasons = (
  policy: EscalationPolicy,
  report: SignalReport,
  context: TriggerContext = { highRiskCategory: false },
): readonly FiredReason[] => {
  const { triggers } = policy;
  const { values, evidence, detail } = report;
  const reasons: FiredReason[] = [];
  if (values.human_requested)
    fire(reasons, 'human_requested', triggers.humanRequested, evidence.human_requested ?? '');
  if (values.manager_requested) {
    fire(reasons, 'manager_requested', triggers.managerRequested, evidence.manager_requested ?? '');
  }
  if (values.legal_threat) fire(reasons, 'legal_threat', triggers.legalThreat, evidence.legal_threat ?? '');
  const urgent = urgentReason(policy, report, context);
  if (urgent) reasons.push(urgent);
  const sentiment = triggers.negativeSentiment;
  const falling = detail.sentimentFallingFor >= sentiment.fallingOver - 1 && values.sentiment < 0;
  if (values.sentiment <= sentiment.below) {
    fire(
      reasons,
      'negative_sentiment',
      sentiment,
      `sentiment ${values.sentiment} ≤ ${sentiment.below}: ${evidence.sentiment ?? ''}`,
    );
  } else if (falling) {
    fire(
      reasons,
      'negative_sentiment',
      sentiment,
      `sentiment falling over ${detail.sentimentFallingFor + 1} messages: ${detail.sentimentPerMessage.join(' → ')}`,
    );
  }
  if (values.frustration && detail.frustrationScore >= triggers.frustration.minScore) {
    fire(
      reasons,
      'frustration',
      triggers.frustration,
      `${evidence.frustration ?? ''} (score ${detail.frustrationScore})`,
    );
  }
  if (values.distress) {
    fire(
      reasons,
      'distress',
      triggers.distress,
      `${detail.distressKind ?? 'distress'}: ${evidence.distress ?? ''}`,
    );
  }
  if (values.repeated_ask >= triggers.repeatedAsk.atRepeat) {
    fire(
      reasons,
      'repeated_ask',
      triggers.repeatedAsk,
      `asked ${values.repeated_ask + 1} times: ${evidence.repeated_ask ?? ''}`,
    );
  }
  if (values.turns >= triggers.maxAiTurns) {
    reasons.push({
      code: 'max_ai_turns',
      evidence: `${values.turns} AI answers (limit ${triggers.maxAiTurns})`,
      action: 'escalate',
    });
  }
  return reasons;
};
