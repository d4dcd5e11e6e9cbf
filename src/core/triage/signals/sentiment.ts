/** `sentiment` (SPEC §4): AFINN lexicon (the `sentiment` package's word list) plus support-specific additions. */
import { createRequire } from 'node:module';
import type { Token } from './text.ts';

// The word list ships as JSON inside the package; `require` loads it the way the package itself does
// (tsx's JSON-as-ESM transform chokes on keys such as "protected").
const afinn: unknown = createRequire(import.meta.url)('sentiment/languages/en/labels.json');

const readLexicon = (raw: unknown): ReadonlyMap<string, number> => {
  const lexicon = new Map<string, number>();
  if (typeof raw !== 'object' || raw === null) return lexicon;
  for (const [word, score] of Object.entries(raw)) {
    if (typeof score === 'number') lexicon.set(word.replace(/['’]/g, ''), score);
  }
  return lexicon;
};
const lexicon = readLexicon(afinn);

/**
 * Support text uses some words as topics, not feelings: "charged twice", "lost card", "cancel my
 * order", "please help" say nothing about mood. Others are stronger here than in general text.
 */
const supportOverrides: ReadonlyMap<string, number> = new Map([
  ['charged', 0],
  ['charge', 0],
  ['charges', 0],
  ['cancel', 0],
  ['cancelled', 0],
  ['canceled', 0],
  ['lost', 0],
  ['stolen', 0],
  ['fraud', 0],
  ['dispute', 0],
  ['help', 0],
  ['please', 0],
  ['urgent', 0],
  ['block', 0],
  ['blocked', 0],
  ['freeze', 0],
  ['frozen', 0],
  ['pay', 0],
  ['problem', -1],
  ['problems', -1],
  ['issue', 0],
  ['error', -1],
  ['unable', -1],
  ['want', 0],
  ['like', 0],
  ['joke', 0],
  ['free', 0],
  ['share', 0],
  ['ridiculous', -3],
  ['useless', -3],
  ['rubbish', -3],
  ['unacceptable', -3],
  ['pathetic', -3],
  ['incompetent', -3],
  ['scam', -3],
  ['scammed', -3],
  ['ripoff', -3],
  ['nonsense', -2],
  ['garbage', -3],
  ['trash', -2],
  ['clueless', -2],
  ['pointless', -2],
  ['waste', -2],
  ['wasted', -2],
  ['annoyed', -3],
  ['annoying', -3],
  ['frustrated', -3],
  ['frustrating', -3],
  ['infuriating', -4],
  ['livid', -4],
  ['fuming', -4],
  ['sucks', -3],
  ['worse', -3],
  ['horrible', -3],
  ['terrible', -3],
]);
/** The lexicon with the support overrides applied: one lookup per word. */
const supportLexicon: ReadonlyMap<string, number> = new Map([...lexicon, ...supportOverrides]);
const negators = new Set([
  'not',
  'dont',
  'doesnt',
  'didnt',
  'isnt',
  'wasnt',
  'arent',
  'cant',
  'wont',
  'never',
  'no',
]);

/** Raw AFINN-style score of one word in context (negation flips the sign, as AFINN does). */
export const wordScore = (tokens: readonly Token[], index: number): number => {
  const token = tokens[index];
  if (!token) return 0;
  let score = token.reading.sentiment;
  if (score === undefined) {
    score = supportLexicon.get(token.word) ?? 0;
    token.reading.sentiment = score;
  }
  if (score === 0) return 0;
  const previous = tokens[index - 1];
  const negated = previous && previous.clause === token.clause && negators.has(previous.word);
  return negated ? -score : score;
};

export interface SentimentBreakdown {
  /** In [-1, 1]. */
  readonly score: number;
  /** The lexicon total before squashing. */
  readonly total: number;
  /** Words that moved the score, with their contribution. */
  readonly words: readonly { readonly word: string; readonly score: number }[];
}

/** Scores one message from -1 (very negative) to +1, from the lexicon plus extra cues (shouting, "!!"). */
export const scoreSentiment = (tokens: readonly Token[], extra = 0): SentimentBreakdown => {
  let total = extra;
  const words: { word: string; score: number }[] = [];
  for (let i = 0; i < tokens.length; i += 1) {
    const score = wordScore(tokens, i);
    if (score === 0) continue;
    total += score;
    words.push({ word: tokens[i]?.raw ?? '', score });
  }
  // tanh keeps the score in (-1, 1) while a couple of strong words already reach about ±0.8.
  const score = Math.round(Math.tanh(total / 5) * 100) / 100;
  return { score, total, words };
};

export interface SentimentTrend {
  /** Sentiment of each customer message, oldest first. */
  readonly perMessage: readonly number[];
  /** Latest minus first; negative means the conversation is souring. */
  readonly change: number;
  /** How many consecutive customer messages, ending with the latest, each scored lower than the one before. */
  readonly fallingFor: number;
}

/** The trend of sentiment over the customer's messages. */
export const sentimentTrend = (perMessage: readonly number[]): SentimentTrend => {
  const first = perMessage[0] ?? 0;
  const last = perMessage[perMessage.length - 1] ?? 0;
  let fallingFor = 0;
  for (let i = perMessage.length - 1; i > 0; i -= 1) {
    if ((perMessage[i] ?? 0) < (perMessage[i - 1] ?? 0)) fallingFor += 1;
    else break;
  }
  return { perMessage, change: Math.round((last - first) * 100) / 100, fallingFor };
};
