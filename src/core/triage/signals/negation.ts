/** Negation scope: does a "not", "don't", "no need", "without" govern the word at a position? */
import type { Token } from './text.ts';

const negators = new Set([
  'not',
  'no',
  'dont',
  'doesnt',
  'didnt',
  'never',
  'without',
  'neither',
  'nor',
  'isnt',
  'arent',
  'wasnt',
  'werent',
  'wont',
  'wouldnt',
  'shouldnt',
  'needent',
  'neednt',
  'nobody',
  'hardly',
]);
/** "Can't" usually means "I tried and could not", which for a request is the request itself. */
const inability = new Set(['cant', 'cannot', 'couldnt', 'unable']);
/** "Why won't you…", "how come I can't…" are complaints that insist, not negations. */
const insisting = new Set(['why', 'cmon']);

export interface NegationOptions {
  /** How many tokens back a negator reaches (within the same clause). */
  readonly window?: number;
  /** Whether "can't"/"unable" negate (they do for threats and distress, not for requests). */
  readonly inabilityNegates?: boolean;
  /**
   * When given, only these words may stand between the negator and the target: "I don't *need to
   * speak to a* human" is negated, "I don't *know how to* reach a human" is not.
   */
  readonly passThrough?: ReadonlySet<string>;
}

/** True when a negator in the same clause, a few words earlier, governs `tokens[index]`. */
export const isNegated = (
  tokens: readonly Token[],
  index: number,
  options: NegationOptions = {},
): boolean => {
  const target = tokens[index];
  if (!target) return false;
  const window = options.window ?? 4;
  for (let i = index - 1; i >= 0 && i >= index - window; i -= 1) {
    const token = tokens[i];
    if (!token || token.clause !== target.clause) return false;
    const word = token.word;
    const negates = negators.has(word) || (options.inabilityNegates === true && inability.has(word));
    if (!negates) {
      if (options.passThrough && !options.passThrough.has(word)) return false;
      continue;
    }
    const previous = tokens[i - 1];
    const beforePrevious = tokens[i - 2];
    const asks =
      (previous && previous.clause === token.clause && insisting.has(previous.word)) ||
      (beforePrevious && beforePrevious.clause === token.clause && insisting.has(beforePrevious.word));
    // "not only", "no longer want the bot" style phrasings keep the target affirmative.
    const next = tokens[i + 1];
    if (next && (next.word === 'only' || next.word === 'just') && word === 'not') continue;
    return !asks;
  }
  return false;
};
