/**
 * Hashed TF-IDF features: canonical word unigrams and bigrams plus character 3–5-grams taken
 * inside word boundaries (robust to typos and unseen inflections). Hashing keeps the model a
 * fixed size whatever the vocabulary, and needs no dictionary at classification time.
 */
import { canonicalTokens, normaliseText } from './text-normalise.ts';

export const featureBits = 18;
export const featureCount = 1 << featureBits;
const featureMask = featureCount - 1;

/** A sparse, L2-normalised feature vector. */
export interface SparseVector {
  readonly indices: Int32Array;
  readonly values: Float32Array;
}

/** The words of a message (for vocabulary coverage) and its raw term counts. */
export interface TermCounts {
  readonly words: readonly string[];
  readonly counts: ReadonlyMap<number, number>;
}

const wordSeed = 0x811c9dc5;
const bigramSeed = 0x2f1a3c5d;
const charSeed = 0x6b43a9b5;
/** Character n-grams get less weight than words: they back words up, they do not outvote them. */
const charWeight = 0.55;

function hashString(text: string, seed: number): number {
  let hash = seed;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

function add(counts: Map<number, number>, index: number, amount: number): void {
  counts.set(index, (counts.get(index) ?? 0) + amount);
}

function addCharGrams(counts: Map<number, number>, word: string): void {
  const padded = ` ${word} `;
  for (let start = 0; start < padded.length - 2; start++) {
    let hash = charSeed;
    for (let end = start; end < padded.length && end < start + 5; end++) {
      hash ^= padded.charCodeAt(end);
      hash = Math.imul(hash, 0x01000193);
      if (end - start >= 2) add(counts, ((hash >>> 0) & featureMask) | 1, 1);
    }
  }
}

/** Raw term counts of a text; word features land on even slots, character n-grams on odd ones. */
export function countTerms(text: string): TermCounts {
  const normalised = normaliseText(text);
  const words = canonicalTokens(normalised);
  const counts = new Map<number, number>();
  let previous = '';
  for (const word of words) {
    add(counts, hashString(word, wordSeed) & featureMask & ~1, 1);
    if (previous.length > 0) add(counts, hashString(`${previous} ${word}`, bigramSeed) & featureMask & ~1, 1);
    previous = word;
  }
  for (const raw of normalised.split(' ')) if (raw.length > 0) addCharGrams(counts, raw);
  return { words, counts };
}

/** Inverse document frequencies fitted on the training texts (smoothed, so unseen terms weigh most). */
export function fitInverseFrequencies(documents: readonly TermCounts[]): Float32Array {
  const documentFrequency = new Uint32Array(featureCount);
  for (const document of documents)
    for (const index of document.counts.keys())
      documentFrequency[index] = (documentFrequency[index] ?? 0) + 1;
  const idf = new Float32Array(featureCount);
  const total = documents.length;
  for (let i = 0; i < featureCount; i++)
    idf[i] = Math.log((1 + total) / (1 + (documentFrequency[i] ?? 0))) + 1;
  return idf;
}

/** Sub-linear TF times IDF, L2-normalised. */
export function weighTerms(terms: TermCounts, idf: Float32Array): SparseVector {
  const size = terms.counts.size;
  const indices = new Int32Array(size);
  const values = new Float32Array(size);
  let squares = 0;
  let position = 0;
  for (const [index, count] of terms.counts) {
    const blockWeight = (index & 1) === 1 ? charWeight : 1;
    const value = blockWeight * (1 + Math.log(count)) * (idf[index] ?? 1);
    indices[position] = index;
    values[position] = value;
    squares += value * value;
    position++;
  }
  const scale = squares > 0 ? 1 / Math.sqrt(squares) : 0;
  for (let i = 0; i < size; i++) values[i] = (values[i] ?? 0) * scale;
  return { indices, values };
}
