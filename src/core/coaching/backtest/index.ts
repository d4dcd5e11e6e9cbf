/** Policy backtest (SPEC §5): decide recorded conversations again under a baseline and a draft policy. */
export type {
  BacktestSummary,
  BacktestTally,
  ChangedConversation,
  LabelledOutcome,
  PolicyOutcome,
} from './backtest-tally.ts';
export { changedIdLimit, createBacktestTally } from './backtest-tally.ts';
export { withCalibratedConfidence } from './calibrated-evidence.ts';
export type { BacktestDecision } from './decide-under.ts';
export { decideUnder } from './decide-under.ts';
export { withCategoryThreshold } from './policy-edits.ts';
export { type BacktestCase, runBacktest } from './run-backtest.ts';
export { type StoredDecision, storedDecisionOf } from './stored-decision.ts';
export type { EvidenceInput, TriageEvidence } from './triage-evidence.ts';
export { evidenceFromTrace, gatherTriageEvidence } from './triage-evidence.ts';
