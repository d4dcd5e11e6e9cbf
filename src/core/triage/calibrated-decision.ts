/**
 * Deciding on the calibrated confidence of a calibrated category (SPEC §8), with both numbers in
 * the trace: the raw one stays in `retrieval` (what calibration is fitted on, so a fit never feeds
 * on its own output) and `calibration` holds the pair, with a sentence in `why`.
 */
import { type CalibrationModels, calibratedAttempt } from '../coaching/backtest/calibrated-evidence.ts';
import { decide, withAttempt } from './decision/decide.ts';
import type { AnswerAttempt, TriageDecision } from './decision/decision-types.ts';
import type { PolicyFindings } from './decision/policy-findings.ts';

const round = (value: number): number => Math.round(value * 1000) / 1000;

type DecideInput = Omit<Parameters<typeof decide>[0], 'attempt'>;

/**
 * `decide` on the attempt as the threshold sees it; the trace keeps the raw confidence too.
 * `findings` are this input's `policyFindings`, when the caller has them already.
 */
export const decideCalibrated = (
  input: DecideInput,
  attempt: AnswerAttempt,
  models: CalibrationModels,
  findings?: PolicyFindings,
): TriageDecision => {
  const judged = calibratedAttempt(attempt, input.prediction.category, models);
  const decision = decide(withAttempt(input, judged), findings);
  if (judged === attempt || attempt.kind === 'failed' || judged.kind === 'failed') return decision;
  const raw = round(attempt.confidence);
  const calibrated = round(judged.confidence);
  const { trace } = decision;
  const retrieval =
    trace.retrieval.kind === 'failed' ? trace.retrieval : { ...trace.retrieval, confidence: raw };
  return {
    ...decision,
    trace: {
      ...trace,
      retrieval,
      calibration: { rawConfidence: raw, calibratedConfidence: calibrated },
      why: [
        `${input.prediction.category} is calibrated: answer confidence ${raw} reads as ${calibrated}, which the threshold is compared with`,
        ...trace.why,
      ],
    },
  };
};
