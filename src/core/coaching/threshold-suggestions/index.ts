/** Threshold suggestions (SPEC §8): per category, from judged outcomes, each with its backtest. */
export type { AnswerOutcome, JudgedDecision } from './answer-outcome.ts';
export { answerOutcomeOf } from './answer-outcome.ts';
export type { SuggestionDismissal } from './dismissals.ts';
export { dismissalHiding, evidenceKey, withDismissal } from './dismissals.ts';
export type { SuggestionSettings, ThresholdPoint, ThresholdSuggestion } from './suggest-threshold.ts';
export { defaultSuggestionSettings, suggestThreshold, suggestThresholds } from './suggest-threshold.ts';
export type { SuggestionBacktest } from './suggestion-backtest.ts';
export { backtestSuggestion } from './suggestion-backtest.ts';
