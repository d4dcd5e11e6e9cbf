/** Shared text helpers for the signal detectors: tokens with offsets, clauses, fuzzy keyword matching. */
import { boundedMemo } from '../../bounded-memo.ts';
import type { LegalReading } from './legal-threat.ts';
import type { PhraseStart } from './phrase-matcher.ts';

export interface Token {
  /** Lower-cased word with apostrophes removed ("don't" → "dont"). */
  readonly word: string;
  /** The word as written, for shouting and evidence. */
  readonly raw: string;
  readonly start: number;
  readonly end: number;
  /** Index of the clause the token belongs to (clauses split at . ! ? ; , and "but"). */
  readonly clause: number;
  /** What the detectors read in `word`, shared with every other token of the same word. */
  readonly reading: WordReading;
}

/**
 * What the detectors read in one distinct word. Each detector used to look every token up in its
 * own large map (the lexicon, phrase starts, fuzzy vocabularies); now a token costs one lookup, in
 * `tokenize`, and each detector works a word out the first time it meets it and keeps the answer
 * here. The fields start unknown (undefined) and are filled by the detector named beside each; an
 * answer depends on the word alone, so it never changes once filled.
 */
export class WordReading {
  /** The support lexicon's score, 0 for a word it does not list (sentiment.ts). */
  sentiment: number | undefined = undefined;
  /** What the word, spelt correctly, is to the legal-threat detector (legal-threat.ts). */
  legal: LegalReading | undefined = undefined;
  /** The request keyword the word is a spelling of, or null (human-request.ts). */
  requestSpelling: string | null | undefined = undefined;
  /** The second words of the two-word request phrases the word starts, or null (human-request.ts). */
  requestPairs: ReadonlyMap<string, string> | null | undefined = undefined;
  /** What the word can be to the request detectors, as bits (human-request.ts). */
  requestRoles: number | undefined = undefined;
  /** The prompt-injection rules, by bit, that a run of letters in the word may match (prompt-injection.ts). */
  injectionRules: number | undefined = undefined;
  /**
   * Bit n: phrase matcher n knows no phrase starts at this word (phrase-matcher.ts). Most words
   * start none, and a bit of a field on the reading answers that without the array below.
   */
  startsNoPhrase = 0;
  /** By phrase matcher number: the phrases that may start at this word, when some may (phrase-matcher.ts). */
  readonly phraseStarts: (readonly PhraseStart[] | undefined)[] = [];
}

// Bounded like the fuzzy vocabularies' caches: a forgotten word is only read again.
const readings = boundedMemo<string, WordReading>(50_000);
const newReading = (): WordReading => new WordReading();

/** The reading of a (lower-cased) word, the same object for every token of that word. */
export const wordReadingOf = (word: string): WordReading => readings.get(word, newReading);

const apostrophes = /['’]/g;
const letterOrDigit = /^[\p{L}\p{N}]$/u;
const letter = /^\p{L}$/u;

/** Unicode letters and digits; ASCII is answered without a regex (nearly every character is ASCII). */
const isLetterOrDigit = (code: number): boolean =>
  (code >= 97 && code <= 122) ||
  (code >= 65 && code <= 90) ||
  (code >= 48 && code <= 57) ||
  (code >= 128 && letterOrDigit.test(String.fromCodePoint(code)));
const isLetter = (code: number): boolean =>
  (code >= 97 && code <= 122) ||
  (code >= 65 && code <= 90) ||
  (code >= 128 && letter.test(String.fromCodePoint(code)));
/** . ! ? ; , : */
const isClosing = (code: number): boolean =>
  code === 46 || code === 33 || code === 63 || code === 59 || code === 44 || code === 58;
const isApostrophe = (code: number): boolean => code === 39 || code === 0x2019;

/** The position after the run of characters from `from` that pass `test` (whole code points). */
const skipWhile = (text: string, from: number, test: (code: number) => boolean): number => {
  let at = from;
  while (at < text.length) {
    const code = text.codePointAt(at) ?? 0;
    if (!test(code)) break;
    at += code > 0xffff ? 2 : 1;
  }
  return at;
};

/**
 * Splits a message into word tokens; punctuation only starts a new clause. A word is a run of
 * letters and digits, and may go on with an apostrophe and letters ("don't", "o’clock"); a run of
 * . ! ? ; , : closes a clause — the reading of /[\p{L}\p{N}]+(?:['’]\p{L}+)*|[.!?;,:]+/gu, written
 * out as a scan because a regex match object per word cost more than the rest of tokenising.
 */
export const tokenize = (text: string): readonly Token[] => {
  const tokens: Token[] = [];
  let clause = 0;
  let at = 0;
  while (at < text.length) {
    const code = text.codePointAt(at) ?? 0;
    if (isClosing(code)) {
      at = skipWhile(text, at, isClosing);
      clause += 1;
      continue;
    }
    if (!isLetterOrDigit(code)) {
      at += code > 0xffff ? 2 : 1;
      continue;
    }
    const start = at;
    at = skipWhile(text, at, isLetterOrDigit);
    let joined = false;
    while (isApostrophe(text.charCodeAt(at)) && isLetter(text.codePointAt(at + 1) ?? -1)) {
      joined = true;
      at = skipWhile(text, at + 1, isLetter);
    }
    const raw = text.slice(start, at);
    const word = joined ? raw.toLowerCase().replace(apostrophes, '') : raw.toLowerCase();
    if (word === 'but' || word === 'however' || word === 'instead') clause += 1;
    tokens.push({ word, raw, start, end: at, clause, reading: wordReadingOf(word) });
  }
  return tokens;
};

/**
 * The three rows of `editDistance`'s table, one after another, kept between calls: the fuzzy
 * vocabularies compare each word they first meet with several keywords, and three new arrays for
 * every comparison were most of that cost. Grown when a longer word comes.
 */
let distanceRows = new Int32Array(3 * 32);

/** Damerau–Levenshtein distance (optimal string alignment), stopping early above `max`. */
export const editDistance = (a: string, b: string, max: number): number => {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  if (a === b) return 0;
  const width = b.length + 1;
  if (distanceRows.length < 3 * width) distanceRows = new Int32Array(3 * width);
  const rows = distanceRows;
  // Where each row starts in `rows`: two rows back, the row before, and the row being filled.
  let before = 0;
  let previous = width;
  let current = 2 * width;
  for (let j = 0; j < width; j += 1) {
    rows[before + j] = 0;
    rows[previous + j] = j;
  }
  for (let i = 1; i <= a.length; i += 1) {
    rows[current] = i;
    let rowMin = i;
    for (let j = 1; j < width; j += 1) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let value = Math.min(
        (rows[previous + j] ?? 0) + 1,
        (rows[current + j - 1] ?? 0) + 1,
        (rows[previous + j - 1] ?? 0) + cost,
      );
      if (
        i > 1 &&
        j > 1 &&
        a.charCodeAt(i - 1) === b.charCodeAt(j - 2) &&
        a.charCodeAt(i - 2) === b.charCodeAt(j - 1)
      ) {
        value = Math.min(value, (rows[before + j - 2] ?? 0) + 1);
      }
      rows[current + j] = value;
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > max) return max + 1;
    // Rotate the three rows: the oldest is filled next.
    const reused = before;
    before = previous;
    previous = current;
    current = reused;
  }
  return rows[previous + b.length] ?? max + 1;
};

/**
 * Word lengths by a character of the word: a test that costs a few instructions, so a detector rules
 * most tokens out before a lookup in a large map (each such lookup is a trip to memory). Never false
 * for a length added with that character; characters beyond ASCII are not tabled and always pass.
 */
export interface LengthsByCharacter {
  /** Tables words of `length` (or longer, when `orLonger`) with the character `code`. */
  add(code: number, length: number, orLonger?: boolean): void;
  has(code: number, length: number): boolean;
}

export const createLengthsByCharacter = (): LengthsByCharacter => {
  // Bit n of an entry: length n (bit 31: 31 or more).
  const longest = 31;
  const lengths = new Uint32Array(128);
  return {
    add(code, length, orLonger = false) {
      if (!(code < 128)) return;
      const from = Math.min(length, longest);
      for (let bit = from; bit <= (orLonger ? longest : from); bit += 1) {
        lengths[code] = (lengths[code] ?? 0) | (1 << bit);
      }
    },
    has(code, length) {
      if (!(code < 128)) return true;
      return ((lengths[code] ?? 0) & (1 << Math.min(length, longest))) !== 0;
    },
  };
};

/**
 * Maps misspelt words onto a small vocabulary of keywords ("humen" → "human", "agnet" → "agent").
 * Real words that sit one typo away from a keyword ("managed", "urgent") are listed in `guard`
 * so they keep their own meaning. Results are cached: the same tokens recur across messages.
 */
export const createFuzzyVocabulary = (
  keywords: readonly string[],
  guard: readonly string[],
): ((word: string) => string | null) => {
  const exact = new Set(keywords);
  const guarded = new Set(guard);
  const byFirstLetter = new Map<string, string[]>();
  for (const keyword of keywords) {
    for (const letter of new Set([keyword[0] ?? '', keyword[1] ?? ''])) {
      const list = byFirstLetter.get(letter) ?? [];
      list.push(keyword);
      byFirstLetter.set(letter, list);
    }
  }
  const nearest = (keyword: string, word: string): boolean => {
    if (keyword.length < 5) {
      // Short keywords only forgive one doubled or inserted letter ("talkk" → "talk").
      return word.length === keyword.length + 1 && editDistance(word, keyword, 1) <= 1;
    }
    const allowed = keyword.length >= 9 ? 2 : 1;
    return editDistance(word, keyword, allowed) <= allowed;
  };
  const correct = (word: string): string | null => {
    if (exact.has(word)) return word;
    if (word.length < 4 || guarded.has(word)) return null;
    // A typo rarely hits both of the first two letters, so candidates share one of them.
    for (const letter of [word[0] ?? '', word[1] ?? '']) {
      for (const keyword of byFirstLetter.get(letter) ?? []) if (nearest(keyword, word)) return keyword;
    }
    return null;
  };
  // The lengths a word may have to be a keyword, by its first and by its second letter (the letters
  // candidates are found by): a short keyword takes its own length and one more, a longer one its
  // length give or take what it allows.
  const possible = createLengthsByCharacter();
  for (const keyword of keywords) {
    const low = keyword.length < 5 ? keyword.length : keyword.length - (keyword.length >= 9 ? 2 : 1);
    const high = keyword.length < 5 ? keyword.length + 1 : keyword.length + (keyword.length >= 9 ? 2 : 1);
    for (let length = low; length <= high; length += 1) {
      possible.add(keyword.charCodeAt(0), length);
      possible.add(keyword.charCodeAt(1), length);
    }
  }
  const mayBeKeyword = (word: string): boolean =>
    word.length > 0 &&
    (possible.has(word.charCodeAt(0), word.length) ||
      (word.length > 1 && possible.has(word.charCodeAt(1), word.length)));
  // Every answer is cached, not only the corrections: one lookup per word instead of three.
  const cache = boundedMemo<string, string | null>(50_000);
  return (word) => (mayBeKeyword(word) ? cache.get(word, correct) : null);
};

/**
 * Two-word phrases ("legal action") by their first word, then their second, so that a token looks
 * its phrase up without building a "word next" string for every token.
 */
export const pairsByFirstWord = <T>(
  pairs: ReadonlyMap<string, T>,
): ReadonlyMap<string, ReadonlyMap<string, T>> => {
  const byFirst = new Map<string, Map<string, T>>();
  for (const [pair, value] of pairs) {
    const space = pair.indexOf(' ');
    const first = pair.slice(0, space);
    const seconds = byFirst.get(first) ?? new Map<string, T>();
    seconds.set(pair.slice(space + 1), value);
    byFirst.set(first, seconds);
  }
  return byFirst;
};

/** The original text between two tokens, for evidence. */
export const quote = (text: string, tokens: readonly Token[], from: number, to: number): string => {
  const first = tokens[Math.max(0, from)];
  const last = tokens[Math.min(tokens.length - 1, to)];
  if (!first || !last) return '';
  return text.slice(first.start, last.end);
};
