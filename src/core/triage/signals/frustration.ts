/** `frustration` (SPEC §4): anger or exasperation — shouting, "!!", insults, "useless bot", "third time". */
import {
  angerPhrases,
  disapprovalPhrases,
  exasperationPhrases,
  sorrowWords,
  waitingPhrases,
} from './frustration-words.ts';
import { createPhraseLists } from './phrase-matcher.ts';
import { type SentimentBreakdown, wordScore } from './sentiment.ts';
import type { Token } from './text.ts';

export interface FrustrationFinding {
  readonly fired: boolean;
  /** Summed weight of the cues found; fires at 1. */
  readonly score: number;
  readonly evidence: readonly string[];
}

/** The cue lists, read in one pass over a message; disapproval phrases add half a point each. */
const cueLists = createPhraseLists([
  { phrases: angerPhrases },
  { phrases: exasperationPhrases, negatable: false },
  { phrases: waitingPhrases, negatable: false },
  { phrases: disapprovalPhrases, negatable: false },
]);
const [anger, exasperation, waiting, disapproval] = [0, 1, 2, 3];

/** Two or more letters, all capitals A–Z (checked by character: it runs on every token). */
const isShouted = (raw: string): boolean => {
  if (raw.length < 2) return false;
  for (let i = 0; i < raw.length; i += 1) {
    const code = raw.charCodeAt(i);
    if (code < 65 || code > 90) return false;
  }
  return true;
};

/** A cue list with nothing in it, shared by the messages (most of them) that give no such cue. */
const noCues: readonly string[] = [];

const shoutingWords = (tokens: readonly Token[]): readonly string[] => {
  let shouted: string[] | null = null;
  for (const token of tokens) {
    if (!isShouted(token.raw)) continue;
    shouted ??= [];
    shouted.push(token.raw);
  }
  // Acronyms ("USA", "PIN") appear alone; shouting is most of a message in capitals.
  return shouted && shouted.length >= 3 && shouted.length >= tokens.length * 0.6 ? shouted : noCues;
};

/** Finds runs such as "!!", "?!", "???" — support's written raised voice. */
export const repeatedPunctuation = (text: string): string | null => {
  const match = /[!?]*!{2,}[!?]*|\?{3,}|\?!|!\?/.exec(text);
  return match ? match[0] : null;
};

const apostrophes = /['’]/g;

/** The lexicon total less what sorrow, fear and regret words gave it. */
const withoutSorrow = (sentiment: SentimentBreakdown): number => {
  let total = sentiment.total;
  for (const { word, score } of sentiment.words) {
    if (score < 0 && sorrowWords.has(word.toLowerCase().replace(apostrophes, ''))) total -= score;
  }
  return total;
};

/** The raw cues frustration is scored from. */
export interface FrustrationCues {
  readonly anger: readonly string[];
  readonly exasperation: readonly string[];
  /** "Still waiting", "still not": exasperation once support has replied, impatience before. */
  readonly waiting: readonly string[];
  readonly disapproval: readonly string[];
  readonly shouting: readonly string[];
  readonly punctuation: string | null;
  /** The lexicon total without sorrow and fear words (sadness or worry is not anger at someone). */
  readonly sentimentTotal: number;
}

/**
 * A harsh word right before praise intensifies it ("damn good", "stupid fast delivery", "crazy
 * cheap"): people swear in delight too, and that is not anger at anyone.
 */
const intensifiesPraise = (tokens: readonly Token[], index: number): boolean => {
  const next = tokens[index + 1];
  if (!next || next.clause !== tokens[index]?.clause) return false;
  return wordScore(tokens, index + 1) > 0;
};

/** Collects the cues of frustration in one message. */
export const frustrationCues = (
  text: string,
  tokens: readonly Token[],
  sentiment: SentimentBreakdown,
): FrustrationCues => {
  // By list: the evidence of its cues, made when the list's first cue is found.
  const found: (string[] | undefined)[] = [];
  for (const hit of cueLists.matchAll(text, tokens)) {
    if (hit.list === anger && intensifiesPraise(tokens, hit.index)) continue;
    let evidence = found[hit.list];
    if (evidence === undefined) {
      evidence = [];
      found[hit.list] = evidence;
    }
    evidence.push(hit.evidence);
  }
  return {
    anger: found[anger] ?? noCues,
    exasperation: found[exasperation] ?? noCues,
    waiting: found[waiting] ?? noCues,
    disapproval: found[disapproval] ?? noCues,
    shouting: shoutingWords(tokens),
    punctuation: repeatedPunctuation(text),
    sentimentTotal: withoutSorrow(sentiment),
  };
};

/** Weights of each cue; frustration fires when they sum to 1. */
export const frustrationWeights = {
  anger: 1,
  angerCap: 2,
  exasperation: 1.5,
  /** "Still waiting" before support has replied: it needs another cue to count as frustration. */
  waitingBeforeReply: 0.5,
  disapproval: 0.5,
  disapprovalCap: 1,
  shouting: 1,
  punctuation: 0.5,
  /** Added per lexicon point below zero (a total of -4 adds 1). */
  negativity: 0.25,
  /** Subtracted per lexicon point above zero: praise softens an "ugh". */
  positivity: 0.15,
} as const;

/** Where the message stands in its conversation. */
export interface FrustrationContext {
  /** Whether the AI or a person replied before this message. */
  readonly afterReply: boolean;
}

/** Combines the cues into a score; the evidence lists what contributed. */
export const scoreFrustration = (
  cues: FrustrationCues,
  context: FrustrationContext = { afterReply: false },
  weights = frustrationWeights,
): FrustrationFinding => {
  const evidence: string[] = [...cues.anger, ...cues.exasperation, ...cues.waiting];
  let score = Math.min(weights.angerCap, cues.anger.length * weights.anger);
  const waited = cues.waiting.length > 0;
  if (cues.exasperation.length > 0 || (waited && context.afterReply)) score += weights.exasperation;
  else if (waited) score += weights.waitingBeforeReply;
  if (cues.disapproval.length > 0) {
    score += Math.min(weights.disapprovalCap, cues.disapproval.length * weights.disapproval);
    evidence.push(...cues.disapproval);
  }
  if (cues.shouting.length > 0) {
    score += weights.shouting;
    evidence.push(cues.shouting.join(' '));
  }
  if (cues.punctuation) {
    score += weights.punctuation;
    evidence.push(cues.punctuation);
  }
  if (cues.sentimentTotal < 0) score += -cues.sentimentTotal * weights.negativity;
  else score -= cues.sentimentTotal * weights.positivity;
  if (cues.sentimentTotal <= -4) evidence.push(`sentiment ${cues.sentimentTotal}`);
  score = Math.round(score * 100) / 100;
  return { fired: score >= 1, score, evidence };
};

/**
 * Scores frustration from weighted cues: anger words, support exasperation phrases ("third time"),
 * shouting, "!!", and how negative the lexicon finds the message.
 */
export const detectFrustration = (
  text: string,
  tokens: readonly Token[],
  sentiment: SentimentBreakdown,
): FrustrationFinding => scoreFrustration(frustrationCues(text, tokens, sentiment));
