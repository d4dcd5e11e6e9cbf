/**
 * The fine-intent head of the category model: a second softmax over the same hashed features that
 * reads *which question* inside a category a message asks ("refund.timing" or "refund.return"),
 * plus a hidden "none" class learnt from out-of-scope chatter. Only the features its phrasings use
 * can carry weight, so it is stored sparsely: a sorted feature list and one weight row per feature.
 */
import { exampleVariants } from './example-variants.ts';
import { countTerms, type SparseVector, weighTerms } from './feature-hashing.ts';
import type { FineIntent } from './intents/index.ts';
import { outOfScopeExamples } from './out-of-scope-examples.ts';
import { softmaxInPlace, type TrainingRow, trainSoftmax } from './softmax-regression.ts';

export interface IntentHeadState {
  readonly names: readonly string[];
  readonly categories: readonly string[];
  /** Feature indices with weights, ascending. */
  readonly features: Int32Array;
  /** Feature-major weights: the weight of `features[k]` for intent i is at k * classCount + i. */
  readonly weights: Float32Array;
  /** One bias per intent, then the hidden "none" class. */
  readonly bias: Float64Array;
}

export interface IntentScore {
  readonly intent: string;
  readonly category: string;
  readonly score: number;
}

const variantWeight = 0.5;
const noneWeight = 0.5;

const rowsFor = (intents: readonly FineIntent[], idf: Float32Array): TrainingRow[] => {
  const vector = (text: string) => weighTerms(countTerms(text), idf);
  const rows: TrainingRow[] = [];
  intents.forEach((fine, label) => {
    for (const phrasing of fine.phrasings) {
      rows.push({ vector: vector(phrasing), label, weight: 1 });
      for (const variant of exampleVariants(phrasing))
        rows.push({ vector: vector(variant), label, weight: variantWeight });
    }
  });
  for (const example of outOfScopeExamples)
    rows.push({ vector: vector(example), label: intents.length, weight: noneWeight });
  return rows;
};

/** Trains the head on the intents' phrasings (with the category model's IDF). */
export function fitIntentHead(intents: readonly FineIntent[], idf: Float32Array): IntentHeadState | null {
  if (intents.length < 2) return null;
  const classCount = intents.length + 1;
  const rows = rowsFor(intents, idf);
  const model = trainSoftmax(rows, classCount, {
    epochs: 30,
    l2: 1e-4,
    learningRate: 0.5,
    learnBias: true,
    seed: 20_261_205,
  });
  const used = new Set<number>();
  for (const row of rows) for (const index of row.vector.indices) used.add(index);
  const features = Int32Array.from([...used].sort((a, b) => a - b));
  const weights = new Float32Array(features.length * classCount);
  features.forEach((feature, k) => {
    weights.set(model.weights.subarray(feature * classCount, (feature + 1) * classCount), k * classCount);
  });
  return {
    names: intents.map((fine) => fine.name),
    categories: intents.map((fine) => fine.category),
    features,
    weights,
    bias: model.bias,
  };
}

/** How many intents a reading keeps: enough to compare two readings, few enough to stay cheap. */
const kept = 5;

/** Reads a message's fine intent from its feature vector: the best few intents with probabilities. */
export function intentReader(state: IntentHeadState): (vector: SparseVector) => readonly IntentScore[] {
  const classCount = state.names.length + 1;
  const row = new Map<number, number>();
  state.features.forEach((feature, k) => {
    row.set(feature, k * classCount);
  });
  const logits = new Float64Array(classCount);
  return (vector) => {
    for (let c = 0; c < classCount; c++) logits[c] = state.bias[c] ?? 0;
    const { indices, values } = vector;
    for (let k = 0; k < indices.length; k++) {
      const at = row.get(indices[k] ?? -1);
      if (at === undefined) continue;
      const value = values[k] ?? 0;
      for (let c = 0; c < classCount; c++)
        logits[c] = (logits[c] ?? 0) + (state.weights[at + c] ?? 0) * value;
    }
    softmaxInPlace(logits, classCount);
    const scores: IntentScore[] = [];
    for (let c = 0; c < state.names.length; c++) {
      const score = logits[c] ?? 0;
      if (scores.length === kept && score <= (scores[kept - 1]?.score ?? 0)) continue;
      scores.push({ intent: state.names[c] ?? '', category: state.categories[c] ?? '', score });
      scores.sort((a, b) => b.score - a.score);
      if (scores.length > kept) scores.pop();
    }
    return scores;
  };
}
