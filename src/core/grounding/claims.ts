/**
 * The checkable claims of a text (SPEC §3: no grounding, no answer): numbers and prices,
 * identifiers (order and tracking numbers), dates, and policy statements. The grounding check
 * looks each one up in the answer's sources.
 */
import { numberWords } from '../knowledge/number-words.ts';
import { textTerms } from '../knowledge/text-terms.ts';

/** A number word counts only as a quantity ("fourteen days"), not in "one of our agents". */
const quantityUnit =
  /^(?:\s+(?:full|whole|calendar|business|working|more|extra))?\s+(?:days?|weeks?|months?|years?|hours?|minutes?|percent|pounds?|dollars?|euros?|items?|times?)\b/i;

const months = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
] as const;
const monthPattern =
  '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';
const weekdays = /\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b/gi;

const monthNumber = (name: string): number =>
  months.findIndex((month) => month.startsWith(name.toLowerCase().slice(0, 3))) + 1;

/** A number as one canonical string, so "9.90", "£9.9" and "9.90 GBP" compare equal. */
const canonical = (digits: string): string => String(Number(digits.replace(/,/g, '')));

/** Every number in a text (digits and quantity words), canonical. */
export const numbersIn = (text: string): readonly string[] => {
  const found: string[] = [];
  for (const match of text.matchAll(/\d[\d,]*(?:\.\d+)?/g)) {
    const raw = match[0].replace(/[,.]$/, '');
    if (raw) found.push(canonical(raw));
  }
  for (const match of text.matchAll(/\b([a-z]+)\b/gi)) {
    const value = numberWords[(match[1] ?? '').toLowerCase()];
    const after = text.slice((match.index ?? 0) + match[0].length);
    if (value !== undefined && quantityUnit.test(after)) found.push(String(value));
  }
  return found;
};

/** Identifiers mixing letters and digits, or long digit runs: order, tracking and reference numbers. */
export const identifiersIn = (text: string): readonly string[] =>
  [...text.matchAll(/\b(?=[A-Za-z-]*\d)(?=[\d-]*[A-Za-z])[A-Za-z0-9-]{5,}\b|\b\d{5,}\b/g)].map((match) =>
    match[0].toLowerCase(),
  );

export interface DateClaim {
  readonly text: string;
  readonly month: number;
  readonly day: number | null;
}

/** Dates written with a month name ("3 March", "March 3rd", "in April") and ISO dates. */
export const datesIn = (text: string): readonly DateClaim[] => {
  const dates: DateClaim[] = [];
  const dayFirst = new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?(?:\\s+of)?\\s+${monthPattern}\\b`, 'gi');
  const monthFirst = new RegExp(`\\b${monthPattern}\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b`, 'gi');
  const bare = new RegExp(`\\b${monthPattern}\\b`, 'gi');
  const covered: [number, number][] = [];
  for (const match of text.matchAll(dayFirst)) {
    dates.push({ text: match[0], month: monthNumber(match[2] ?? ''), day: Number(match[1]) });
    covered.push([match.index ?? 0, (match.index ?? 0) + match[0].length]);
  }
  for (const match of text.matchAll(monthFirst)) {
    const at = match.index ?? 0;
    if (covered.some(([from, to]) => at >= from && at < to)) continue;
    dates.push({ text: match[0], month: monthNumber(match[1] ?? ''), day: Number(match[2]) });
    covered.push([at, at + match[0].length]);
  }
  for (const match of text.matchAll(bare)) {
    const at = match.index ?? 0;
    // "may" is a verb far more often than a month: only with a day next to it.
    if ((match[1] ?? '').toLowerCase() === 'may') continue;
    if (covered.some(([from, to]) => at >= from && at < to)) continue;
    dates.push({ text: match[0], month: monthNumber(match[1] ?? ''), day: null });
  }
  for (const match of text.matchAll(/\b(\d{4})-(\d{2})-(\d{2})\b/g)) {
    dates.push({ text: match[0], month: Number(match[2]), day: Number(match[3]) });
  }
  return dates;
};

/** Weekday names ("on Monday"): a promised day must come from the sources too. */
export const weekdaysIn = (text: string): readonly string[] =>
  [...text.matchAll(weekdays)].map((match) => match[0].toLowerCase());

/**
 * Words that make a sentence a statement of policy or a commitment: what is allowed, what it
 * costs, how long it takes, what Baton's company will do. Such a sentence must be in the sources.
 */
const policyCue =
  /\b(?:refund\w*|return\w*|exchang\w*|cancel\w*|fees?|charg\w*|free|eligib\w*|within|guarantee\w*|warrant\w*|polic\w*|entitle\w*|compensat\w*|credit\w*|discount\w*|waive\w*|approv\w*|allow\w*|permit\w*|must|cannot|can't|won't|never|always|only|requir\w*|deadline|expir\w*|penalt\w*|reimburs\w*|processed|issued)\b/i;

export const isPolicyStatement = (sentence: string): boolean => policyCue.test(sentence);

const negation =
  /\b(?:not|no|never|cannot|can't|won't|don't|doesn't|isn't|aren't|didn't|without|nor|unable)\b/i;

/** Whether a sentence is negative ("cannot", "no refund"); a source that says the opposite does not support it. */
export const isNegative = (sentence: string): boolean => negation.test(sentence.replace(/[’`]/g, "'"));

/** Sentences (and list items) of a text. */
export const sentencesOf = (text: string): readonly string[] =>
  text
    .split(/\n+|(?<=[.!?])\s+(?=["“(]?[A-Z0-9£$€])/)
    .map((sentence) => sentence.replace(/^\s*(?:[-*•]|\d+[.)])\s+/, '').trim())
    .filter((sentence) => sentence.length > 0);

/** The stemmed content words of a text, for support by overlap. */
export const contentTerms = (text: string): readonly string[] => [...new Set(textTerms(text))];
