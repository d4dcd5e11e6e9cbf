/**
 * Hashed TF-IDF features: canonical word unigrams and bigrams plus character 3–4-grams taken
 * inside word boundaries (robust to typos and unseen inflections). Hashing keeps the model a
 * fixed size whatever the vocabulary, and needs no dictionary at classification time.
 */
import { boundedMemo } from '../../bounded-memo.ts';
import { canonicalWord, normalisedWords } from './text-normalise.ts';
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

/**
 * The terms and weights of one text, in buffers that are reused for the next text: classification
 * reads one message at a time, and three fresh typed arrays per message cost more than the reading.
 * Only `length` entries are meaningful; `text` says which text they belong to.
 */
export interface TermBuffer {
  text: string | null;
  words: readonly string[];
  length: number;
  indices: Int32Array;
  counts: Float32Array;
  values: Float32Array;
}

/** An empty buffer; it grows to the longest text it is given. */
export function createTermBuffer(): TermBuffer {
  return {
    text: null,
    words: [],
    length: 0,
    indices: new Int32Array(256),
    counts: new Float32Array(256),
    values: new Float32Array(256),
  };
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

/** A growable scratch list of feature indices, reused across calls (classification is single-threaded). */
let scratch = new Int32Array(1024);
let scratchLength = 0;

/** Makes room in `scratch` for `count` more indices after its first `length`. */
function reserveScratch(length: number, count: number): Int32Array {
  if (length + count > scratch.length) {
    const grown = new Int32Array(Math.max(scratch.length * 2, length + count));
    grown.set(scratch.subarray(0, length));
    scratch = grown;
  }
  return scratch;
}

/**
 * What one word of normalised text adds to a message: its canonical token, that token's word and
 * concept features, the start of every bigram it opens, and the character n-grams of the word as
 * written. Working these out was over a third of classifying a message, and messages repeat a
 * small vocabulary, so each distinct word is worked out once and remembered (see `featuresOfWord`).
 */
interface WordFeatures {
  readonly word: string;
  readonly wordFeature: number;
  /** The feature of the word's concept, or -1 when it belongs to none. */
  readonly conceptFeature: number;
  /** The hash state after `${word} `: the bigram of this word and the next continues from it. */
  readonly pairState: number;
  /** The character 3- and 4-grams of the word as written. */
  readonly grams: Int32Array;
}

/**
 * The remembered words, the most recent 50,000 of them: a server's stream of typos never ends.
 * (The dev file's 28,445 messages hold about 12,500 distinct words.)
 */
const rememberedWords = boundedMemo<string, WordFeatures>(50_000);

/** The features of one word of normalised text, worked out on first sight and remembered. */
const featuresOfWord = (raw: string): WordFeatures => rememberedWords.get(raw, workOutFeatures);

function workOutFeatures(raw: string): WordFeatures {
  const word = canonicalWord(raw);
  const concept = conceptOf(word);
  return {
    word,
    wordFeature: hashString(word, wordSeed) & featureMask & ~1,
    conceptFeature: concept === undefined ? -1 : hashString(concept, conceptSeed) & featureMask & ~1,
    pairState: hashChars(' ', hashChars(word, bigramSeed)),
    grams: charGrams(raw),
  };
}

const space = 32;

/**
 * The character 3- and 4-grams of ` ${word} `, reading the padding spaces in place: a 3-gram at each
 * of the word's letters and a 4-gram at each but its last.
 */
function charGrams(word: string): Int32Array {
  const to = word.length;
  const grams = new Int32Array(to + Math.max(0, to - 1));
  let count = 0;
  for (let start = -1; start < to - 1; start++) {
    let hash = charSeed;
    for (let end = start; end <= to && end < start + 4; end++) {
      hash ^= end < 0 || end === to ? space : word.charCodeAt(end);
      hash = Math.imul(hash, 0x01000193);
      if (end - start >= 2) grams[count++] = ((hash >>> 0) & featureMask) | 1;
    }
  }
  return grams;
}

/** Counts per counting pass of `sortScratch`: one slot per block of 1,024 features. */
const blockBits = 10;
const blockCounts = new Int32Array((featureCount >>> blockBits) + 1);
let sorted = new Int32Array(1024);

/** The scratch indices in ascending order (see `sortByBlocks`). */
function sortScratch(): Int32Array {
  if (sorted.length < scratchLength) sorted = new Int32Array(scratch.length);
  sortByBlocks(scratch, scratchLength, sorted, blockCounts);
  return sorted;
}

/**
 * The first `length` of `source` into `out` in ascending order. A counting pass by block, then an
 * insertion sort that has at most a few neighbours to pass: about three times faster than the typed
 * array's own sort on a message's hundred-odd features, and the order (all the model's sums run in
 * it) is the same. A function of its arguments rather than of the module's scratch variables: V8
 * then keeps the arrays in registers, a fifth off the sort.
 */
function sortByBlocks(source: Int32Array, length: number, out: Int32Array, counts: Int32Array): void {
  counts.fill(0);
  for (let i = 0; i < length; i++) {
    const block = ((source[i] ?? 0) >>> blockBits) + 1;
    counts[block] = (counts[block] ?? 0) + 1;
  }
  for (let block = 1; block < counts.length; block++)
    counts[block] = (counts[block] ?? 0) + (counts[block - 1] ?? 0);
  for (let i = 0; i < length; i++) {
    const index = source[i] ?? 0;
    const block = index >>> blockBits;
    const at = counts[block] ?? 0;
    out[at] = index;
    counts[block] = at + 1;
  }
  for (let i = 1; i < length; i++) {
    const index = out[i] ?? 0;
    let at = i;
    while (at > 0 && (out[at - 1] ?? 0) > index) {
      out[at] = out[at - 1] ?? 0;
      at--;
    }
    out[at] = index;
  }
}

/**
 * Hashes a text's features into the scratch list, unsorted (the sort makes the order they are
 * pushed in irrelevant); returns its canonical words.
 */
function collectFeatures(text: string): readonly string[] {
  const words: string[] = [];
  let length = 0;
  let pairState = 0;
  for (const raw of normalisedWords(text)) {
    const features = featuresOfWord(raw);
    const { grams } = features;
    // Room for the word's (at most) three word features and its n-grams at once, then plain writes
    // to a local array: cheaper than a bounds check and a module variable for every index.
    const list = reserveScratch(length, 3 + grams.length);
    list[length++] = features.wordFeature;
    if (features.conceptFeature >= 0) list[length++] = features.conceptFeature;
    if (words.length > 0) list[length++] = (hashChars(features.word, pairState) >>> 0) & featureMask & ~1;
    pairState = features.pairState;
    for (let at = 0; at < grams.length; at++) list[length++] = grams[at] ?? 0;
    words.push(features.word);
  }
  scratchLength = length;
  return words;
}

/** Term counts of a text into `buffer` (weights not yet set); word features on even slots, character n-grams on odd ones. */
export function countTermsInto(text: string, buffer: TermBuffer): void {
  buffer.words = collectFeatures(text);
  const order = sortScratch();
  if (buffer.indices.length < scratchLength) {
    buffer.indices = new Int32Array(scratch.length);
    buffer.counts = new Float32Array(scratch.length);
    buffer.values = new Float32Array(scratch.length);
  }
  const { indices, counts } = buffer;
  let at = -1;
  for (let i = 0; i < scratchLength; i++) {
    if (i === 0 || order[i] !== order[i - 1]) {
      indices[++at] = order[i] ?? 0;
      counts[at] = 0;
    }
    counts[at] = (counts[at] ?? 0) + 1;
  }
  buffer.length = at + 1;
  buffer.text = text;
}

/** Scratch for `countTerms`, which hands out copies. */
const countingBuffer = createTermBuffer();

/** Term counts of a text; word features land on even slots, character n-grams on odd ones. */
export function countTerms(text: string): TermCounts {
  countTermsInto(text, countingBuffer);
  const { words, indices, counts, length } = countingBuffer;
  countingBuffer.text = null;
  return { words, indices: indices.slice(0, length), counts: counts.slice(0, length) };
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

/**
 * Sub-linear TF times IDF, L2-normalised, into `values`: for the first `length` terms, given each
 * term's IDF (`termIdf[i]` is the IDF of `indices[i]`).
 */
export function weighTermsInto(
  indices: Int32Array,
  counts: Float32Array,
  termIdf: Float32Array,
  length: number,
  values: Float32Array,
): void {
  let squares = 0;
  for (let i = 0; i < length; i++) {
    const blockWeight = ((indices[i] ?? 0) & 1) === 1 ? charWeight : 1;
    const count = counts[i] ?? 1;
    // Most terms occur once, and 1 + log(1) is exactly 1: skipping the logarithm changes no bit.
    const value = blockWeight * (count === 1 ? 1 : 1 + Math.log(count)) * (termIdf[i] ?? 1);
    values[i] = value;
    squares += value * value;
  }
  const scale = squares > 0 ? 1 / Math.sqrt(squares) : 0;
  for (let i = 0; i < length; i++) values[i] = (values[i] ?? 0) * scale;
}

/** Sub-linear TF times IDF, L2-normalised. */
export function weighTerms(terms: TermCounts, idf: Float32Array): SparseVector {
  const { indices, counts } = terms;
  const termIdf = new Float32Array(indices.length);
  for (let i = 0; i < indices.length; i++) termIdf[i] = idf[indices[i] ?? 0] ?? 1;
  const values = new Float32Array(indices.length);
  weighTermsInto(indices, counts, termIdf, indices.length, values);
  return { indices, values };
}
