/**
 * Platt scaling: a logistic curve p = 1 / (1 + exp(-(a·score + b))) fitted by Newton's method,
 * with Platt's smoothed targets so a small, perfectly separated sample does not give infinite slopes.
 */
import type { ScoredOutcome } from './reliability.ts';

export interface PlattCurve {
  readonly a: number;
  readonly b: number;
}

const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));

/** Fits a and b; a few dozen Newton steps converge for one feature. */
export const fitPlatt = (outcomes: readonly ScoredOutcome[]): PlattCurve => {
  const positives = outcomes.filter((outcome) => outcome.correct).length;
  const negatives = outcomes.length - positives;
  const high = (positives + 1) / (positives + 2);
  const low = 1 / (negatives + 2);
  let a = 1;
  let b = 0;
  for (let iteration = 0; iteration < 50; iteration += 1) {
    // Gradient and Hessian of the cross-entropy in (a, b); a tiny ridge keeps the Hessian invertible.
    let ga = 0;
    let gb = 0;
    let haa = 1e-9;
    let hab = 0;
    let hbb = 1e-9;
    for (const { score, correct } of outcomes) {
      const p = sigmoid(a * score + b);
      const error = p - (correct ? high : low);
      const weight = p * (1 - p);
      ga += error * score;
      gb += error;
      haa += weight * score * score;
      hab += weight * score;
      hbb += weight;
    }
    const determinant = haa * hbb - hab * hab;
    if (Math.abs(determinant) < 1e-12) break;
    const stepA = (hbb * ga - hab * gb) / determinant;
    const stepB = (haa * gb - hab * ga) / determinant;
    a -= stepA;
    b -= stepB;
    if (Math.abs(stepA) < 1e-9 && Math.abs(stepB) < 1e-9) break;
  }
  return { a, b };
};

export const applyPlatt = (curve: PlattCurve, score: number): number => sigmoid(curve.a * score + curve.b);
