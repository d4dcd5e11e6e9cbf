/** The fixed vocabulary of escalation reasons (SPEC §5), so handoffs can be counted by reason. */
export const reasonCodes = [
  'human_requested',
  'manager_requested',
  'legal_threat',
  'urgent',
  'negative_sentiment',
  'frustration',
  'distress',
  'repeated_ask',
  'high_risk_category',
  'amount_over_limit',
  'low_confidence',
  'no_answer',
  'max_ai_turns',
  'ai_unavailable',
  'agent_requested_by_rule',
] as const;

export type ReasonCode = (typeof reasonCodes)[number];

export interface EscalationReason {
  readonly code: ReasonCode;
  /** The words or numbers that made the reason fire. */
  readonly evidence: string;
}

/** Short labels agents read in the packet. */
export const reasonLabels: Readonly<Record<ReasonCode, string>> = {
  human_requested: 'Customer asked for a person',
  manager_requested: 'Customer asked for a manager',
  legal_threat: 'Legal threat',
  urgent: 'Urgent',
  negative_sentiment: 'Negative sentiment',
  frustration: 'Frustration',
  distress: 'Distress',
  repeated_ask: 'Asked more than once',
  high_risk_category: 'High-risk category',
  amount_over_limit: 'Amount over the limit',
  low_confidence: 'AI not confident',
  no_answer: 'No answer in the knowledge base',
  max_ai_turns: 'Too many AI answers',
  ai_unavailable: 'AI unavailable',
  agent_requested_by_rule: 'Custom rule',
};

/** Whether a string is one of the reason codes. */
export const isReasonCode = (value: string): value is ReasonCode =>
  (reasonCodes as readonly string[]).includes(value);
