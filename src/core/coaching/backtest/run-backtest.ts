/** A whole backtest over evidence already gathered (recorded traces, or a suggestion's check). */
import type { EscalationPolicy } from '../../triage/index.ts';
import type { EscalationNeed } from '../escalation-need.ts';
import { type BacktestTally, createBacktestTally } from './backtest-tally.ts';
import { decideUnder } from './decide-under.ts';
import type { TriageEvidence } from './triage-evidence.ts';

export interface BacktestCase {
  readonly id: string | number;
  readonly evidence: TriageEvidence;
  readonly need: EscalationNeed | null;
}

/**
 * Decides every case under both policies. Both see the same evidence, so only thresholds,
 * triggers and rules can differ; a draft with a different taxonomy needs evidence gathered with
 * its own category model (the file backtest does that).
 */
export const runBacktest = (
  baseline: EscalationPolicy,
  draft: EscalationPolicy,
  cases: Iterable<BacktestCase>,
): BacktestTally => {
  const tally = createBacktestTally();
  for (const item of cases) {
    tally.add(item.id, decideUnder(baseline, item.evidence), decideUnder(draft, item.evidence), item.need);
  }
  return tally;
};
