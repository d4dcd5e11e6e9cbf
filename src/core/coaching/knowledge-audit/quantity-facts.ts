/**
 * The checkable facts of an article: durations, amounts of money and percentages, each with the
 * words around it (what it is a number *of*). "30 days", "thirty days", "a 30-day window" and
 * "one month" all read as 30 days; "£5", "5 pounds" and "GBP 5" as 5 GBP.
 */

import { numberWords } from '../../knowledge/number-words.ts';
import { splitPassages } from '../../knowledge/passages.ts';
import { textTerms } from '../../knowledge/text-terms.ts';

export interface QuantityFact {
  /** What kind of number it is; only facts of one dimension are ever compared. */
  readonly dimension: string;
  /** The value (or range) normalised to the dimension's unit: days, hours, business days, currency, %. */
  readonly low: number;
  readonly high: number;
  /** The quantity as the article writes it. */
  readonly quoted: string;
  /** The sentence, list item or table row it appears in. */
  readonly sentence: string;
  /** Support terms of the words next to the quantity. */
  readonly subject: readonly string[];
}

const numberPattern = `(?:\\d+(?:[.,]\\d+)?|${Object.keys(numberWords)
  .sort((a, b) => b.length - a.length)
  .join('|')})`;

const daysPerUnit: Readonly<Record<string, number>> = { day: 1, week: 7, month: 30, year: 365 };

const durationPattern = new RegExp(
  `\\b(${numberPattern})(?:\\s*(?:–|-|to)\\s*(${numberPattern}))?[\\s-]*((?:business|working)[\\s-]+days?|hours?|days?|weeks?|months?|years?)\\b`,
  'gi',
);
const currencyWords: Readonly<Record<string, string>> = {
  '£': 'GBP',
  $: 'USD',
  '€': 'EUR',
  pound: 'GBP',
  pounds: 'GBP',
  dollar: 'USD',
  dollars: 'USD',
  euro: 'EUR',
  euros: 'EUR',
  gbp: 'GBP',
  usd: 'USD',
  eur: 'EUR',
};
const moneyPattern = new RegExp(
  `([£$€])\\s?(\\d+(?:[.,]\\d{1,2})?)|\\b(?:(gbp|usd|eur)\\s?(\\d+(?:[.,]\\d{1,2})?)|(${numberPattern})\\s?(pounds?|dollars?|euros?|gbp|usd|eur))\\b`,
  'gi',
);
const percentPattern = new RegExp(`\\b(${numberPattern})\\s?(?:%|per ?cent\\b)`, 'gi');

const numberOf = (text: string | undefined): number | null => {
  if (text === undefined) return null;
  const word = numberWords[text.toLowerCase()];
  if (word !== undefined) return word;
  const value = Number(text.replace(',', '.'));
  return Number.isFinite(value) ? value : null;
};

interface Mention {
  readonly dimension: string;
  readonly low: number;
  readonly high: number;
  readonly quoted: string;
  readonly start: number;
  readonly end: number;
}

const durations = (text: string): Mention[] =>
  [...text.matchAll(durationPattern)].flatMap((match) => {
    const unit = (match[3] ?? '').toLowerCase().replace(/s$/, '');
    const low = numberOf(match[1]);
    const high = numberOf(match[2]) ?? low;
    if (low === null || high === null) return [];
    const business = /^(?:business|working)/.test(unit);
    const dimension = business ? 'business days' : unit === 'hour' ? 'hours' : 'days';
    const factor = business || unit === 'hour' ? 1 : (daysPerUnit[unit] ?? 1);
    const start = match.index ?? 0;
    return [
      {
        dimension,
        low: low * factor,
        high: high * factor,
        quoted: match[0],
        start,
        end: start + match[0].length,
      },
    ];
  });

const amounts = (text: string): Mention[] =>
  [...text.matchAll(moneyPattern)].flatMap((match) => {
    const currency = currencyWords[(match[1] ?? match[3] ?? match[6] ?? '').toLowerCase()];
    const value = numberOf(match[2] ?? match[4] ?? match[5]);
    if (!currency || value === null) return [];
    const start = match.index ?? 0;
    return [
      {
        dimension: `money ${currency}`,
        low: value,
        high: value,
        quoted: match[0],
        start,
        end: start + match[0].length,
      },
    ];
  });

const percentages = (text: string): Mention[] =>
  [...text.matchAll(percentPattern)].flatMap((match) => {
    const value = numberOf(match[1]);
    if (value === null) return [];
    const start = match.index ?? 0;
    return [
      {
        dimension: 'percent',
        low: value,
        high: value,
        quoted: match[0],
        start,
        end: start + match[0].length,
      },
    ];
  });

/** Support terms this far either side of a quantity say what it is about. */
const subjectWindow = 4;

const subjectOf = (clause: string, mention: Mention, others: readonly Mention[]): string[] => {
  // Other quantities are blanked so "£3.95" does not become part of what "3–5 days" is about.
  let blanked = clause;
  for (const other of [...others].sort((a, b) => b.start - a.start)) {
    blanked = `${blanked.slice(0, other.start)}${' '.repeat(other.end - other.start)}${blanked.slice(other.end)}`;
  }
  // Counted in support terms, not raw words, so "for a" and "of the" do not use up the window.
  const before = textTerms(blanked.slice(0, mention.start)).slice(-subjectWindow);
  const after = textTerms(blanked.slice(mention.end)).slice(0, subjectWindow);
  return [...new Set([...before, ...after])];
};

/** Every duration, amount and percentage of an article, with what each is about. */
export const quantityFacts = (title: string, body: string): QuantityFact[] => {
  const facts: QuantityFact[] = [];
  for (const passage of splitPassages(title, body)) {
    for (const unit of passage.units) {
      // Clauses split at semicolons, commas and joining words: one sentence often states several
      // facts ("3–5 days; £3.95, free over £40", "costs £2.95 and is free over £40"), each about its own words.
      for (const clause of unit.text.split(/[;,]\s+|\s+(?:and|but|or|so|while)\s+/)) {
        const mentions = [...durations(clause), ...amounts(clause), ...percentages(clause)];
        for (const mention of mentions) {
          facts.push({
            dimension: mention.dimension,
            low: mention.low,
            high: mention.high,
            quoted: mention.quoted,
            sentence: unit.text,
            subject: subjectOf(
              clause,
              mention,
              mentions.filter((other) => other !== mention),
            ),
          });
        }
      }
    }
  }
  return facts;
};
