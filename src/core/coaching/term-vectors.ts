/**
 * TF-IDF vectors over support terms (the same terms retrieval uses), and their cosine similarity:
 * the text-similarity measure shared by the knowledge audit and gap clustering.
 */
import { textTerms } from '../knowledge/text-terms.ts';

/** A sparse, unit-length vector: term → weight. */
export type TermVector = ReadonlyMap<string, number>;

/** Vectors for a set of texts, weighted by (1 + log tf) × log(1 + N / df) and normalised. */
export const termVectors = (texts: readonly string[]): TermVector[] =>
  vectorsOfTerms(texts.map((text) => textTerms(text)));

/** The same vectors from texts already turned into terms. */
export const vectorsOfTerms = (termLists: readonly (readonly string[])[]): TermVector[] => {
  const documentFrequency = new Map<string, number>();
  for (const terms of termLists) {
    for (const term of new Set(terms)) documentFrequency.set(term, (documentFrequency.get(term) ?? 0) + 1);
  }
  return termLists.map((terms) => {
    const counts = new Map<string, number>();
    for (const term of terms) counts.set(term, (counts.get(term) ?? 0) + 1);
    const vector = new Map<string, number>();
    let norm = 0;
    for (const [term, count] of counts) {
      const weight =
        (1 + Math.log(count)) * Math.log(1 + termLists.length / (documentFrequency.get(term) ?? 1));
      vector.set(term, weight);
      norm += weight * weight;
    }
    const length = Math.sqrt(norm);
    if (length > 0) for (const [term, weight] of vector) vector.set(term, weight / length);
    return vector;
  });
};

/** Cosine similarity of two unit vectors (0 when either is empty). */
export const cosine = (a: TermVector, b: TermVector): number => {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let total = 0;
  for (const [term, weight] of small) total += weight * (large.get(term) ?? 0);
  return total;
};
