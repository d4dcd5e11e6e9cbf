/** `repeated_ask` (SPEC §4): the customer asks again about something the AI already answered. */
import { createPhraseMatcher } from './phrase-matcher.ts';
import { editDistance, tokenize } from './text.ts';

export interface TurnLine {
  readonly role: 'customer' | 'ai' | 'agent';
  readonly text: string;
}

export interface RepeatedAskFinding {
  /** How many earlier, already-answered customer messages the latest one repeats. */
  readonly count: number;
  /** The earlier message(s) it repeats, with the similarity found. */
  readonly evidence: readonly { readonly earlier: string; readonly similarity: number }[];
}

const stopwords = new Set(
  (
    'a an the i me my mine we our you your yours it its is are was were be been being am do does did doing have has ' +
    'had having to of in on at for from by with about as into over under again still please pls hi hello hey thanks ' +
    'thank can could would should will shall may might must just so and or but if then than that this these those ' +
    'there here what which who whom whose when where why how not no yes ok okay any some all get got need want know ' +
    'tell help one im ive id dont doesnt didnt cant wont isnt'
  ).split(' '),
);
const reaskMarkers = createPhraseMatcher(
  [
    'again',
    'i asked',
    'already asked',
    'i said',
    'as i said',
    'like i said',
    'i told you',
    'already told',
    'you didnt answer',
    'didnt answer',
    'not what i asked',
    'doesnt answer',
    'didnt help',
    'still',
    'repeat',
    'one more time',
  ],
  { negatable: false },
);

const stem = (word: string): string => {
  if (word.length > 5 && word.endsWith('ing')) return word.slice(0, -3);
  if (word.length > 4 && word.endsWith('ed')) return word.slice(0, -2);
  if (word.length > 3 && word.endsWith('s') && !word.endsWith('ss')) return word.slice(0, -1);
  return word;
};

/** Content words of a message, stemmed, without function words. */
export const contentWords = (text: string): ReadonlySet<string> => {
  const words = new Set<string>();
  for (const token of tokenize(text)) {
    if (token.word.length < 2 || stopwords.has(token.word)) continue;
    words.add(stem(token.word));
  }
  return words;
};

const trigrams = (words: ReadonlySet<string>): ReadonlySet<string> => {
  const grams = new Set<string>();
  for (const word of words) {
    const padded = ` ${word} `;
    for (let i = 0; i + 3 <= padded.length; i += 1) grams.add(padded.slice(i, i + 3));
  }
  return grams;
};

const overlap = (a: ReadonlySet<string>, b: ReadonlySet<string>): number => {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const item of a) if (b.has(item)) shared += 1;
  return shared / Math.min(a.size, b.size);
};

/** Word overlap where a word one typo away from the other message's word still counts ("refnd" ~ "refund"). */
const fuzzyOverlap = (a: ReadonlySet<string>, b: ReadonlySet<string>): number => {
  if (a.size === 0 || b.size === 0) return 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let shared = 0;
  for (const word of small) {
    if (large.has(word)) {
      shared += 1;
      continue;
    }
    if (word.length < 4) continue;
    for (const other of large) {
      if (other.length >= 4 && editDistance(word, other, 1) <= 1) {
        shared += 1;
        break;
      }
    }
  }
  return shared / small.size;
};

/**
 * How similar two customer messages are in content, in [0, 1]: word overlap, or letter-trigram
 * overlap for re-typed, misspelt asks ("refund status" vs "refnd stauts?").
 */
export const askSimilarity = (a: string, b: string): number => {
  const wordsA = contentWords(a);
  const wordsB = contentWords(b);
  const byWords = fuzzyOverlap(wordsA, wordsB);
  const byLetters = overlap(trigrams(wordsA), trigrams(wordsB)) * 0.9;
  return Math.round(Math.max(byWords, byLetters) * 100) / 100;
};

/** Counts how many earlier answered customer asks the latest customer message repeats. */
export const detectRepeatedAsk = (lines: readonly TurnLine[]): RepeatedAskFinding => {
  let latestIndex = -1;
  for (let i = lines.length - 1; i >= 0; i -= 1) {
    if (lines[i]?.role === 'customer') {
      latestIndex = i;
      break;
    }
  }
  const latest = lines[latestIndex];
  if (!latest || !lines.slice(0, latestIndex).some((line) => line.role === 'ai'))
    return { count: 0, evidence: [] };
  const reasks = reaskMarkers.matchAll(latest.text, tokenize(latest.text)).length > 0;
  const evidence: { earlier: string; similarity: number }[] = [];
  for (let i = 0; i < latestIndex; i += 1) {
    const line = lines[i];
    if (line?.role !== 'customer') continue;
    // Only a question the AI answered afterwards can be "asked again".
    const answered = lines.slice(i + 1, latestIndex).some((later) => later.role === 'ai');
    if (!answered) continue;
    const similarity = askSimilarity(latest.text, line.text);
    if (similarity >= 0.6 || (reasks && similarity >= 0.3)) evidence.push({ earlier: line.text, similarity });
  }
  const lastAiAnswer = lines.slice(0, latestIndex).some((line) => line.role === 'ai');
  if (evidence.length === 0 && reasks && lastAiAnswer && /answer|asked|told|said|repeat/i.test(latest.text)) {
    // "You didn't answer my question": a re-ask without restating it.
    evidence.push({ earlier: '(the previous question)', similarity: 0 });
  }
  return { count: evidence.length, evidence };
};
