/**
 * Confidence calibration per category (SPEC §8): maps the AI's raw answer confidence to the
 * observed chance of being right, fitted from reviewed outcomes. Isotonic and Platt are both
 * tried; the one with the lower cross-validated log loss wins, and only if it beats the raw
 * score. Below a minimum number of labels the raw score is kept, and the result says so.
 */
import { applyIsotonic, fitIsotonic, type IsotonicStep } from './isotonic.ts';
import { applyPlatt, fitPlatt, type PlattCurve } from './platt.ts';
import {
  expectedCalibrationError,
  logLoss,
  type ReliabilityBin,
  reliabilityCurve,
  type ScoredOutcome,
} from './reliability.ts';

export type CalibrationModel =
  | { readonly kind: 'raw' }
  | { readonly kind: 'isotonic'; readonly steps: readonly IsotonicStep[] }
  | { readonly kind: 'platt'; readonly curve: PlattCurve };

export interface CalibrationSettings {
  /** Fewer reviewed outcomes than this and the raw score is kept. */
  readonly minLabels: number;
  readonly folds: number;
  readonly bins: number;
}

export const defaultCalibrationSettings: CalibrationSettings = { minLabels: 50, folds: 5, bins: 10 };

export interface CategoryCalibration {
  readonly category: string;
  readonly labels: number;
  readonly status: 'calibrated' | 'raw';
  /** Why the model was chosen, in words ops can read on the policy page. */
  readonly note: string;
  readonly model: CalibrationModel;
  /** Cross-validated log loss of each candidate (null when there were too few labels to compare). */
  readonly heldOutLogLoss: {
    readonly raw: number;
    readonly isotonic: number | null;
    readonly platt: number | null;
  };
  readonly before: { readonly ece: number; readonly curve: readonly ReliabilityBin[] };
  /** Measured on held-out predictions, so "after" is not flattered by fitting and scoring the same rows. */
  readonly after: { readonly ece: number; readonly curve: readonly ReliabilityBin[] };
}

/** The calibrated probability for a raw score. */
export const applyCalibration = (model: CalibrationModel, score: number): number => {
  if (model.kind === 'isotonic') return applyIsotonic(model.steps, score);
  if (model.kind === 'platt') return applyPlatt(model.curve, score);
  return score;
};

const fitModel = (kind: 'isotonic' | 'platt', outcomes: readonly ScoredOutcome[]): CalibrationModel =>
  kind === 'isotonic' ? { kind, steps: fitIsotonic(outcomes) } : { kind, curve: fitPlatt(outcomes) };

/** Held-out predictions: each outcome scored by a model fitted on the other folds (folds interleave by score). */
const crossValidated = (
  kind: 'isotonic' | 'platt',
  outcomes: readonly ScoredOutcome[],
  folds: number,
): ScoredOutcome[] => {
  const sorted = [...outcomes].sort((a, b) => a.score - b.score);
  const predicted: ScoredOutcome[] = [];
  for (let fold = 0; fold < folds; fold += 1) {
    const training = sorted.filter((_, index) => index % folds !== fold);
    const model = fitModel(kind, training);
    for (let index = fold; index < sorted.length; index += folds) {
      const outcome = sorted[index];
      if (outcome)
        predicted.push({ score: applyCalibration(model, outcome.score), correct: outcome.correct });
    }
  }
  return predicted;
};

/** Fits one category's calibration from its reviewed outcomes. */
export const calibrateCategory = (
  category: string,
  outcomes: readonly ScoredOutcome[],
  settings: CalibrationSettings = defaultCalibrationSettings,
): CategoryCalibration => {
  const before = {
    ece: expectedCalibrationError(outcomes, settings.bins),
    curve: reliabilityCurve(outcomes, settings.bins),
  };
  const rawLoss = logLoss(outcomes);
  if (outcomes.length < settings.minLabels) {
    return {
      category,
      labels: outcomes.length,
      status: 'raw',
      note: `raw confidence: ${outcomes.length} reviewed outcomes, at least ${settings.minLabels} are needed to calibrate`,
      model: { kind: 'raw' },
      heldOutLogLoss: { raw: rawLoss, isotonic: null, platt: null },
      before,
      after: before,
    };
  }
  const isotonicHeldOut = crossValidated('isotonic', outcomes, settings.folds);
  const plattHeldOut = crossValidated('platt', outcomes, settings.folds);
  const losses = { raw: rawLoss, isotonic: logLoss(isotonicHeldOut), platt: logLoss(plattHeldOut) };
  const best = losses.isotonic <= losses.platt ? 'isotonic' : 'platt';
  if (losses[best] >= losses.raw) {
    return {
      category,
      labels: outcomes.length,
      status: 'raw',
      note: `raw confidence: neither isotonic (${losses.isotonic.toFixed(3)}) nor Platt (${losses.platt.toFixed(3)}) beats the raw score's log loss (${rawLoss.toFixed(3)}) on held-out outcomes`,
      model: { kind: 'raw' },
      heldOutLogLoss: losses,
      before,
      after: before,
    };
  }
  const heldOut = best === 'isotonic' ? isotonicHeldOut : plattHeldOut;
  return {
    category,
    labels: outcomes.length,
    status: 'calibrated',
    note: `${best === 'isotonic' ? 'isotonic' : 'Platt'}: held-out log loss ${losses[best].toFixed(3)} against ${rawLoss.toFixed(3)} raw (${best === 'isotonic' ? `Platt ${losses.platt.toFixed(3)}` : `isotonic ${losses.isotonic.toFixed(3)}`})`,
    model: fitModel(best, outcomes),
    heldOutLogLoss: losses,
    before,
    after: {
      ece: expectedCalibrationError(heldOut, settings.bins),
      curve: reliabilityCurve(heldOut, settings.bins),
    },
  };
};

/** Calibrates every category that has outcomes; categories are returned in name order. */
export const calibrateCategories = (
  outcomes: readonly (ScoredOutcome & { readonly category: string })[],
  settings: CalibrationSettings = defaultCalibrationSettings,
): CategoryCalibration[] => {
  const byCategory = new Map<string, ScoredOutcome[]>();
  for (const outcome of outcomes) {
    const list = byCategory.get(outcome.category) ?? [];
    list.push({ score: outcome.score, correct: outcome.correct });
    byCategory.set(outcome.category, list);
  }
  return [...byCategory.keys()]
    .sort()
    .map((category) => calibrateCategory(category, byCategory.get(category) ?? [], settings));
};
