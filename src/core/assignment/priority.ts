/**
 * Queue priority of a handed-over conversation (SPEC §7): the reasons it was handed over, what it
 * is about, and what the customer is worth to the business. Higher is picked up first.
 *
 * Weights (0–40 each): safety and legal exposure first (distress, legal threat, fraud), then
 * money and explicit asks (amount over limit, manager, urgent), then how it has gone so far
 * (frustration, repeats), then the AI's own limits. The strongest reason counts in full and the
 * others add a third of theirs, so five mild reasons never outrank one serious one.
 */
import type { EscalationReason, ReasonCode } from '../handoff/reasons.ts';

export const reasonWeights: Readonly<Record<ReasonCode, number>> = {
  distress: 40,
  legal_threat: 40,
  amount_over_limit: 25,
  manager_requested: 25,
  urgent: 25,
  high_risk_category: 20,
  human_requested: 15,
  frustration: 15,
  repeated_ask: 15,
  negative_sentiment: 10,
  ai_unavailable: 10,
  max_ai_turns: 10,
  agent_requested_by_rule: 10,
  low_confidence: 5,
  no_answer: 5,
};

/** Extra weight for what the conversation is about, whatever the reasons. */
export const categoryWeights: Readonly<Record<string, number>> = {
  fraud: 40,
  legal: 35,
  payment_dispute: 20,
  account_closure: 20,
  compliance_privacy: 20,
  account_access: 10,
};

export type CustomerValue = 'low' | 'standard' | 'high' | 'vip';

export const customerValueWeights: Readonly<Record<CustomerValue, number>> = {
  low: -5,
  standard: 0,
  high: 10,
  vip: 20,
};

export type PriorityLevel = 'low' | 'normal' | 'high' | 'urgent';

export interface Priority {
  /** 0–100, stored on the conversation. */
  readonly score: number;
  readonly level: PriorityLevel;
  /** What raised it, for the agent ("distress +40"). */
  readonly because: readonly string[];
}

const baseScore = 10;

const levelFor = (score: number): PriorityLevel => {
  if (score >= 70) return 'urgent';
  if (score >= 45) return 'high';
  if (score >= 20) return 'normal';
  return 'low';
};

/** Scores a handoff for its team queue from its reasons, category and customer value. */
export const priorityFor = (
  reasons: readonly Pick<EscalationReason, 'code'>[],
  customerValue: CustomerValue = 'standard',
  category: string | null = null,
): Priority => {
  const categoryWeight = category === null ? undefined : categoryWeights[category];
  const weighted: { readonly name: string; readonly weight: number }[] = [
    ...[...new Set(reasons.map((reason) => reason.code))].map((code) => ({
      name: code,
      weight: reasonWeights[code],
    })),
    ...(category !== null && categoryWeight !== undefined
      ? [{ name: category, weight: categoryWeight }]
      : []),
  ];
  weighted.sort((a, b) => b.weight - a.weight);
  const [strongest, ...rest] = weighted;
  const fromReasons = (strongest?.weight ?? 0) + rest.reduce((sum, item) => sum + item.weight / 3, 0);
  const valueWeight = customerValueWeights[customerValue];
  const score = Math.round(Math.min(100, Math.max(0, baseScore + fromReasons + valueWeight)));
  const because = [
    ...weighted.map(
      (item, index) => `${item.name} +${Math.round(index === 0 ? item.weight : item.weight / 3)}`,
    ),
    ...(valueWeight !== 0 ? [`${customerValue} customer ${valueWeight > 0 ? '+' : ''}${valueWeight}`] : []),
  ];
  return { score, level: levelFor(score), because };
};
