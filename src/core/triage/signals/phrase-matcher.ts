/** Matches a list of short phrases against tokens, word by word, with negation and evidence. */
import { isNegated } from './negation.ts';
import { quote, type Token } from './text.ts';

export interface PhraseHit {
  readonly phrase: string;
  readonly evidence: string;
  readonly index: number;
}

export interface PhraseMatcher {
  /** Every non-negated phrase occurrence, first to last. */
  matchAll(text: string, tokens: readonly Token[]): readonly PhraseHit[];
}

const noCandidates: readonly (readonly string[])[] = [];

export interface PhraseMatcherOptions {
  /** Whether a negator before the phrase cancels it ("not urgent"). */
  readonly negatable?: boolean;
}

/**
 * A quick test of whether a phrase may start at a word, by the word's first character and length:
 * a dozen matchers read every token of every message and most tokens start none of their phrases,
 * so most skip the map lookup and the walk over the prefixes. Never false for a word that may start
 * a phrase; sometimes true for one that does not (the lookup then decides).
 */
const createStartFilter = (
  firstWords: readonly string[],
  prefixes: readonly string[],
): ((word: string) => boolean) => {
  // Bit n of an entry: a first word of n characters (bit 31: 31 or more) starts with that character.
  const lengthsByFirst = new Uint32Array(128);
  const longest = 31;
  const add = (word: string, orLonger: boolean): void => {
    const first = word.charCodeAt(0);
    const from = Math.min(word.length, longest);
    const to = orLonger ? longest : from;
    for (let length = from; length <= to; length += 1) {
      lengthsByFirst[first] = (lengthsByFirst[first] ?? 0) | (1 << length);
    }
  };
  for (const word of firstWords) add(word, false);
  for (const prefix of prefixes) add(prefix, true);
  // A phrase that starts with any word ("*") leaves nothing to test.
  const everyWord = prefixes.includes('');
  return (word) => {
    const first = word.charCodeAt(0);
    // Words that start beyond ASCII are not in the table: the lookup decides for them.
    if (everyWord || !(first < 128)) return true;
    return ((lengthsByFirst[first] ?? 0) & (1 << Math.min(word.length, longest))) !== 0;
  };
};

/**
 * Builds a matcher over phrases written as words ("passed away", "can't afford"). A `*` at the end
 * of a word matches any ending ("hospital*" matches "hospitalised").
 */
export const createPhraseMatcher = (
  phrases: readonly string[],
  options: PhraseMatcherOptions = {},
): PhraseMatcher => {
  const byFirst = new Map<string, string[][]>();
  const prefixes: { prefix: string; rest: string[] }[] = [];
  for (const phrase of phrases) {
    const words = phrase
      .toLowerCase()
      .replace(/['’]/g, '')
      .split(/\s+/)
      .filter((word) => word.length > 0);
    const first = words[0];
    if (!first) continue;
    if (first.endsWith('*')) {
      prefixes.push({ prefix: first.slice(0, -1), rest: words.slice(1) });
      continue;
    }
    const list = byFirst.get(first) ?? [];
    list.push(words.slice(1));
    byFirst.set(first, list);
  }
  const mayStart = createStartFilter(
    [...byFirst.keys()],
    prefixes.map((entry) => entry.prefix),
  );
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
  return {
    matchAll(text, tokens) {
      const hits: PhraseHit[] = [];
      for (let i = 0; i < tokens.length; i += 1) {
        const word = tokens[i]?.word ?? '';
        if (!mayStart(word)) continue;
        let candidates: readonly (readonly string[])[] = byFirst.get(word) ?? noCandidates;
        if (prefixes.length > 0) {
          for (const entry of prefixes) {
            if (word.startsWith(entry.prefix)) candidates = [...candidates, entry.rest];
          }
        }
        for (const rest of candidates) {
          if (!restMatches(tokens, i, rest)) continue;
          if (options.negatable !== false && isNegated(tokens, i, { window: 3, inabilityNegates: false }))
            continue;
          hits.push({
            phrase: [word, ...rest].join(' '),
            evidence: quote(text, tokens, i, i + rest.length),
            index: i,
          });
          break;
        }
      }
      return hits;
    },
  };
};
