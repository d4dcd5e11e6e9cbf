/**
 * The calibration view (SPEC §8): per category, the AI answers reviewers judged, as (raw confidence,
 * right or wrong) pairs, fitted by the pure calibration (isotonic or Platt, chosen by held-out log
 * loss; the raw score below the minimum number of labels, and the note says so).
 */
import type { CalibrationView } from '../../api/calibration-schemas.ts';
import { canReview } from '../../core/auth/permissions.ts';
import type { CalibrationModels } from '../../core/coaching/backtest/calibrated-evidence.ts';
import { type CategoryCalibration, calibrateCategories } from '../../core/coaching/calibration/index.ts';
import type { ReviewLabel } from '../../core/coaching/escalation-need.ts';
import { decisionFactsOf } from '../../core/coaching/review-sampling/index.ts';
import { DomainError } from '../../core/errors.ts';
import type { Agent } from '../../core/model.ts';
import type { StoredReviewLabel } from '../../core/ports/reviews.ts';
import type { Store } from '../../core/ports/store.ts';
import type { AppContext } from '../context.ts';

/** Whether a labelled AI answer was right; null for labels that judge the escalation, not the answer. */
const answerWasRight = (label: ReviewLabel): boolean | null => {
  if (label === 'correct') return true;
  if (label === 'unnecessary_escalation') return null;
  return false;
};

/** One judgement per conversation: a reviewer's label over an agent's flag, the latest of each. */
export const judgementPerConversation = (labels: readonly StoredReviewLabel[]) => {
  const chosen = new Map<string, StoredReviewLabel>();
  for (const label of labels) {
    const held = chosen.get(label.conversationId);
    if (!held || label.source === 'review' || held.source === 'flag') chosen.set(label.conversationId, label);
  }
  return chosen;
};

/** Judged conversations whose events are read at once: a few reads for thousands of labels, not one each. */
const READ_SLICE = 1000;

/** The judged AI answers (raw confidence, right or wrong) behind every category's calibration. */
const judgedAnswers = async (store: Store, workspaceId: string) => {
  const labels = await store.reviews.listLabels(workspaceId);
  const judged = [...judgementPerConversation(labels)].flatMap(([conversationId, label]) => {
    const correct = answerWasRight(label.label);
    return correct === null ? [] : [{ conversationId, correct }];
  });
  const outcomes: { category: string; score: number; correct: boolean }[] = [];
  for (let start = 0; start < judged.length; start += READ_SLICE) {
    const slice = judged.slice(start, start + READ_SLICE);
    const events = await store.events.listOf(slice.map((j) => j.conversationId));
    for (const { conversationId, correct } of slice) {
      const answer = (events.get(conversationId) ?? [])
        .filter((event) => event.type === 'decision_made')
        .map((event) => decisionFactsOf(event.data))
        .findLast((facts) => facts?.action === 'answer');
      if (!answer) continue;
      outcomes.push({ category: answer.candidate.category, score: answer.candidate.confidence, correct });
    }
  }
  return outcomes;
};

/** Each category's fitted calibration; `status` says whether it is applied or the raw score is kept. */
export const fitCalibrations = async (
  store: Store,
  workspaceId: string,
): Promise<{ readonly outcomes: number; readonly categories: CategoryCalibration[] }> => {
  const outcomes = await judgedAnswers(store, workspaceId);
  return { outcomes: outcomes.length, categories: calibrateCategories(outcomes) };
};

/** The models of the calibrated categories only: where thresholds apply to calibrated scores. */
export const calibratedModels = (categories: readonly CategoryCalibration[]): CalibrationModels =>
  Object.fromEntries(
    categories.filter((c) => c.status === 'calibrated').map((c) => [c.category, c.model] as const),
  );

export const calibrationView = async (ctx: AppContext, agent: Agent): Promise<CalibrationView> => {
  if (!canReview(agent))
    throw new DomainError('forbidden', 'Calibration is for the qa, ops and admin roles.');
  const fitted = await fitCalibrations(ctx.store, agent.workspaceId);
  return {
    outcomes: fitted.outcomes,
    categories: fitted.categories.map((c) => ({
      category: c.category,
      labels: c.labels,
      status: c.status,
      note: c.note,
      model: c.model.kind,
      before: { ece: c.before.ece, curve: c.before.curve.map((bin) => ({ ...bin })) },
      after: { ece: c.after.ece, curve: c.after.curve.map((bin) => ({ ...bin })) },
    })),
  };
};
