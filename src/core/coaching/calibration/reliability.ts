/** How far scores are from observed outcomes: reliability curves, expected calibration error, log loss. */

/** One reviewed outcome: the score the AI gave and whether its answer was right. */
export interface ScoredOutcome {
  readonly score: number;
  readonly correct: boolean;
}

export interface ReliabilityBin {
  readonly from: number;
  readonly to: number;
  readonly count: number;
  /** Mean score in the bin (null when empty). */
  readonly meanScore: number | null;
  /** Share of correct outcomes in the bin (null when empty). */
  readonly observed: number | null;
}

const clamp01 = (value: number): number => Math.min(1, Math.max(0, value));

/** Equal-width bins over [0, 1]; a score of exactly 1 falls in the last bin. */
export const reliabilityCurve = (outcomes: readonly ScoredOutcome[], bins = 10): ReliabilityBin[] => {
  const sums = Array.from({ length: bins }, () => ({ count: 0, score: 0, correct: 0 }));
  for (const outcome of outcomes) {
    const index = Math.min(bins - 1, Math.floor(clamp01(outcome.score) * bins));
    const bin = sums[index];
    if (!bin) continue;
    bin.count += 1;
    bin.score += outcome.score;
    bin.correct += outcome.correct ? 1 : 0;
  }
  return sums.map((bin, index) => ({
    from: index / bins,
    to: (index + 1) / bins,
    count: bin.count,
    meanScore: bin.count > 0 ? bin.score / bin.count : null,
    observed: bin.count > 0 ? bin.correct / bin.count : null,
  }));
};

/** Expected calibration error: the count-weighted mean gap between score and observed accuracy per bin. */
export const expectedCalibrationError = (outcomes: readonly ScoredOutcome[], bins = 10): number => {
  if (outcomes.length === 0) return 0;
  return reliabilityCurve(outcomes, bins).reduce(
    (total, bin) =>
      bin.meanScore === null || bin.observed === null
        ? total
        : total + (bin.count / outcomes.length) * Math.abs(bin.meanScore - bin.observed),
    0,
  );
};

/** Probabilities are kept this far from 0 and 1 so one confident mistake cannot make the loss infinite. */
const logLossFloor = 1e-3;

/** Mean negative log-likelihood of the outcomes under the scores read as probabilities. */
export const logLoss = (outcomes: readonly ScoredOutcome[]): number => {
  if (outcomes.length === 0) return 0;
  let total = 0;
  for (const { score, correct } of outcomes) {
    const p = Math.min(1 - logLossFloor, Math.max(logLossFloor, score));
    total -= Math.log(correct ? p : 1 - p);
  }
  return total / outcomes.length;
};
