/**
 * Hashed TF-IDF features: canonical word unigrams and bigrams plus character 3–4-grams taken
 * inside word boundaries (robust to typos and unseen inflections). Hashing keeps the model a
 * fixed size whatever the vocabulary, and needs no dictionary at classification time.
 */
import { canonicalTokens, normaliseText } from './text-normalise.ts';
import { conceptOf } from './word-concepts.ts';

export const featureBits = 17;
export const featureCount = 1 << featureBits;
const featureMask = featureCount - 1;

/** A sparse, L2-normalised feature vector. */
export interface SparseVector {
  readonly indices: Int32Array;
  readonly values: Float32Array;
}

/** The words of a message (for vocabulary coverage) and its term counts, sorted by feature index. */
export interface TermCounts {
  readonly words: readonly string[];
  readonly indices: Int32Array;
  readonly counts: Float32Array;
}

const wordSeed = 0x811c9dc5;
const bigramSeed = 0x2f1a3c5d;
const charSeed = 0x6b43a9b5;
const conceptSeed = 0x1b873593;
/** Character n-grams get less weight than words: they back words up, they do not outvote them. */
const charWeight = 0.55;

/** FNV-1a over the characters of `text`, continuing from `state` (a seed, or an earlier text's state). */
function hashChars(text: string, state: number): number {
  let hash = state;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash;
}

function hashString(text: string, seed: number): number {
  return hashChars(text, seed) >>> 0;
}

/** The hash of `${first} ${second}`, without building that string for every bigram of every message. */
function hashWordPair(first: string, second: string, seed: number): number {
  return hashChars(second, hashChars(' ', hashChars(first, seed))) >>> 0;
}

/** A growable scratch list of feature indices, reused across calls (classification is single-threaded). */
let scratch = new Int32Array(1024);
let scratchLength = 0;

function push(index: number): void {
  if (scratchLength === scratch.length) {
    const grown = new Int32Array(scratch.length * 2);
    grown.set(scratch);
    scratch = grown;
  }
  scratch[scratchLength++] = index;
}

function pushCharGrams(word: string): void {
  const padded = ` ${word} `;
  for (let start = 0; start < padded.length - 2; start++) {
    let hash = charSeed;
    for (let end = start; end < padded.length && end < start + 4; end++) {
      hash ^= padded.charCodeAt(end);
      hash = Math.imul(hash, 0x01000193);
      if (end - start >= 2) push(((hash >>> 0) & featureMask) | 1);
    }
  }
}

/** Term counts of a text; word features land on even slots, character n-grams on odd ones. */
export function countTerms(text: string): TermCounts {
  const normalised = normaliseText(text);
  const words = canonicalTokens(normalised);
  scratchLength = 0;
  let previous = '';
  for (const word of words) {
    push(hashString(word, wordSeed) & featureMask & ~1);
    const concept = conceptOf(word);
    if (concept !== undefined) push(hashString(concept, conceptSeed) & featureMask & ~1);
    if (previous.length > 0) push(hashWordPair(previous, word, bigramSeed) & featureMask & ~1);
    previous = word;
  }
  for (const raw of normalised.split(' ')) if (raw.length > 0) pushCharGrams(raw);
  const sorted = scratch.subarray(0, scratchLength).sort();
  let unique = 0;
  for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) unique++;
  const indices = new Int32Array(unique);
  const counts = new Float32Array(unique);
  let at = -1;
  for (let i = 0; i < sorted.length; i++) {
    if (i === 0 || sorted[i] !== sorted[i - 1]) indices[++at] = sorted[i] ?? 0;
    counts[at] = (counts[at] ?? 0) + 1;
  }
  return { words, indices, counts };
}

/** Inverse document frequencies fitted on the training texts (smoothed, so unseen terms weigh most). */
export function fitInverseFrequencies(documents: readonly TermCounts[]): Float32Array {
  const documentFrequency = new Uint32Array(featureCount);
  for (const document of documents) {
    for (const index of document.indices) documentFrequency[index] = (documentFrequency[index] ?? 0) + 1;
  }
  const idf = new Float32Array(featureCount);
  const total = documents.length;
  for (let i = 0; i < featureCount; i++)
    idf[i] = Math.log((1 + total) / (1 + (documentFrequency[i] ?? 0))) + 1;
  return idf;
}

/** Sub-linear TF times IDF, L2-normalised. */
export function weighTerms(terms: TermCounts, idf: Float32Array): SparseVector {
  const size = terms.indices.length;
  const values = new Float32Array(size);
  let squares = 0;
  for (let i = 0; i < size; i++) {
    const index = terms.indices[i] ?? 0;
    const blockWeight = (index & 1) === 1 ? charWeight : 1;
    const value = blockWeight * (1 + Math.log(terms.counts[i] ?? 1)) * (idf[index] ?? 1);
    values[i] = value;
    squares += value * value;
  }
  const scale = squares > 0 ? 1 / Math.sqrt(squares) : 0;
  for (let i = 0; i < size; i++) values[i] = (values[i] ?? 0) * scale;
  return { indices: terms.indices, values };
}
