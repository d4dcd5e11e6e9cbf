/**
 * The trained category model: hashed TF-IDF features into a softmax regression over the
 * taxonomy plus one hidden "out of scope" class. Confidence is the top taxonomy probability,
 * damped when the message's words are mostly unknown to everything the model learnt from, so that
 * chit-chat, gibberish and other companies' business never come out as a confident category.
 */
import { countTerms, fitInverseFrequencies, type SparseVector, weighTerms } from './feature-hashing.ts';
import type { CategoryModel, CategoryModelInput, CategoryPrediction, CategoryScore } from './index.ts';
import { softmaxInPlace, trainSoftmax, writeLogits } from './softmax-regression.ts';
import { buildTrainingSet } from './training-set.ts';

const fallbackCategory = 'other';
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
  return Math.max(tuning.minEpochs, Math.min(tuning.maxEpochs, Math.round(tuning.visits / Math.max(1, rowCount))));
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

/** Short follow-ups lean on the earlier topic; long messages mostly speak for themselves. */
function contextWeight(words: readonly string[]): number {
  const content = words.filter((word) => !functionWords.has(word)).length;
  if (content <= 2) return 0.8;
  if (content <= 5) return 0.4;
  return 0.15;
}

/** Trains a category model from a workspace's taxonomy, knowledge base and (optional) labelled history. */
export function trainCategoryModel(
  input: CategoryModelInput,
  tuning: CategoryTuning = defaultTuning,
): CategoryModel {
  const names = input.categories.map((category) => category.name);
  if (names.length === 0) throw new Error('A category model needs at least one category');
  const taxonomySize = names.length;
  const classCount = taxonomySize + 1;
  const texts = buildTrainingSet(input);
  const terms = texts.map((text) => countTerms(text.text));
  const idf = fitInverseFrequencies(terms);
  const vocabulary = new Set<string>();
  for (const term of terms) for (const word of term.words) vocabulary.add(word);
  const rows = texts.map((text, index) => ({
    vector: weighTerms(terms[index] ?? { words: [], counts: new Map() }, idf),
    label: text.label,
    weight: text.weight,
  }));
  const model = trainSoftmax(rows, classCount, {
    epochs: epochsFor(rows.length, tuning),
    l2: tuning.l2,
    learningRate: tuning.learningRate,
    learnBias: tuning.learnBias,
    seed: 20_260_124,
  });
  const usedHistory = texts.some((text) => text.origin === 'history');
  const fallback = names.includes(fallbackCategory) ? fallbackCategory : undefined;
  const scratch = new Float64Array(classCount);
  const context = new Float64Array(classCount);

  const vectorOf = (text: string): { vector: SparseVector; words: readonly string[] } => {
    const counted = countTerms(text);
    return { vector: weighTerms(counted, idf), words: counted.words };
  };

  return {
    classify(text: string, earlierCustomerTurns: readonly string[] = []): CategoryPrediction {
      const current = vectorOf(text);
      writeLogits(model, current.vector, scratch);
      let coverage = coverageOf(current.words, vocabulary);
      const earlier = earlierCustomerTurns.slice(-2).join('\n');
      if (earlier.trim().length > 0) {
        const previous = vectorOf(earlier);
        const weight = contextWeight(current.words);
        writeLogits(model, previous.vector, context);
        for (let c = 0; c < classCount; c++) {
          scratch[c] = (scratch[c] ?? 0) + weight * ((context[c] ?? 0) - (model.bias[c] ?? 0));
        }
        coverage = Math.max(coverage, weight * coverageOf(previous.words, vocabulary));
      }
      softmaxInPlace(scratch, classCount);
      const scores: CategoryScore[] = names.map((category, index) => ({
        category,
        score: scratch[index] ?? 0,
      }));
      scores.sort((left, right) => right.score - left.score);
      const best = scores[0] ?? { category: names[0] ?? fallbackCategory, score: 0 };
      const outOfScope = scratch[taxonomySize] ?? 0;
      const category = outOfScope > best.score && fallback !== undefined ? fallback : best.category;
      const damping = Math.min(1, 0.2 + coverage);
      return {
        category,
        confidence: Math.max(0, Math.min(1, best.score * damping)),
        scores,
        mode: usedHistory ? 'history' : 'cold_start',
      };
    },
  };
}
