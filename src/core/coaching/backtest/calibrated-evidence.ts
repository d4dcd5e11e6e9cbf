/**
 * The answer confidence a threshold is compared with (SPEC §8: thresholds apply to calibrated
 * scores once a category is calibrated). One function for the live turn and the backtest, so a
 * backtest shows what the live turn will do.
 */
import type { AnswerAttempt } from '../../triage/decision/decision-types.ts';
import { applyCalibration, type CalibrationModel } from '../calibration/index.ts';
import type { TriageEvidence } from './triage-evidence.ts';

/** Calibration models by category; categories without one keep the raw confidence. */
export type CalibrationModels = Readonly<Record<string, CalibrationModel>>;

/** The attempt with its confidence calibrated when `category` has a model; the same attempt otherwise. */
export const calibratedAttempt = (
  attempt: AnswerAttempt,
  category: string,
  models: CalibrationModels,
): AnswerAttempt => {
  const model = models[category];
  if (!model || attempt.kind === 'failed') return attempt;
  return { ...attempt, confidence: applyCalibration(model, attempt.confidence) };
};

/** `models` by category; categories without a model keep the raw confidence. */
export const withCalibratedConfidence = (
  evidence: TriageEvidence,
  models: CalibrationModels,
): TriageEvidence => {
  const attempt = calibratedAttempt(evidence.attempt, evidence.prediction.category, models);
  return attempt === evidence.attempt ? evidence : { ...evidence, attempt };
};
