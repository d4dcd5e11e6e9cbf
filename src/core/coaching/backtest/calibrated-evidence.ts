/**
 * Evidence with the answer confidence replaced by its calibrated value, so a backtest (or a
 * threshold suggestion) can show what thresholds on calibrated scores would do before the live
 * turn applies them (SPEC §8: thresholds apply to calibrated scores once a category is calibrated).
 */
import { applyCalibration, type CalibrationModel } from '../calibration/index.ts';
import type { TriageEvidence } from './triage-evidence.ts';

/** `models` by category; categories without a model keep the raw confidence. */
export const withCalibratedConfidence = (
  evidence: TriageEvidence,
  models: Readonly<Record<string, CalibrationModel>>,
): TriageEvidence => {
  const model = models[evidence.prediction.category];
  const { attempt } = evidence;
  if (!model || attempt.kind === 'failed') return evidence;
  return { ...evidence, attempt: { ...attempt, confidence: applyCalibration(model, attempt.confidence) } };
};
