/** A threshold suggestion's backtest (SPEC §8): what the draft would do to automation and misses. */

import type { EscalationPolicy } from '../../triage/index.ts';
import type { BacktestSummary } from '../backtest/index.ts';
import { type BacktestCase, runBacktest, withCategoryThreshold } from '../backtest/index.ts';
import type { ThresholdSuggestion } from './suggest-threshold.ts';

export interface SuggestionBacktest {
  readonly draft: EscalationPolicy;
  readonly conversations: number;
  /** Share of conversations not handed over, now and with the draft. */
  readonly automationBefore: number;
  readonly automationAfter: number;
  readonly missesBefore: number;
  readonly missesAfter: number;
  readonly needlessBefore: number;
  readonly needlessAfter: number;
  readonly changed: number;
  readonly summary: BacktestSummary;
}

/** The draft policy a suggestion stands for, and its backtest over recorded evidence. */
export const backtestSuggestion = (
  policy: EscalationPolicy,
  suggestion: ThresholdSuggestion & { readonly kind: 'change' | 'keep' },
  cases: Iterable<BacktestCase>,
): SuggestionBacktest => {
  const draft = withCategoryThreshold(policy, suggestion.category, suggestion.suggested.threshold);
  const summary = runBacktest(policy, draft, cases).summary();
  const automation = (escalated: number) =>
    summary.conversations > 0 ? 1 - escalated / summary.conversations : 0;
  return {
    draft,
    conversations: summary.conversations,
    automationBefore: automation(summary.baseline.escalated),
    automationAfter: automation(summary.draft.escalated),
    missesBefore: summary.labelled.baselineMisses,
    missesAfter: summary.labelled.draftMisses,
    needlessBefore: summary.labelled.baselineNeedless,
    needlessAfter: summary.labelled.draftNeedless,
    changed: summary.changed,
    summary,
  };
};
