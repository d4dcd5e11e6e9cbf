/** Matches lists of short phrases against tokens, word by word, with negation and evidence. */
import { isNegated } from './negation.ts';
import { quote, type Token } from './text.ts';

export interface PhraseHit {
  readonly phrase: string;
  readonly evidence: string;
  readonly index: number;
  /** Which of the matcher's lists the phrase is from (0 for a matcher of one list). */
  readonly list: number;
}

export interface PhraseMatcher {
  /** Every non-negated phrase occurrence, first to last (by position, then by list). */
  matchAll(text: string, tokens: readonly Token[]): readonly PhraseHit[];
}

export interface PhraseMatcherOptions {
  /** Whether a negator before the phrase cancels it ("not urgent"). */
  readonly negatable?: boolean;
}

/** One list of phrases a matcher finds, and whether a negator before one cancels it. */
export interface PhraseList extends PhraseMatcherOptions {
  readonly phrases: readonly string[];
}

/** A phrase that may start at a word: its list, and the words that must follow. */
export interface PhraseStart {
  readonly list: number;
  readonly rest: readonly string[];
}

const noStarts: readonly PhraseStart[] = [];
/** What most messages find: one shared empty list instead of a new one per message. */
const noHits: readonly PhraseHit[] = [];
/**
 * Numbers the matchers, so that each keeps its answer for a word in the word's reading; a matcher's
 * number is also its bit in `WordReading.startsNoPhrase`. The engine makes a handful; matchers past
 * the 31st (tests make many) have no bit and always read the array.
 */
let matchersMade = 0;
const matchersWithBits = 31;

const wordsOf = (phrase: string): string[] =>
  phrase
    .toLowerCase()
    .replace(/['’]/g, '')
    .split(/\s+/)
    .filter((word) => word.length > 0);

const wordMatches = (pattern: string, word: string): boolean =>
  pattern.endsWith('*') ? word.startsWith(pattern.slice(0, -1)) : pattern === word;

const restMatches = (tokens: readonly Token[], index: number, rest: readonly string[]): boolean => {
  const clause = tokens[index]?.clause;
  for (let k = 0; k < rest.length; k += 1) {
    const token = tokens[index + 1 + k];
    const pattern = rest[k];
    if (!token || pattern === undefined || token.clause !== clause || !wordMatches(pattern, token.word))
      return false;
  }
  return true;
};

/**
 * Builds a matcher over several lists of phrases written as words ("passed away", "can't afford").
 * A `*` at the end of a word matches any ending ("hospital*" matches "hospitalised"). A detector
 * with several lists reads a message once for all of them instead of once per list; each list finds
 * at most one phrase starting at a token, as a matcher of that list alone would.
 */
export const createPhraseLists = (lists: readonly PhraseList[]): PhraseMatcher => {
  // A list is a bit of a number below (which lists are settled at a token).
  if (lists.length > 31) throw new Error('a phrase matcher takes at most 31 lists');
  const byFirst = new Map<string, PhraseStart[]>();
  const prefixes: { readonly prefix: string; readonly start: PhraseStart }[][] = [];
  lists.forEach(({ phrases }, list) => {
    const listPrefixes: { prefix: string; start: PhraseStart }[] = [];
    for (const phrase of phrases) {
      const [first, ...rest] = wordsOf(phrase);
      if (!first) continue;
      if (first.endsWith('*')) {
        listPrefixes.push({ prefix: first.slice(0, -1), start: { list, rest } });
        continue;
      }
      const starts = byFirst.get(first) ?? [];
      starts.push({ list, rest });
      byFirst.set(first, starts);
    }
    prefixes.push(listPrefixes);
  });
  /**
   * The phrases that may start at `word`, list by list, each list's whole words before its
   * prefixes: worked out once per word (see `WordReading`).
   */
  const startsAt = (word: string): readonly PhraseStart[] => {
    const exact = byFirst.get(word) ?? noStarts;
    const starts: PhraseStart[] = [];
    for (let list = 0; list < lists.length; list += 1) {
      for (const start of exact) if (start.list === list) starts.push(start);
      for (const entry of prefixes[list] ?? []) if (word.startsWith(entry.prefix)) starts.push(entry.start);
    }
    return starts.length > 0 ? starts : noStarts;
  };
  const negatable = lists.map((list) => list.negatable !== false);
  const number = matchersMade;
  const startsNone = number < matchersWithBits ? 1 << number : 0;
  matchersMade += 1;
  return {
    matchAll(text, tokens) {
      let hits: PhraseHit[] | null = null;
      for (let i = 0; i < tokens.length; i += 1) {
        const token = tokens[i];
        if (!token) continue;
        const reading = token.reading;
        if ((reading.startsNoPhrase & startsNone) !== 0) continue;
        let starts = reading.phraseStarts[number];
        if (starts === undefined) {
          starts = startsAt(token.word);
          reading.phraseStarts[number] = starts;
          if (starts.length === 0) reading.startsNoPhrase |= startsNone;
        }
        if (starts.length === 0) continue;
        // Bit n: list n already found its phrase here, or is negated here.
        let settled = 0;
        for (const { list, rest } of starts) {
          if ((settled & (1 << list)) !== 0 || !restMatches(tokens, i, rest)) continue;
          settled |= 1 << list;
          if (negatable[list] && isNegated(tokens, i, { window: 3, inabilityNegates: false })) continue;
          hits ??= [];
          hits.push({
            phrase: [token.word, ...rest].join(' '),
            evidence: quote(text, tokens, i, i + rest.length),
            index: i,
            list,
          });
        }
      }
      return hits ?? noHits;
    },
  };
};

/** A matcher of one list of phrases (see `createPhraseLists`). */
export const createPhraseMatcher = (
  phrases: readonly string[],
  options: PhraseMatcherOptions = {},
): PhraseMatcher => createPhraseLists([{ phrases, ...options }]);
