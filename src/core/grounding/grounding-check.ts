/**
 * The grounding check (SPEC §3 step 4, issue 11): an answer is sent only when it cites its
 * sources and every number, price, identifier, date and policy statement in it appears in them.
 * Whatever wrote the answer (the embedded answerer or a model), this check decides whether it
 * may be sent; a failed check turns the answer into `no_answer` with the draft kept for the agent.
 */
import {
  contentTerms,
  datesIn,
  identifiersIn,
  isNegative,
  isPolicyStatement,
  numbersIn,
  sentencesOf,
  weekdaysIn,
} from './claims.ts';

/** A policy sentence is supported when this share of its words is in one place of the sources. */
const policySupportShare = 0.6;
/** Runs of this many words shared with the answerer's instructions mean the instructions leaked. */
const leakRunWords = 8;

interface SourceWindow {
  readonly terms: ReadonlySet<string>;
  readonly negative: boolean;
  /** Its scope words ("all", "always", "any"): a policy is not widened beyond what its source says. */
  readonly scope: ReadonlySet<string>;
}

const scopeWords =
  /\b(?:all|every|everything|always|any|anything|forever|unlimited|automatically|guaranteed|whenever|everyone|whatever)\b/gi;
const scopeOf = (text: string): Set<string> =>
  new Set([...text.matchAll(scopeWords)].map((m) => m[0].toLowerCase()));

/** The sources, prepared once: their numbers, identifiers, dates and sentence windows. */
export interface GroundingIndex {
  readonly numbers: ReadonlySet<string>;
  readonly identifiers: ReadonlySet<string>;
  /** `month-day` and `month-` keys of every date in the sources. */
  readonly dates: ReadonlySet<string>;
  readonly weekdays: ReadonlySet<string>;
  readonly windows: readonly SourceWindow[];
  readonly terms: ReadonlySet<string>;
  readonly leakRuns: ReadonlySet<string>;
}

const wordsOf = (text: string): string[] =>
  text
    .toLowerCase()
    .split(/[^a-z0-9£$€]+/)
    .filter((word) => word.length > 0);

const runsOf = (text: string): string[] => {
  const words = wordsOf(text);
  const runs: string[] = [];
  for (let i = 0; i + leakRunWords <= words.length; i += 1)
    runs.push(words.slice(i, i + leakRunWords).join(' '));
  return runs;
};

/** Prepares source texts (cited articles, lookup facts) for checking; `mustNotRepeat` holds instructions that must never be echoed. */
export const groundingIndex = (
  sources: readonly string[],
  mustNotRepeat: readonly string[] = [],
): GroundingIndex => {
  const all = sources.join('\n');
  const dates = new Set<string>();
  for (const date of datesIn(all)) {
    dates.add(`${date.month}-`);
    if (date.day !== null) dates.add(`${date.month}-${date.day}`);
  }
  const windows: SourceWindow[] = [];
  for (const source of sources) {
    const sentences = sentencesOf(source);
    sentences.forEach((sentence, i) => {
      const pair = [sentence, sentences[i + 1] ?? ''].join(' ');
      windows.push({
        terms: new Set(contentTerms(sentence)),
        negative: isNegative(sentence),
        scope: scopeOf(sentence),
      });
      windows.push({ terms: new Set(contentTerms(pair)), negative: isNegative(pair), scope: scopeOf(pair) });
    });
  }
  return {
    numbers: new Set(numbersIn(all)),
    identifiers: new Set(identifiersIn(all)),
    dates,
    weekdays: new Set(weekdaysIn(all)),
    windows,
    terms: new Set(contentTerms(all)),
    leakRuns: new Set(mustNotRepeat.flatMap(runsOf)),
  };
};

const policySupported = (sentence: string, index: GroundingIndex): boolean => {
  const terms = contentTerms(sentence);
  if (terms.length < 2) return true;
  const negative = isNegative(sentence);
  const scope = [...scopeOf(sentence)];
  let same = 0;
  let opposite = 0;
  for (const window of index.windows) {
    const share = terms.filter((term) => window.terms.has(term)).length / terms.length;
    if (window.negative !== negative) opposite = Math.max(opposite, share);
    else if (scope.every((word) => window.scope.has(word))) same = Math.max(same, share);
  }
  // "Sale items can be returned" is not backed by a source that says they cannot, even though
  // a nearby sentence ("you can return most items") shares most of its words.
  return same >= policySupportShare && same >= opposite;
};

/** What in a piece of answer text its sources do not back, in plain words (empty when all is backed). */
export const unsupportedClaims = (text: string, index: GroundingIndex): readonly string[] => {
  const problems: string[] = [];
  const numbers = new Set(numbersIn(text));
  for (const number of numbers)
    if (!index.numbers.has(number)) problems.push(`the number ${number} is not in the sources`);
  for (const id of new Set(identifiersIn(text)))
    if (!index.identifiers.has(id)) problems.push(`the reference ${id} is not in the sources`);
  for (const date of datesIn(text)) {
    const key = `${date.month}-${date.day ?? ''}`;
    if (!index.dates.has(key)) problems.push(`the date "${date.text}" is not in the sources`);
  }
  for (const day of new Set(weekdaysIn(text)))
    if (!index.weekdays.has(day)) problems.push(`"${day}" is not in the sources`);
  for (const sentence of sentencesOf(text)) {
    if (isPolicyStatement(sentence) && !policySupported(sentence, index))
      problems.push(`"${sentence}" is not what the sources say`);
  }
  if (index.leakRuns.size > 0 && runsOf(text).some((run) => index.leakRuns.has(run)))
    problems.push('it repeats the answerer’s own instructions');
  return problems;
};

export interface GroundingReport {
  readonly grounded: boolean;
  /** Share of the answer's content words found in its sources, in [0, 1]: how closely it keeps to them. */
  readonly support: number;
  /** Why it is not grounded; empty when it is. */
  readonly problems: readonly string[];
}

/** Checks a whole answer: it must cite at least one source, and its sources must back every claim. */
export const checkGrounding = (input: {
  readonly text: string;
  /** How many sources the answer cites (articles and account lookups). */
  readonly cited: number;
  readonly index: GroundingIndex;
}): GroundingReport => {
  const problems = [...unsupportedClaims(input.text, input.index)];
  if (input.cited === 0) problems.unshift('it cites no article or account lookup');
  if (input.text.trim() === '') problems.unshift('it is empty');
  const terms = contentTerms(input.text);
  const support =
    terms.length === 0 ? 0 : terms.filter((term) => input.index.terms.has(term)).length / terms.length;
  return { grounded: problems.length === 0, support: Math.round(support * 1000) / 1000, problems };
};

/** Whether a text repeats a run of words from protected text (the answerer's own instructions). */
export const repeatsAny = (text: string, protectedTexts: readonly string[]): boolean => {
  const runs = new Set(protectedTexts.flatMap(runsOf));
  return runs.size > 0 && runsOf(text).some((run) => runs.has(run));
};
