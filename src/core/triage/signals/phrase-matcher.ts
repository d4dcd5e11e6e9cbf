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
/** Numbers the matchers, so that each keeps its answer for a word in the word's reading. */
let matchersMade = 0;

export interface PhraseMatcherOptions {
  /** Whether a negator before the phrase cancels it ("not urgent"). */
  readonly negatable?: boolean;
}

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
  /** How each phrase that may start at `word` goes on: worked out once per word (see `WordReading`). */
  const startsAt = (word: string): readonly (readonly string[])[] => {
    let candidates: readonly (readonly string[])[] = byFirst.get(word) ?? noCandidates;
    for (const entry of prefixes) {
      if (word.startsWith(entry.prefix)) candidates = [...candidates, entry.rest];
    }
    return candidates;
  };
  const number = matchersMade;
  matchersMade += 1;
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
        const token = tokens[i];
        if (!token) continue;
        const word = token.word;
        let candidates = token.reading.phraseStarts[number];
        if (candidates === undefined) {
          candidates = startsAt(word);
          token.reading.phraseStarts[number] = candidates;
        }
        if (candidates.length === 0) continue;
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
