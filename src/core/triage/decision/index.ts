/** The triage decision (SPEC §3 step 5, §5). */

export type { DecisionInput } from './decide.ts';
export { decide, withAttempt } from './decide.ts';
export type {
  AnswerAttempt,
  AppliedThresholds,
  DecisionReason,
  DecisionTrace,
  TriageDecision,
} from './decision-types.ts';
export { type PolicyFindings, policyFindings } from './policy-findings.ts';
export { type Handover, handoverBeforeAnswer, notAttemptedReason } from './policy-first.ts';
export { matchingRules } from './rules.ts';
export { signalReasons } from './signal-reasons.ts';
