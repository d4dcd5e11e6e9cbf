/** Classification figures for the category benchmark: accuracy, per-class F1, macro-F1. */
export interface Pair {
  readonly expected: string;
  readonly predicted: string;
}

export interface ClassFigures {
  readonly category: string;
  readonly support: number;
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
}

export interface Figures {
  readonly count: number;
  readonly accuracy: number;
  readonly macroF1: number;
  readonly perClass: readonly ClassFigures[];
}

/** Macro-F1 over the categories that occur among the expected labels. */
export function figuresOf(pairs: readonly Pair[]): Figures {
  const present = [...new Set(pairs.map((pair) => pair.expected))].sort();
  const perClass = present.map((category) => {
    let truePositive = 0;
    let predictedCount = 0;
    let support = 0;
    for (const pair of pairs) {
      if (pair.expected === category) support++;
      if (pair.predicted === category) predictedCount++;
      if (pair.expected === category && pair.predicted === category) truePositive++;
    }
    const precision = predictedCount === 0 ? 0 : truePositive / predictedCount;
    const recall = support === 0 ? 0 : truePositive / support;
    const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
    return { category, support, precision, recall, f1 };
  });
  const correct = pairs.filter((pair) => pair.expected === pair.predicted).length;
  const macroF1 = perClass.reduce((sum, item) => sum + item.f1, 0) / Math.max(1, perClass.length);
  return { count: pairs.length, accuracy: correct / Math.max(1, pairs.length), macroF1, perClass };
}

/** Rows = expected, columns = predicted. */
export function confusionTable(pairs: readonly Pair[]): string {
  const labels = [...new Set(pairs.flatMap((pair) => [pair.expected, pair.predicted]))].sort();
  const short = (label: string) => label.slice(0, 7).padStart(8);
  const lines = [`${''.padEnd(18)}${labels.map(short).join('')}`];
  for (const expected of labels) {
    const cells = labels.map((predicted) =>
      String(
        pairs.filter((pair) => pair.expected === expected && pair.predicted === predicted).length,
      ).padStart(8),
    );
    lines.push(`${expected.padEnd(18)}${cells.join('')}`);
  }
  return lines.join('\n');
}

export function percentile(sorted: readonly number[], share: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor(share * sorted.length))] ?? 0;
}
