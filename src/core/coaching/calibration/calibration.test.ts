import { describe, expect, it } from 'vitest';
import {
  applyCalibration,
  calibrateCategories,
  calibrateCategory,
  expectedCalibrationError,
  logLoss,
  reliabilityCurve,
  type ScoredOutcome,
} from './index.ts';
import { applyIsotonic, fitIsotonic } from './isotonic.ts';

/** `perScore` outcomes at each score, of which exactly round(perScore × truth(score)) are correct. */
const synthetic = (truth: (score: number) => number, perScore = 40): ScoredOutcome[] => {
  const outcomes: ScoredOutcome[] = [];
  for (let step = 0; step < 10; step += 1) {
    const score = 0.05 + step * 0.1;
    const correct = Math.round(perScore * truth(score));
    for (let i = 0; i < perScore; i += 1) outcomes.push({ score, correct: i < correct });
  }
  return outcomes;
};

describe('reliability measures', () => {
  it('bins scores and measures the gap between score and observed accuracy', () => {
    const outcomes = [
      { score: 0.9, correct: true },
      { score: 0.9, correct: false },
      { score: 0.2, correct: false },
      { score: 1, correct: true },
    ];
    const curve = reliabilityCurve(outcomes, 2);
    expect(curve).toEqual([
      { from: 0, to: 0.5, count: 1, meanScore: 0.2, observed: 0 },
      { from: 0.5, to: 1, count: 3, meanScore: expect.closeTo(2.8 / 3, 10), observed: 2 / 3 },
    ]);
    // 1/4 × 0.2 + 3/4 × |0.933 − 0.667|
    expect(expectedCalibrationError(outcomes, 2)).toBeCloseTo(0.25 * 0.2 + 0.75 * (2.8 / 3 - 2 / 3), 10);
    expect(logLoss([{ score: 0.5, correct: true }])).toBeCloseTo(Math.log(2), 10);
  });
});

describe('isotonic fit', () => {
  it('pools violators into a non-decreasing step function', () => {
    const steps = fitIsotonic([
      { score: 0.1, correct: false },
      { score: 0.2, correct: true },
      { score: 0.3, correct: false },
      { score: 0.9, correct: true },
    ]);
    expect(steps).toEqual([
      { from: 0.1, to: 0.1, probability: 0 },
      { from: 0.2, to: 0.3, probability: 0.5 },
      { from: 0.9, to: 0.9, probability: 1 },
    ]);
    expect(applyIsotonic(steps, 0.6)).toBeCloseTo(0.75, 10);
    expect(applyIsotonic(steps, 0.25)).toBe(0.5);
  });
});

describe('category calibration', () => {
  it('corrects an overconfident score: the held-out calibration error falls', () => {
    // The AI says 0.85 where it is right 72% of the time (truth = score²).
    const outcomes = synthetic((score) => score * score);
    const result = calibrateCategory('refund', outcomes);
    expect(result.status).toBe('calibrated');
    expect(result.before.ece).toBeGreaterThan(0.15);
    expect(result.after.ece).toBeLessThan(result.before.ece / 3);
    expect(result.heldOutLogLoss.raw).toBeGreaterThan(
      Math.min(result.heldOutLogLoss.isotonic ?? 1, result.heldOutLogLoss.platt ?? 1),
    );
    expect(applyCalibration(result.model, 0.85)).toBeCloseTo(0.72, 1);
    expect(applyCalibration(result.model, 0.25)).toBeLessThan(0.15);
  });

  it('keeps the raw score below the minimum number of labels, and says so', () => {
    const result = calibrateCategory(
      'fraud',
      synthetic((score) => score * score, 4),
    );
    expect(result.status).toBe('raw');
    expect(result.model).toEqual({ kind: 'raw' });
    expect(result.note).toBe('raw confidence: 40 reviewed outcomes, at least 50 are needed to calibrate');
    expect(result.after).toEqual(result.before);
    expect(applyCalibration(result.model, 0.42)).toBe(0.42);
  });

  it('keeps an already calibrated score when no fit beats it on held-out outcomes', () => {
    const result = calibrateCategory(
      'shipping',
      synthetic((score) => score, 20),
    );
    expect(result.status).toBe('raw');
    expect(result.note).toMatch(/beats the raw score/);
  });

  it('calibrates each category from its own outcomes', () => {
    const results = calibrateCategories([
      ...synthetic((score) => score * score).map((outcome) => ({ ...outcome, category: 'refund' })),
      ...synthetic((score) => score, 2).map((outcome) => ({ ...outcome, category: 'billing' })),
    ]);
    expect(results.map((result) => [result.category, result.status, result.labels])).toEqual([
      ['billing', 'raw', 20],
      ['refund', 'calibrated', 400],
    ]);
  });
});
