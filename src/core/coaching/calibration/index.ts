/** Confidence calibration per category (SPEC §8): isotonic or Platt, chosen by held-out log loss. */
export type { CalibrationModel, CalibrationSettings, CategoryCalibration } from './calibrate-category.ts';
export {
  applyCalibration,
  calibrateCategories,
  calibrateCategory,
  defaultCalibrationSettings,
} from './calibrate-category.ts';
export type { IsotonicStep } from './isotonic.ts';
export type { PlattCurve } from './platt.ts';
export type { ReliabilityBin, ScoredOutcome } from './reliability.ts';
export { expectedCalibrationError, logLoss, reliabilityCurve } from './reliability.ts';
