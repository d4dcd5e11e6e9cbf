/**
 * Multinomial logistic regression over hashed sparse features, trained in-process by plain
 * stochastic gradient descent with L2 regularisation. Deterministic: the only randomness is the
 * shuffle, drawn from a seeded generator.
 */
import { featureCount, type SparseVector } from './feature-hashing.ts';

export interface TrainingRow {
  readonly vector: SparseVector;
  readonly label: number;
  readonly weight: number;
}

export interface SoftmaxOptions {
  readonly epochs: number;
  readonly l2: number;
  readonly learningRate: number;
  readonly seed: number;
  /** Without a learnt bias, a message with no known words scores every class alike. */
  readonly learnBias: boolean;
}

export interface SoftmaxModel {
  readonly classCount: number;
  /** Feature-major: the weight of feature f for class c is at f * classCount + c. */
  readonly weights: Float32Array;
  readonly bias: Float64Array;
}

/** A small, fast, seeded PRNG (mulberry32). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffledOrder(length: number, random: () => number): Int32Array {
  const order = new Int32Array(length);
  for (let i = 0; i < length; i++) order[i] = i;
  for (let i = length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const swap = order[i] ?? 0;
    order[i] = order[j] ?? 0;
    order[j] = swap;
  }
  return order;
}

/** Class scores (un-normalised log-probabilities) of one vector, written into `out`. */
export function writeLogits(model: SoftmaxModel, vector: SparseVector, out: Float64Array, scale = 1): void {
  const classes = model.classCount;
  for (let c = 0; c < classes; c++) out[c] = 0;
  const { indices, values } = vector;
  const weights = model.weights;
  for (let k = 0; k < indices.length; k++) {
    const base = (indices[k] ?? 0) * classes;
    const value = values[k] ?? 0;
    for (let c = 0; c < classes; c++) out[c] = (out[c] ?? 0) + (weights[base + c] ?? 0) * value;
  }
  for (let c = 0; c < classes; c++) out[c] = (out[c] ?? 0) * scale + (model.bias[c] ?? 0);
}

/** Turns logits into probabilities in place. */
export function softmaxInPlace(values: Float64Array, length: number): void {
  let max = Number.NEGATIVE_INFINITY;
  for (let c = 0; c < length; c++) max = Math.max(max, values[c] ?? 0);
  let sum = 0;
  for (let c = 0; c < length; c++) {
    const e = Math.exp((values[c] ?? 0) - max);
    values[c] = e;
    sum += e;
  }
  for (let c = 0; c < length; c++) values[c] = (values[c] ?? 0) / sum;
}

/** Fits the model; L2 shrinkage is applied lazily through one global scale factor. */
export function trainSoftmax(
  rows: readonly TrainingRow[],
  classCount: number,
  options: SoftmaxOptions,
): SoftmaxModel {
  const weights = new Float32Array(featureCount * classCount);
  const bias = new Float64Array(classCount);
  const model: SoftmaxModel = { classCount, weights, bias };
  const random = seededRandom(options.seed);
  const probabilities = new Float64Array(classCount);
  let scale = 1;
  let step = 0;
  const { l2, learningRate } = options;
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    const order = shuffledOrder(rows.length, random);
    for (const position of order) {
      const row = rows[position];
      if (row === undefined) continue;
      const eta = learningRate / (1 + learningRate * l2 * step);
      writeLogits(model, row.vector, probabilities, scale);
      softmaxInPlace(probabilities, classCount);
      probabilities[row.label] = (probabilities[row.label] ?? 0) - 1;
      scale *= 1 - eta * l2;
      const stepSize = (eta * row.weight) / scale;
      const { indices, values } = row.vector;
      for (let k = 0; k < indices.length; k++) {
        const base = (indices[k] ?? 0) * classCount;
        const update = stepSize * (values[k] ?? 0);
        for (let c = 0; c < classCount; c++)
          weights[base + c] = (weights[base + c] ?? 0) - update * (probabilities[c] ?? 0);
      }
      if (options.learnBias) {
        for (let c = 0; c < classCount; c++)
          bias[c] = (bias[c] ?? 0) - eta * row.weight * (probabilities[c] ?? 0);
      }
      if (scale < 1e-4) {
        for (let i = 0; i < weights.length; i++) weights[i] = (weights[i] ?? 0) * scale;
        scale = 1;
      }
      step++;
    }
  }
  for (let i = 0; i < weights.length; i++) weights[i] = (weights[i] ?? 0) * scale;
  return model;
}
