/**
 * The trained category model: hashed TF-IDF features into a softmax regression over the
 * taxonomy plus one hidden "out of scope" class. Confidence is the top taxonomy probability,
 * damped by how familiar the message looks (its best cosine to a category centroid, and the share
 * of its words seen in training), so that chit-chat, gibberish and other companies' business never
 * come out as a confident category.
 */
import {
  countTerms,
  countTermsInto,
  createTermBuffer,
  featureCount,
  fitInverseFrequencies,
  type TermBuffer,
  weighTerms,
  weighTermsInto,
} from './feature-hashing.ts';
import type { CategoryModel, CategoryModelInput, CategoryPrediction, CategoryScore } from './index.ts';
import { fitIntentHead, type IntentHeadState, type IntentScore, intentReader } from './intent-head.ts';
import { fineIntentsFor } from './intents/index.ts';
import {
  type SoftmaxModel,
  type TrainingRow as SoftmaxRow,
  softmaxInPlace,
  trainSoftmax,
} from './softmax-regression.ts';
import { buildTrainingSet, type WeightedText } from './training-set.ts';
import {
  createRowLookup,
  lookUpRows,
  packWeightTable,
  sumWeightedRows,
  type WeightTable,
} from './weight-table.ts';

interface TrainingRow extends SoftmaxRow {
  readonly origin: WeightedText['origin'];
}

const fallbackCategory = 'other';
const lowSimilarity = 0.04;
const highSimilarity = 0.18;
const unrelatedBelow = 0.5;
/** Words that say nothing about the topic; they do not count towards vocabulary coverage. */
const functionWords = new Set(
  'a an the i me my we our you your it its is are was be been am do not no to of in on at for from with and or but so if this that there what how when where why can could would will should please hi hello hey thanks thank'.split(
    ' ',
  ),
);

/** Training knobs; the defaults are what Baton ships. The benchmark may try others. */
export interface CategoryTuning {
  readonly l2: number;
  readonly learningRate: number;
  /** Passes over the data are about this many example visits divided by the row count. */
  readonly visits: number;
  readonly minEpochs: number;
  readonly maxEpochs: number;
  readonly learnBias: boolean;
}

export const defaultTuning: CategoryTuning = {
  l2: 1e-5,
  learningRate: 0.8,
  visits: 40_000,
  minEpochs: 6,
  maxEpochs: 40,
  learnBias: true,
};

function epochsFor(rowCount: number, tuning: CategoryTuning): number {
  return Math.max(
    tuning.minEpochs,
    Math.min(tuning.maxEpochs, Math.round(tuning.visits / Math.max(1, rowCount))),
  );
}

function coverageOf(words: readonly string[], vocabulary: ReadonlySet<string>): number {
  let content = 0;
  let known = 0;
  for (const word of words) {
    if (word.length < 2 || functionWords.has(word) || word.startsWith('zz')) continue;
    content++;
    if (vocabulary.has(word)) known++;
  }
  return content === 0 ? 0 : known / content;
}

/** Per-category sums of the training vectors, each category's column scaled to unit length. */
function categoryCentroids(rows: readonly TrainingRow[], categoryCount: number): SoftmaxModel {
  const weights = new Float32Array(featureCount * categoryCount);
  for (const row of rows) {
    const { indices, values } = row.vector;
    for (let k = 0; k < indices.length; k++) {
      const at = (indices[k] ?? 0) * categoryCount + row.label;
      weights[at] = (weights[at] ?? 0) + row.weight * (values[k] ?? 0);
    }
  }
  const squares = new Float64Array(categoryCount);
  for (let i = 0; i < weights.length; i++)
    squares[i % categoryCount] = (squares[i % categoryCount] ?? 0) + (weights[i] ?? 0) ** 2;
  for (let i = 0; i < weights.length; i++) {
    const norm = Math.sqrt(squares[i % categoryCount] ?? 0);
    weights[i] = norm > 0 ? (weights[i] ?? 0) / norm : 0;
  }
  return { classCount: categoryCount, weights, bias: new Float64Array(categoryCount) };
}

function interleave(model: SoftmaxModel, centroids: SoftmaxModel, stride: number): Float32Array {
  const table = new Float32Array(featureCount * stride);
  const classes = model.classCount;
  const categories = centroids.classCount;
  for (let feature = 0; feature < featureCount; feature++) {
    const at = feature * stride;
    for (let c = 0; c < classes; c++) table[at + c] = model.weights[feature * classes + c] ?? 0;
    for (let c = 0; c < categories; c++)
      table[at + classes + c] = centroids.weights[feature * categories + c] ?? 0;
  }
  return table;
}

/** Maps the best centroid cosine to [0, 1]: support messages sit around 0.2, chit-chat near 0.1. */
function familiarity(similarities: Float64Array, from: number, count: number): number {
  let best = 0;
  for (let c = from; c < from + count; c++) best = Math.max(best, similarities[c] ?? 0);
  return Math.max(0, Math.min(1, (best - lowSimilarity) / (highSimilarity - lowSimilarity)));
}

/** Class indices in ranking order, reused by every ranking (classification is single-threaded). */
let rankOrder = new Int32Array(64);

/**
 * Every category with its probability, best first, ties in taxonomy order. An insertion sort of
 * indices: the same order as the stable built-in sort, without calling a comparator some fifty times
 * a message, and each score object is made once, in its place, rather than spliced into an array.
 */
function rankedScores(names: readonly string[], probabilities: Float64Array): CategoryScore[] {
  if (rankOrder.length < names.length) rankOrder = new Int32Array(names.length);
  const order = rankOrder;
  for (let index = 0; index < names.length; index++) {
    const score = probabilities[index] ?? 0;
    let at = index;
    while (at > 0 && (probabilities[order[at - 1] ?? 0] ?? 0) < score) {
      order[at] = order[at - 1] ?? 0;
      at--;
    }
    order[at] = index;
  }
  const scores: CategoryScore[] = [];
  for (let rank = 0; rank < names.length; rank++) {
    const index = order[rank] ?? 0;
    scores.push({ category: names[index] ?? '', score: probabilities[index] ?? 0 });
  }
  return scores;
}

/** Short follow-ups lean on the earlier topic; long messages mostly speak for themselves. */
function contextWeight(words: readonly string[]): number {
  const content = words.filter((word) => !functionWords.has(word)).length;
  if (content <= 2) return 2;
  if (content <= 5) return 0.7;
  return 0.15;
}

/** What one text says: class logits, its words, how familiar it looks, and its fine intents. */
interface Evidence {
  readonly logits: Float64Array;
  readonly words: readonly string[];
  readonly familiar: number;
  readonly coverage: number;
  /** Read on first use: only the repeat detector asks, and most conversations have no earlier ask. */
  readonly intents: () => readonly IntentScore[];
}

/**
 * Everything a trained model is: plain values and typed arrays, so training can run in a worker
 * thread and hand the result back (typed arrays transfer without copying).
 */
export interface CategoryModelParameters {
  readonly names: readonly string[];
  /** Inverse document frequency per hashed feature. */
  readonly idf: Float32Array;
  /** Words seen in training (the vocabulary coverage of a message is measured against them). */
  readonly vocabulary: readonly string[];
  /** Per feature: the class weights (taxonomy + out of scope), then the category centroid weights. */
  readonly table: Float32Array;
  readonly bias: Float64Array;
  readonly usedHistory: boolean;
  /** Which question inside a category a message asks; null when the taxonomy has no fine intents. */
  readonly intentHead: IntentHeadState | null;
}

/**
 * A trained model as classification reads it and the model cache stores it: the parameters with
 * the weight table packed. The cache keeps it packed because unpacking the dense table (fourteen
 * megabytes, mostly zeros) cost a tenth of `baton triage`'s start-up.
 */
export interface CategoryModelState extends Omit<CategoryModelParameters, 'table'> {
  readonly weights: WeightTable;
}

/** The fitted parameters with their weight table packed (see weight-table.ts). */
export function packCategoryModel(parameters: CategoryModelParameters): CategoryModelState {
  const { table, ...rest } = parameters;
  // Per feature: the class weights (taxonomy + out of scope), then the category centroid weights.
  const width = 2 * parameters.names.length + 1;
  return { ...rest, weights: packWeightTable(table, width, parameters.idf) };
}

/** Fits the model's parameters to a workspace's taxonomy, knowledge base and (optional) labelled history. */
export function fitCategoryModel(
  input: CategoryModelInput,
  tuning: CategoryTuning = defaultTuning,
): CategoryModelParameters {
  const names = input.categories.map((category) => category.name);
  if (names.length === 0) throw new Error('A category model needs at least one category');
  const taxonomySize = names.length;
  const classCount = taxonomySize + 1;
  const fallbackLabel = names.indexOf(fallbackCategory);
  // The default taxonomy's fine intents apply to every category of the same name. Only the intent
  // head learns their phrasings: as category examples they cost must-escalate recall (bench/triage).
  const intents = input.intents ?? fineIntentsFor(names);
  const texts = buildTrainingSet(input);
  const terms = texts.map((text) => countTerms(text.text));
  const idf = fitInverseFrequencies(terms);
  const vocabulary = new Set<string>();
  const rows: readonly TrainingRow[] = texts.map((text, index) => {
    const term = terms[index] ?? countTerms('');
    // History filed under the catch-all may be anything at all: it does not make words familiar.
    if (text.origin !== 'history' || text.label !== fallbackLabel)
      for (const word of term.words) vocabulary.add(word);
    return { vector: weighTerms(term, idf), label: text.label, weight: text.weight, origin: text.origin };
  });
  const model = trainSoftmax(rows, classCount, {
    epochs: epochsFor(rows.length, tuning),
    l2: tuning.l2,
    learningRate: tuning.learningRate,
    learnBias: tuning.learnBias,
    seed: 20_260_124,
  });
  // How close a message comes to what each category is about (cosine to the category's centroid)
  // says whether it concerns the company's service at all. History filed under the catch-all is
  // left out: a workspace may file chit-chat there, and that must not make chit-chat familiar.
  const centroids = categoryCentroids(
    rows.filter(
      (row) => row.label < taxonomySize && (row.origin !== 'history' || row.label !== fallbackLabel),
    ),
    taxonomySize,
  );
  // Classification reads one interleaved table (class weights then centroid weights per
  // feature), so each feature of a message costs one trip to memory rather than two.
  return {
    names,
    idf,
    vocabulary: [...vocabulary],
    table: interleave(model, centroids, classCount + taxonomySize),
    bias: model.bias,
    usedHistory: texts.some((text) => text.origin === 'history'),
    intentHead: fitIntentHead(intents, idf),
  };
}

/**
 * A prediction whose fine intents are read on first use: only the repeat detector asks, and most
 * readings are never asked. A class with a getter rather than an object literal with one: V8 keeps
 * such literals in slow dictionary mode, which every reader of the prediction would pay for.
 */
class Prediction implements CategoryPrediction {
  readonly #readIntents: () => readonly IntentScore[];
  #intents: readonly IntentScore[] | undefined;

  constructor(
    readonly category: string,
    readonly confidence: number,
    readonly scores: readonly CategoryScore[],
    readonly mode: CategoryPrediction['mode'],
    readIntents: () => readonly IntentScore[],
  ) {
    this.#readIntents = readIntents;
  }

  get intents(): readonly IntentScore[] {
    this.#intents ??= this.#readIntents();
    return this.#intents;
  }
}

/** The classifier over fitted parameters. */
export function categoryModelFrom(parameters: CategoryModelParameters): CategoryModel {
  return categoryModelFromState(packCategoryModel(parameters));
}

/** The classifier over a packed model (as the model cache reads it back). */
export function categoryModelFromState(state: CategoryModelState): CategoryModel {
  const { names, idf, bias, usedHistory, weights: weightTable } = state;
  const taxonomySize = names.length;
  const classCount = taxonomySize + 1;
  // Per feature: the class weights, then the category centroid weights.
  const width = classCount + taxonomySize;
  const vocabulary = new Set(state.vocabulary);
  const fallback = names.includes(fallbackCategory) ? fallbackCategory : undefined;
  const readIntents = state.intentHead ? intentReader(state.intentHead) : () => [];
  // Reused by every reading (classification is single-threaded): one allocation less per message.
  const sums = new Float64Array(width);
  // The logits of the message and of its earlier turns, reused the same way: a classification reads
  // at most these two, and its prediction copies the scores out of them.
  const messageLogits = new Float64Array(classCount);
  const earlierLogits = new Float64Array(classCount);
  // The terms of the message and of its earlier turns, reused the same way.
  const messageTerms = createTermBuffer();
  const earlierTerms = createTermBuffer();
  const lookup = createRowLookup();
  // The fine intents of a text: from its buffer while that still holds it (the usual case, a
  // reading asked for its intents at once), counted again once the buffer has moved on.
  const intentsOf = (text: string, terms: TermBuffer): readonly IntentScore[] => {
    if (terms.text === text) {
      return readIntents({
        indices: terms.indices.subarray(0, terms.length),
        values: terms.values.subarray(0, terms.length),
      });
    }
    return readIntents(weighTerms(countTerms(text), idf));
  };
  const read = (text: string, logits: Float64Array, terms: TermBuffer): Evidence => {
    countTermsInto(text, terms);
    lookUpRows(terms, weightTable, lookup);
    weighTermsInto(terms.indices, terms.counts, lookup.idf, terms.length, terms.values);
    sumWeightedRows(terms, weightTable, lookup, sums);
    for (let c = 0; c < classCount; c++) logits[c] = (sums[c] ?? 0) + (bias[c] ?? 0);
    return {
      logits,
      words: terms.words,
      familiar: familiarity(sums, classCount, taxonomySize),
      coverage: coverageOf(terms.words, vocabulary),
      intents: () => intentsOf(text, terms),
    };
  };

  return {
    classify(text: string, earlierCustomerTurns: readonly string[] = []): CategoryPrediction {
      const current = read(text, messageLogits, messageTerms);
      const scratch = current.logits;
      let { familiar, coverage } = current;
      const earlier = earlierCustomerTurns.slice(-2).join('\n');
      if (earlier.trim().length > 0) {
        const previous = read(earlier, earlierLogits, earlierTerms);
        const weight = contextWeight(current.words);
        for (let c = 0; c < classCount; c++) {
          scratch[c] = (scratch[c] ?? 0) + weight * ((previous.logits[c] ?? 0) - (bias[c] ?? 0));
        }
        // A follow-up borrows the earlier turns' familiarity as far as it borrows their topic.
        const trust = Math.min(1, weight);
        familiar = Math.max(familiar, trust * previous.familiar);
        coverage = Math.max(coverage, trust * previous.coverage);
      }
      softmaxInPlace(scratch, classCount);
      const scores = rankedScores(names, scratch);
      const best = scores[0] ?? { category: names[0] ?? fallbackCategory, score: 0 };
      const outOfScope = scratch[taxonomySize] ?? 0;
      // The hidden out-of-scope class only moves a message to the catch-all when the message is
      // also unlike every category; otherwise the best real category stands (at its confidence).
      const unrelated = outOfScope > best.score && (familiar < unrelatedBelow || outOfScope > 0.5);
      const category = unrelated && fallback !== undefined ? fallback : best.category;
      const damping = Math.min(1, 0.2 + coverage) * familiar;
      return new Prediction(
        category,
        Math.max(0, Math.min(1, best.score * damping)),
        scores,
        usedHistory ? 'history' : 'cold_start',
        current.intents,
      );
    },
  };
}

/** Trains a category model from a workspace's taxonomy, knowledge base and (optional) labelled history. */
export function trainCategoryModel(
  input: CategoryModelInput,
  tuning: CategoryTuning = defaultTuning,
): CategoryModel {
  return categoryModelFrom(fitCategoryModel(input, tuning));
}
