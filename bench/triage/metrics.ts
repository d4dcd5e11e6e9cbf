/** Counting helpers for the triage benchmark: confusion counts, precision/recall/F1, macro-F1. */

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

export const emptyCounts = (): Counts => ({ tp: 0, fp: 0, fn: 0 });

export const count = (counts: Counts, predicted: boolean, actual: boolean): void => {
  if (predicted && actual) counts.tp += 1;
  else if (predicted) counts.fp += 1;
  else if (actual) counts.fn += 1;
};

export const precision = (c: Counts): number | null => (c.tp + c.fp === 0 ? null : c.tp / (c.tp + c.fp));
export const recall = (c: Counts): number | null => (c.tp + c.fn === 0 ? null : c.tp / (c.tp + c.fn));
export const f1 = (c: Counts): number | null => {
  const p = precision(c);
  const r = recall(c);
  return p === null || r === null || p + r === 0 ? null : (2 * p * r) / (p + r);
};

/** Accuracy and macro-F1 over the classes present in `actual`. */
export const classification = (
  pairs: readonly { readonly actual: string; readonly predicted: string }[],
): { accuracy: number | null; macroF1: number | null; n: number } => {
  if (pairs.length === 0) return { accuracy: null, macroF1: null, n: 0 };
  const classes = new Set(pairs.map((pair) => pair.actual));
  let correct = 0;
  const perClass = new Map<string, Counts>();
  for (const name of classes) perClass.set(name, emptyCounts());
  for (const { actual, predicted } of pairs) {
    if (actual === predicted) correct += 1;
    for (const [name, counts] of perClass) count(counts, predicted === name, actual === name);
  }
  const scores = [...perClass.values()].map((counts) => f1(counts) ?? 0);
  return {
    accuracy: correct / pairs.length,
    macroF1: scores.reduce((sum, score) => sum + score, 0) / scores.length,
    n: pairs.length,
  };
};

export const percentile = (sorted: readonly number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? Number.NaN;

export const fmt = (value: number | null, digits = 3): string =>
  value === null ? '—' : value.toFixed(digits);
