/**
 * Threshold suggestions (SPEC §8): per category, the lowest answer threshold at which the answers
 * it lets through meet the precision ops asked for, measured on judged outcomes. Lowest, because
 * every point below it is more conversations the AI resolves; a suggestion is only ever a draft.
 */
import type { AnswerOutcome } from './answer-outcome.ts';

export interface SuggestionSettings {
  /** The share of AI answers that must be right (set by ops). */
  readonly targetPrecision: number;
  /** A category needs this many judged outcomes before anything is suggested. */
  readonly minLabels: number;
  /** The answers a threshold lets through must include at least this many judged ones. */
  readonly minSupport: number;
}

export const defaultSuggestionSettings: SuggestionSettings = {
  targetPrecision: 0.9,
  minLabels: 30,
  minSupport: 10,
};

/** Precision and share answered of the judged outcomes at one threshold. */
export interface ThresholdPoint {
  readonly threshold: number;
  /** Right answers ÷ answers at or above the threshold (null when none would be answered). */
  readonly precision: number | null;
  /** Judged conversations at or above the threshold ÷ all judged. */
  readonly answeredShare: number;
  readonly answered: number;
}

export type ThresholdSuggestion =
  | {
      readonly kind: 'change' | 'keep';
      readonly category: string;
      readonly labels: number;
      readonly targetPrecision: number;
      readonly current: ThresholdPoint;
      readonly suggested: ThresholdPoint;
      readonly why: string;
    }
  | {
      readonly kind: 'not_enough_labels' | 'unreachable';
      readonly category: string;
      readonly labels: number;
      readonly targetPrecision: number;
      readonly current: ThresholdPoint;
      readonly why: string;
    };

const pointAt = (outcomes: readonly AnswerOutcome[], threshold: number): ThresholdPoint => {
  const answered = outcomes.filter((outcome) => outcome.score >= threshold);
  const correct = answered.filter((outcome) => outcome.correct).length;
  return {
    threshold,
    precision: answered.length > 0 ? correct / answered.length : null,
    answeredShare: outcomes.length > 0 ? answered.length / outcomes.length : 0,
    answered: answered.length,
  };
};

const percent = (value: number | null): string =>
  value === null ? '—' : `${Math.round(value * 1000) / 10}%`;

/**
 * The threshold to suggest for a cut just at `score`: rounded down to two decimals when that lets
 * no other judged outcome in, else the score itself.
 */
const roundedThreshold = (score: number, nextLower: number | undefined): number => {
  const rounded = Math.floor(score * 100) / 100;
  return nextLower === undefined || rounded > nextLower ? rounded : score;
};

/** Suggests one category's threshold from its judged outcomes. */
export const suggestThreshold = (
  category: string,
  currentThreshold: number,
  outcomes: readonly AnswerOutcome[],
  settings: SuggestionSettings = defaultSuggestionSettings,
): ThresholdSuggestion => {
  const { targetPrecision } = settings;
  const current = pointAt(outcomes, currentThreshold);
  const common = { category, labels: outcomes.length, targetPrecision, current };
  if (outcomes.length < settings.minLabels) {
    return {
      kind: 'not_enough_labels',
      ...common,
      why: `${outcomes.length} judged answers, ${settings.minLabels} needed`,
    };
  }
  const scores = [...new Set(outcomes.map((outcome) => outcome.score))].sort((a, b) => b - a);
  let best: number | undefined;
  let correct = 0;
  let count = 0;
  for (const score of scores) {
    for (const outcome of outcomes) {
      if (outcome.score !== score) continue;
      count += 1;
      if (outcome.correct) correct += 1;
    }
    if (count >= settings.minSupport && correct / count >= targetPrecision) best = score;
  }
  if (best === undefined) {
    return {
      kind: 'unreachable',
      ...common,
      why: `no threshold lets through ${settings.minSupport} or more judged answers at ${percent(targetPrecision)} precision; the answers or the knowledge behind them need fixing first`,
    };
  }
  const nextLower = scores.find((score) => best !== undefined && score < best);
  const suggested = pointAt(outcomes, roundedThreshold(best, nextLower));
  const moves = Math.abs(suggested.threshold - currentThreshold) >= 0.01;
  const direction = suggested.threshold > currentThreshold ? 'raise' : 'lower';
  return {
    kind: moves ? 'change' : 'keep',
    ...common,
    suggested,
    why: moves
      ? `${direction} ${currentThreshold} → ${suggested.threshold}: precision ${percent(current.precision)} → ${percent(suggested.precision)} (target ${percent(targetPrecision)}), judged answers let through ${percent(current.answeredShare)} → ${percent(suggested.answeredShare)}`
      : `the current threshold ${currentThreshold} already is the lowest meeting ${percent(targetPrecision)} precision`,
  };
};

/** Suggestions for every category of the policy that has judged outcomes, in name order. */
export const suggestThresholds = (
  thresholds: Readonly<Record<string, number>>,
  outcomes: readonly AnswerOutcome[],
  settings: SuggestionSettings = defaultSuggestionSettings,
): ThresholdSuggestion[] =>
  Object.keys(thresholds)
    .sort()
    .filter((category) => outcomes.some((outcome) => outcome.category === category))
    .map((category) =>
      suggestThreshold(
        category,
        thresholds[category] ?? 1,
        outcomes.filter((outcome) => outcome.category === category),
        settings,
      ),
    );
