/**
 * Isotonic calibration: the non-decreasing step function closest (least squares) to the outcomes,
 * found with the pool-adjacent-violators algorithm; scores between steps are interpolated.
 */
import type { ScoredOutcome } from './reliability.ts';

export interface IsotonicStep {
  /** The lowest and highest raw score pooled into this step. */
  readonly from: number;
  readonly to: number;
  /** Observed share correct of the pooled outcomes. */
  readonly probability: number;
}

/** Pool adjacent violators over outcomes sorted by score. */
export const fitIsotonic = (outcomes: readonly ScoredOutcome[]): IsotonicStep[] => {
  const sorted = [...outcomes].sort((a, b) => a.score - b.score);
  const blocks: { from: number; to: number; sum: number; count: number }[] = [];
  for (const { score, correct } of sorted) {
    blocks.push({ from: score, to: score, sum: correct ? 1 : 0, count: 1 });
    // Merge backwards while the last block's mean is below the one before it.
    while (blocks.length > 1) {
      const last = blocks[blocks.length - 1];
      const previous = blocks[blocks.length - 2];
      if (!last || !previous || previous.sum / previous.count <= last.sum / last.count) break;
      blocks.splice(blocks.length - 2, 2, {
        from: previous.from,
        to: last.to,
        sum: previous.sum + last.sum,
        count: previous.count + last.count,
      });
    }
  }
  return blocks.map((block) => ({ from: block.from, to: block.to, probability: block.sum / block.count }));
};

/** The calibrated probability of a raw score: the step's value inside a step, linear between steps. */
export const applyIsotonic = (steps: readonly IsotonicStep[], score: number): number => {
  const first = steps[0];
  if (!first) return score;
  if (score <= first.to) return first.probability;
  for (let i = 1; i < steps.length; i += 1) {
    const step = steps[i];
    const before = steps[i - 1];
    if (!step || !before) break;
    if (score < step.from) {
      const share = (score - before.to) / (step.from - before.to);
      return before.probability + share * (step.probability - before.probability);
    }
    if (score <= step.to) return step.probability;
  }
  return steps[steps.length - 1]?.probability ?? score;
};
