/** `legal_threat` (SPEC §4): lawyers, suing, courts, regulators, ombudsman, chargeback threats. */
import { isNegated } from './negation.ts';
import { createFuzzyVocabulary, pairsByFirstWord, quote, type Token, tokenize } from './text.ts';

export interface LegalFinding {
  readonly fired: boolean;
  readonly evidence: string | null;
}

/** Words that are a threat on their own unless negated ("I will sue", "lawsuit", "ombudsman"). */
const threatWords = new Set([
  'sue',
  'suing',
  'sued',
  'lawsuit',
  'lawsuits',
  'litigation',
  'ombudsman',
  'regulator',
  'regulators',
  'chargeback',
  'chargebacks',
  'cfpb',
  'ftc',
  'fca',
  'bbb',
]);
/** People and bodies that are a threat when the customer involves them ("my lawyer will hear"). */
const counselWords = new Set([
  'lawyer',
  'lawyers',
  'attorney',
  'attorneys',
  'solicitor',
  'solicitors',
  'counsel',
]);
/** After a counsel word, these make it a person in the customer's life, not a threat. */
const relations = new Set([
  'friend',
  'friends',
  'buddy',
  'colleague',
  'cousin',
  'brother',
  'sister',
  'mother',
  'father',
  'dad',
  'mom',
  'mum',
  'uncle',
  'aunt',
  'neighbour',
  'neighbor',
  'wife',
  'husband',
  'son',
  'daughter',
  'fees',
  'fee',
  'jokes',
  'joke',
  'show',
]);
const pairs: ReadonlyMap<string, string> = new Map([
  ['legal action', 'threat'],
  ['legal proceedings', 'threat'],
  ['legal steps', 'threat'],
  ['small claims', 'threat'],
  ['class action', 'threat'],
  ['trading standards', 'threat'],
  ['consumer protection', 'threat'],
  ['attorney general', 'threat'],
  ['to court', 'threat'],
  ['in court', 'threat'],
  ['report you', 'threat'],
  ['dispute charge', 'threat'],
  ['dispute charges', 'threat'],
  ['dispute payment', 'threat'],
]);
/**
 * Words that may stand between a pair's two words: "dispute *the* charge", "to *the* court". Only
 * pointing ones — "dispute *a* charge" is someone asking how, not a threat about this one.
 */
const pairGap = new Set(['the', 'this', 'that', 'these', 'those', 'your', 'their']);
const pairsByFirst = pairsByFirstWord(pairs);

const spelling = createFuzzyVocabulary(
  [
    'lawyer',
    'lawyers',
    'attorney',
    'attorneys',
    'solicitor',
    'solicitors',
    'lawsuit',
    'ombudsman',
    'chargeback',
    'litigation',
  ],
  ['layer', 'layers', 'lawyered', 'solicited', 'soliciting'],
);

/** Only these may stand between "not" and the threat it cancels ("not *going to* sue"). */
const threatPassThrough = new Set([
  'going',
  'to',
  'gonna',
  'will',
  'want',
  'wanna',
  'planning',
  'plan',
  'intend',
  'trying',
  'threatening',
  'be',
  'i',
  'we',
  'anyone',
  'anybody',
  'you',
  'ever',
  'need',
  'any',
  'a',
]);
const negation = { window: 5, inabilityNegates: true, passThrough: threatPassThrough };

const professionPrefix = (tokens: readonly Token[], index: number): boolean => {
  const a = tokens[index - 1]?.word;
  const b = tokens[index - 2]?.word;
  // "as a lawyer", "I'm a lawyer", "I am an attorney": the customer's own job.
  return (a === 'a' || a === 'an') && (b === 'as' || b === 'im' || b === 'am' || b === 'being');
};

/**
 * What a word (as spelt correctly) is to the detector, kept in its reading: the keyword it spells,
 * whether it is a threat or counsel word, and the pairs it starts. Most words are none of these.
 */
export interface LegalReading {
  readonly word: string;
  readonly threat: boolean;
  readonly counsel: boolean;
  readonly pairs: ReadonlyMap<string, string> | undefined;
}

const legalReadingOf = (token: Token): LegalReading => {
  let reading = token.reading.legal;
  if (reading === undefined) {
    const word = spelling(token.word) ?? token.word;
    reading = {
      word,
      threat: threatWords.has(word),
      counsel: counselWords.has(word),
      pairs: pairsByFirst.get(word),
    };
    token.reading.legal = reading;
  }
  return reading;
};

/** Where the pair starting at `at` ends, with at most one pointing word between; -1 when none does. */
const pairEndAt = (tokens: readonly Token[], at: number, seconds: ReadonlyMap<string, string>): number => {
  const clause = tokens[at]?.clause;
  for (let end = at + 1; end <= at + 2; end += 1) {
    const token = tokens[end];
    if (token === undefined || token.clause !== clause) return -1;
    if (seconds.has(token.word)) return end;
    if (!pairGap.has(token.word)) return -1;
  }
  return -1;
};

/** Detects a legal or regulatory threat, ignoring negated ones and third-party mentions. */
export const detectLegalThreat = (text: string, tokens: readonly Token[] = tokenize(text)): LegalFinding => {
  for (let i = 0; i < tokens.length; i += 1) {
    const token = tokens[i];
    if (!token) continue;
    const legal = legalReadingOf(token);
    const next = tokens[i + 1];
    const pairEnd = legal.pairs === undefined ? -1 : pairEndAt(tokens, i, legal.pairs);
    if (pairEnd > i && !isNegated(tokens, i, negation)) {
      return { fired: true, evidence: quote(text, tokens, i, pairEnd) };
    }
    if (legal.threat && !isNegated(tokens, i, negation)) {
      return { fired: true, evidence: token.raw };
    }
    if (legal.counsel) {
      const after = next && next.clause === token.clause ? next.word : '';
      if (relations.has(after) || professionPrefix(tokens, i)) continue;
      if (isNegated(tokens, i, negation)) continue;
      return { fired: true, evidence: quote(text, tokens, Math.max(0, i - 1), i) };
    }
  }
  return { fired: false, evidence: null };
};
