/**
 * `repeated_ask` (SPEC §4): the customer asks again for something the AI already answered. A repeat
 * is judged by meaning, not wording. Three readings of two asks are weighed together: the category
 * model's distribution over the taxonomy, its *fine intent* (which question inside the category:
 * "when does my refund arrive" and "how do I get a return label" are both `refund`, but not the
 * same question), and the content they share after normalisation (canonical words, synonyms grouped
 * into concepts, one-typo tolerance) — or the words simply repeat. Repeats chain: the third ask of
 * one question counts two repeats even if it only resembles the second.
 */
import { canonicalTokens } from '../category/text-normalise.ts';
import { askConceptOf, normaliseAsk } from './ask-concepts.ts';
import { type AskSlots, askSlots, slotAgreement } from './ask-slots.ts';
import { createPhraseMatcher } from './phrase-matcher.ts';
import { editDistance, tokenize } from './text.ts';
import { remembered, type TextMemo } from './text-memo.ts';

export interface TurnLine {
  readonly role: 'customer' | 'ai' | 'agent';
  readonly text: string;
}

/** How the category model reads one message: a score per taxonomy category, and its best fine intents. */
export interface AskReading {
  readonly categories: readonly { readonly category: string; readonly score: number }[];
  readonly intents?: readonly { readonly intent: string; readonly score: number }[];
}

/** The category model's reading of a message (a bare list is a reading of categories only). */
export type AskIntent = (text: string) => AskReading | AskReading['categories'];

export interface RepeatedAskFinding {
  /** How many earlier, already-answered customer asks the latest one repeats (directly or in a chain). */
  readonly count: number;
  /** The earlier message(s) it repeats, oldest first, with the similarity found. */
  readonly evidence: readonly { readonly earlier: string; readonly similarity: number }[];
}

/** Words that carry no topic of their own: they never make two asks alike. */
const functionWords = new Set(
  (
    'a an the i me my mine we our you your yours it its is are was were be been being am do does did doing have has ' +
    'had having to of in on at for from by with about as into over under again still please hi hello hey thanks ' +
    'thank can could would should will shall may might must just so and or but if then than that this these those ' +
    'there here what which who whom whose when where why how not no yes ok okay any some all get got need want know ' +
    'tell help one also really actually already yet now then there still anything something nothing zznum zzordernum ' +
    'zzamount zzurl zzemail way thing'
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

/** The content of an ask: canonical words and the concepts they belong to. */
export interface AskContent {
  readonly words: ReadonlySet<string>;
  readonly concepts: ReadonlySet<string>;
  /** What it asks for: the action and the object (see ask-slots.ts). */
  readonly slots: AskSlots;
}

/** Canonical content words (stemmed, shorthand expanded, placeholders dropped) and their concepts. */
export const askContent = (text: string): AskContent => {
  const words = new Set<string>();
  const concepts = new Set<string>();
  const tokens = canonicalTokens(normaliseAsk(text));
  for (const word of tokens) {
    if (word.length < 2 || functionWords.has(word)) continue;
    words.add(word);
    const concept = askConceptOf(word);
    if (concept !== undefined) concepts.add(concept);
  }
  return { words, concepts, slots: askSlots(tokens) };
};

const sameWord = (a: string, b: string): boolean =>
  a === b || (a.length >= 5 && b.length >= 5 && editDistance(a, b, 1) <= 1);

const hasSameWord = (words: ReadonlySet<string>, word: string): boolean => {
  for (const other of words) if (sameWord(word, other)) return true;
  return false;
};

/** How many of `from`'s words are found in `to`: the same word (or one typo from it) or a word of the same concept. */
const coveredWords = (from: AskContent, to: AskContent): number => {
  let shared = 0;
  for (const word of from.words) {
    const concept = askConceptOf(word);
    if (concept !== undefined && to.concepts.has(concept)) shared += 1;
    else if (hasSameWord(to.words, word)) shared += 1;
  }
  return shared;
};

/**
 * Shared content of two asks, from both sides: the mean of the share of each ask found in the
 * other. A one-word ask ("which plan?") wholly inside a longer one is not the same ask for that.
 */
const contentOverlap = (a: AskContent, b: AskContent): number => {
  if (a.words.size === 0 || b.words.size === 0) return 0;
  return (coveredWords(a, b) / a.words.size + coveredWords(b, a) / b.words.size) / 2;
};

/**
 * Agreement of two readings (the Bhattacharyya coefficient of their scores: 1 when the model reads
 * the same thing), for one kind of score named by `nameOf`. The other reading's scores by name are
 * built once per reading: an ask is compared with every other ask of the conversation and, through
 * the line memo, again in later turns.
 */
const agreementOf = <T extends { readonly score: number }>(nameOf: (score: T) => string) => {
  const byName = new WeakMap<readonly T[], ReadonlyMap<string, number>>();
  return (a: readonly T[], b: readonly T[]): number => {
    let other = byName.get(b);
    if (!other) {
      other = new Map(b.map((score) => [nameOf(score), score.score]));
      byName.set(b, other);
    }
    let sum = 0;
    for (const score of a)
      sum += Math.sqrt(Math.max(0, score.score) * Math.max(0, other.get(nameOf(score)) ?? 0));
    return Math.min(1, sum);
  };
};

/** Agreement of two category distributions. */
const intentAgreement = agreementOf<{ readonly category: string; readonly score: number }>(
  (score) => score.category,
);

/**
 * Weights of "the same ask": a logistic score over three readings of two asks, chosen by hand on the
 * development half of Baton's own paraphrase set (src/core/triage/regression/repeated-ask-set.ts);
 * bench/triage/repeated-asks.ts reports the held-out half and a set written afterwards beside it.
 */
export const repeatWeights = {
  /** Agreement of the category distributions (Bhattacharyya coefficient). */
  category: 1.6,
  /** Agreement of the fine intents (the category's reading when the taxonomy has none). */
  fineIntent: 3.4,
  /** Shared content (words, concepts, typos, letters). */
  content: 3.1,
  bias: -3,
  /** "Again", "I asked", "still": the customer says it is a repeat. */
  marked: 0.6,
  /** Both asks name the same action on the same object (see ask-slots.ts). */
  slots: 1,
  /** 1: asks that want different actions are never the same ask unless their words mostly are. */
  actionVeto: 1,
  /** The score (a logit) at and above which two asks are the same: a probability of 0.6. */
  threshold: 0.4,
  /** Content alone: mostly the same words is the same ask, unless the model reads two questions. */
  sameWords: 0.75,
  /** Both asks read as different fine intents at least this sure: two questions on one topic. */
  sureIntent: 0.5,
  /**
   * Once the latest ask repeats an earlier one, an ask in between joins them when it is at least
   * this alike to both (a similarity, not a logit): the middle rewording of one question.
   */
  between: 0.4,
} as const;

/** Weights of the same shape: the benchmark's search over them, the shipped ones above by default. */
export type RepeatWeights = { readonly [K in keyof typeof repeatWeights]: number };

/** One ask as the detector reads it. */
export interface ReadAsk {
  readonly text: string;
  readonly content: AskContent;
  readonly reading: AskReading | null;
  /** Order numbers, amounts and other figures in the ask: different figures are different asks. */
  readonly figures: ReadonlySet<string>;
}

/** Agreement of two readings' fine intents. */
const fineAgreement = agreementOf<{ readonly intent: string; readonly score: number }>(
  (score) => score.intent,
);

const differentFigures = (a: ReadonlySet<string>, b: ReadonlySet<string>): boolean => {
  if (a.size === 0 || b.size === 0) return false;
  for (const figure of a) if (b.has(figure)) return false;
  return true;
};

/** Whether the model reads each ask, at least `sure`, as its own different fine intent. */
const surelyDifferent = (
  a: AskReading['intents'] | undefined,
  b: AskReading['intents'] | undefined,
  sure: number,
): boolean => {
  const first = a?.[0];
  const second = b?.[0];
  return (
    first !== undefined &&
    second !== undefined &&
    first.intent !== second.intent &&
    first.score >= sure &&
    second.score >= sure
  );
};

/** How alike two asks are, in [0, 1], and whether they count as the same ask. */
export const compareAsks = (
  latest: ReadAsk,
  earlier: ReadAsk,
  marked: boolean,
  weights: RepeatWeights = repeatWeights,
): { readonly same: boolean; readonly similarity: number } => {
  // Order 1042 and order 2210 are two asks however alike the words.
  if (differentFigures(latest.figures, earlier.figures)) return { same: false, similarity: 0 };
  const w = weights;
  const overlap = contentSimilarity(latest.content, earlier.content);
  const a = latest.reading;
  const b = earlier.reading;
  const category = a && b ? intentAgreement(a.categories, b.categories) : 0;
  // Without fine intents (a taxonomy of its own), the category stands in for them only when the
  // asks share some content: one category holds many different questions.
  const fine = a?.intents && b?.intents ? fineAgreement(a.intents, b.intents) : overlap > 0 ? category : 0;
  const action = slotAgreement(latest.content.slots.actions, earlier.content.slots.actions);
  const object = slotAgreement(latest.content.slots.objects, earlier.content.slots.objects);
  const logit =
    w.category * category +
    w.fineIntent * fine +
    w.content * overlap +
    w.bias +
    (marked ? w.marked : 0) +
    // One (action, object) pair is evidence of one ask; a shared action or object alone is not
    // ("where is my order" and "where is my refund" share only the action).
    (action > 0 && object > 0 ? w.slots : 0);
  // "How much is delivery?" then "do you deliver on Saturdays?": one topic, two questions.
  const twoQuestions =
    (surelyDifferent(a?.intents, b?.intents, w.sureIntent) && overlap < 1) ||
    // "Can I exchange it?" then "how long does an exchange take?": one object, two things wanted.
    (w.actionVeto > 0 && action < 0 && overlap < w.sameWords);
  const same =
    !twoQuestions && (overlap >= w.sameWords || (a !== null && b !== null && logit >= w.threshold));
  const similarity = Math.round(Math.max(overlap, 1 / (1 + Math.exp(-logit))) * 100) / 100;
  return { same, similarity };
};

/** An ask's letter trigrams, built once per ask's words (it is compared with every other ask). */
const trigramsOf = new WeakMap<ReadonlySet<string>, ReadonlySet<string>>();
const letterTrigrams = (words: ReadonlySet<string>): ReadonlySet<string> => {
  const known = trigramsOf.get(words);
  if (known) return known;
  const grams = new Set<string>();
  for (const word of words) {
    const padded = ` ${word} `;
    for (let i = 0; i + 3 <= padded.length; i += 1) grams.add(padded.slice(i, i + 3));
  }
  trigramsOf.set(words, grams);
  return grams;
};

/**
 * Share of the smaller ask's letter trigrams found in the other: re-typed asks ("refnd stauts?").
 * A one-word ask is read from both sides, as for words: "plan?" is inside many longer asks.
 */
const trigramOverlap = (a: AskContent, b: AskContent): number => {
  const [small, large] = a.words.size <= b.words.size ? [a, b] : [b, a];
  const one = letterTrigrams(small.words);
  const two = letterTrigrams(large.words);
  if (one.size === 0 || two.size === 0) return 0;
  let shared = 0;
  for (const gram of one) if (two.has(gram)) shared += 1;
  return small.words.size >= 2 ? shared / one.size : (shared / one.size + shared / two.size) / 2;
};

/** Content similarity of two asks in [0, 1]: words and concepts, or letters for re-typed asks. */
const contentSimilarity = (a: AskContent, b: AskContent): number =>
  Math.max(contentOverlap(a, b), 0.9 * trigramOverlap(a, b));

/** Content similarity of two messages in [0, 1] (words, concepts, one-typo tolerance, letters). */
export const askSimilarity = (a: string, b: string): number =>
  Math.round(contentSimilarity(askContent(a), askContent(b)) * 100) / 100;

/** Figures of two or more digits (order numbers, amounts), as written without separators. */
const figuresOf = (text: string): ReadonlySet<string> =>
  new Set((text.match(/\d[\d.,]*\d/g) ?? []).map((figure) => figure.replace(/[.,]/g, '')));

const readingOf = (reading: AskReading | AskReading['categories']): AskReading =>
  'categories' in reading ? reading : { categories: reading };

/** What an ask says on its own, whatever the model reads in it. */
export interface AskFacts {
  readonly content: AskContent;
  readonly figures: ReadonlySet<string>;
  /** The ask says it is asked again ("again", "I asked", "still"). */
  readonly marked: boolean;
}

const readAsk = (text: string): AskFacts => ({
  content: askContent(text),
  figures: figuresOf(text),
  marked: reaskMarkers.matchAll(text, tokenize(text)).length > 0,
});

/**
 * What the detector may remember of each ask between turns of one conversation (see line-memo.ts):
 * its facts, and the category model's reading of it. The readings are one model's: a memo serves
 * one model only.
 */
export interface AskMemo {
  readonly asks: TextMemo<AskFacts>;
  readonly readings: TextMemo<AskReading>;
}

/**
 * Counts how many earlier answered customer asks the latest customer message repeats. With a memo,
 * an ask read in an earlier turn is not read again.
 */
export const detectRepeatedAsk = (
  lines: readonly TurnLine[],
  intentOf?: AskIntent,
  weights: RepeatWeights = repeatWeights,
  memo?: AskMemo,
): RepeatedAskFinding => {
  // Only an ask the AI answered can be repeated: with no AI answer (a first message) there is none.
  if (!lines.some((line) => line.role === 'ai')) return { count: 0, evidence: [] };
  // Customer asks that the AI answered afterwards, in order; the latest customer message last.
  const asks: { readonly text: string; readonly answered: boolean }[] = [];
  lines.forEach((line, index) => {
    if (line.role !== 'customer') return;
    const answered = lines.slice(index + 1).some((later) => later.role === 'ai');
    asks.push({ text: line.text, answered });
  });
  const latest = asks[asks.length - 1];
  if (!latest || !asks.slice(0, -1).some((ask) => ask.answered)) return { count: 0, evidence: [] };
  const read = asks.map((ask) => ({
    text: ask.text,
    answered: ask.answered,
    ...remembered(memo?.asks, ask.text, readAsk),
    reading: intentOf ? remembered(memo?.readings, ask.text, (text) => readingOf(intentOf(text))) : null,
  }));
  // Each earlier ask joins the group of the earliest answered ask it repeats: a chain of rewordings.
  const group = read.map((_, index) => index);
  const last = read.length - 1;
  for (let k = 1; k < last; k += 1) {
    const current = read[k];
    for (let j = 0; current && j < k; j += 1) {
      const earlier = read[j];
      if (!earlier?.answered || !compareAsks(current, earlier, current.marked, weights).same) continue;
      group[k] = group[j] ?? j;
      break;
    }
  }
  // The latest ask repeats every group it matches an ask of: asking a third time in words that
  // resemble both earlier asks repeats both, even when those two did not resemble each other.
  const similarities = new Map<number, number>();
  const matchedGroups = new Set<number>();
  const said = read[last];
  const alike = new Map<number, number>();
  for (let j = 0; said && j < last; j += 1) {
    const earlier = read[j];
    if (!earlier?.answered) continue;
    const comparison = compareAsks(said, earlier, said.marked, weights);
    alike.set(j, comparison.similarity);
    if (!comparison.same) continue;
    similarities.set(j, comparison.similarity);
    matchedGroups.add(group[j] ?? j);
  }
  for (const [j, similarity] of alike) {
    const middle = read[j];
    if (!middle || matchedGroups.has(group[j] ?? j) || similarity < weights.between) continue;
    const joins = [...similarities.keys()].some((k) => {
      const repeated = read[k];
      return (
        repeated !== undefined && compareAsks(middle, repeated, false, weights).similarity >= weights.between
      );
    });
    if (joins) {
      similarities.set(j, similarity);
      matchedGroups.add(group[j] ?? j);
    }
  }
  const evidence: { earlier: string; similarity: number }[] = [];
  for (let j = 0; j < last; j += 1) {
    const earlier = read[j];
    if (!earlier?.answered || !matchedGroups.has(group[j] ?? j)) continue;
    evidence.push({ earlier: earlier.text, similarity: similarities.get(j) ?? 0 });
  }
  if (evidence.length === 0 && said?.marked && /answer|asked|told|said|repeat/i.test(said.text)) {
    // "You didn't answer my question": a re-ask without restating it.
    evidence.push({ earlier: '(the previous question)', similarity: 0 });
  }
  return { count: evidence.length, evidence };
};
