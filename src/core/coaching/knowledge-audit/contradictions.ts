/**
 * Articles that contradict each other (SPEC §8): two articles giving different numbers for the
 * same fact — two refund windows, two prices for one plan. "The same fact" means the same kind
 * of number (days with days, pounds with pounds) said about the same thing: the words around the
 * two numbers share at least two terms and a large part of their weight, where a term found in
 * many articles ("order", "delivery") weighs less than a rare one ("warranty", "refund").
 */

import { textTerms } from '../../knowledge/text-terms.ts';
import { type ArticleRef, type AuditArticle, refOf } from './audit-article.ts';
import { type QuantityFact, quantityFacts } from './quantity-facts.ts';

export interface ConflictingFacts {
  readonly left: { readonly quoted: string; readonly sentence: string };
  readonly right: { readonly quoted: string; readonly sentence: string };
  readonly dimension: string;
}

export interface Contradiction {
  readonly kind: 'contradiction';
  readonly articles: readonly [ArticleRef, ArticleRef];
  readonly facts: readonly ConflictingFacts[];
}

export interface ContradictionSettings {
  /** Share of the lighter subject's weight the two subjects must share. */
  readonly minSubjectOverlap: number;
  readonly minSharedTerms: number;
}

export const defaultContradictionSettings: ContradictionSettings = {
  minSubjectOverlap: 0.6,
  minSharedTerms: 2,
};

const sameValue = (a: QuantityFact, b: QuantityFact): boolean => {
  // Months are 30 days here; "one month" and "31 days" are still the same promise to a customer.
  const tolerance = a.dimension === 'days' ? Math.max(a.high, b.high) * 0.04 : 1e-9;
  return Math.abs(a.low - b.low) <= tolerance && Math.abs(a.high - b.high) <= tolerance;
};

/** Inverse document frequency over the articles' whole text. */
const inverseFrequency = (articles: readonly AuditArticle[]): Map<string, number> => {
  const counts = new Map<string, number>();
  for (const article of articles) {
    for (const term of new Set(textTerms(`${article.title} ${article.body}`)))
      counts.set(term, (counts.get(term) ?? 0) + 1);
  }
  return new Map([...counts].map(([term, count]) => [term, Math.log(1 + articles.length / count)]));
};

const sameSubject = (
  a: QuantityFact,
  b: QuantityFact,
  weights: ReadonlyMap<string, number>,
  settings: ContradictionSettings,
): boolean => {
  const shared = a.subject.filter((term) => b.subject.includes(term));
  if (shared.length < settings.minSharedTerms) return false;
  const weight = (terms: readonly string[]) =>
    terms.reduce((total, term) => total + (weights.get(term) ?? 0), 0);
  const combined = weight([...new Set([...a.subject, ...b.subject])]);
  return combined > 0 && weight(shared) / combined >= settings.minSubjectOverlap;
};

/** Every pair of articles with at least one fact stated differently, with the conflicting sentences. */
export const findContradictions = (
  articles: readonly AuditArticle[],
  settings: ContradictionSettings = defaultContradictionSettings,
): Contradiction[] => {
  const factsOf = articles.map((article) => quantityFacts(article.title, article.body));
  const weights = inverseFrequency(articles);
  const found: Contradiction[] = [];
  for (let i = 0; i < articles.length; i += 1) {
    for (let j = i + 1; j < articles.length; j += 1) {
      const left = articles[i];
      const right = articles[j];
      if (!left || !right) continue;
      const conflicts: ConflictingFacts[] = [];
      for (const a of factsOf[i] ?? []) {
        for (const b of factsOf[j] ?? []) {
          if (a.dimension !== b.dimension || sameValue(a, b) || !sameSubject(a, b, weights, settings))
            continue;
          conflicts.push({
            dimension: a.dimension,
            left: { quoted: a.quoted, sentence: a.sentence },
            right: { quoted: b.quoted, sentence: b.sentence },
          });
        }
      }
      if (conflicts.length > 0)
        found.push({ kind: 'contradiction', articles: [refOf(left), refOf(right)], facts: conflicts });
    }
  }
  return found;
};
