/**
 * Groups similar questions: each question is its set of support terms (synonyms folded, stop-words
 * dropped), compared by cosine — the share of terms in common. Rarity weights (IDF) are left out on
 * purpose: in a gap the topic word is frequent by definition, and on questions of three or four
 * terms IDF lets one rare word ("sister") outweigh the shared topic ("gift card"). Then
 * average-linkage agglomerative clustering (ml-hclust) on cosine distance, cut where groups stop
 * being alike. Identical term sets
 * are clustered once, and only the `maxDistinct` most frequent ones go through the O(n³)
 * agglomeration; the rest join the nearest group when close enough.
 */
import { agnes } from 'ml-hclust';
import { textTerms } from '../../knowledge/text-terms.ts';
import { cosine, type TermVector } from '../term-vectors.ts';

export interface QuestionCluster<T> {
  readonly members: readonly T[];
  /** The mean of the members' vectors (not unit length). */
  readonly centroid: TermVector;
  /** The members again, those closest to the centroid first. */
  readonly central: readonly T[];
}

export interface ClusterSettings {
  /** Questions less alike than this (average cosine) are not one gap. */
  readonly minSimilarity: number;
  readonly maxDistinct: number;
}

interface Distinct<T> {
  readonly key: string;
  readonly terms: readonly string[];
  readonly members: T[];
}

const binaryVector = (terms: readonly string[]): TermVector =>
  new Map(terms.map((term) => [term, 1 / Math.sqrt(terms.length)]));

const centroidOf = (vectors: readonly TermVector[], counts: readonly number[]): TermVector => {
  const centroid = new Map<string, number>();
  const total = counts.reduce((sum, count) => sum + count, 0);
  vectors.forEach((vector, index) => {
    for (const [term, weight] of vector)
      centroid.set(term, (centroid.get(term) ?? 0) + (weight * (counts[index] ?? 1)) / total);
  });
  return centroid;
};

/** Leaf groups of an agglomeration of `vectors`, cut at distance 1 − minSimilarity. */
const agglomerate = (vectors: readonly TermVector[], minSimilarity: number): number[][] => {
  if (vectors.length <= 1) return vectors.map((_, index) => [index]);
  const distances = vectors.map((a) => vectors.map((b) => Math.max(0, 1 - cosine(a, b))));
  const tree = agnes(distances, { method: 'average', isDistanceMatrix: true });
  return tree.cut(1 - minSimilarity).map((cluster) => cluster.indices());
};

/** Clusters items by the text `textOf` gives; items without any support term are left out. */
export const clusterQuestions = <T>(
  items: readonly T[],
  textOf: (item: T) => string,
  settings: ClusterSettings,
): QuestionCluster<T>[] => {
  const byKey = new Map<string, Distinct<T>>();
  for (const item of items) {
    const terms = [...new Set(textTerms(textOf(item)))].sort();
    if (terms.length === 0) continue;
    const key = terms.join(' ');
    const entry = byKey.get(key) ?? { key, terms, members: [] };
    entry.members.push(item);
    byKey.set(key, entry);
  }
  const distinct = [...byKey.values()].sort(
    (a, b) => b.members.length - a.members.length || (a.key < b.key ? -1 : 1),
  );
  const vectors = distinct.map((entry) => binaryVector(entry.terms));
  const clustered = distinct.slice(0, settings.maxDistinct);
  const groups = agglomerate(vectors.slice(0, clustered.length), settings.minSimilarity).map((indices) => [
    ...indices,
  ]);
  const centroids = groups.map((indices) =>
    centroidOf(
      indices.map((index) => vectors[index] ?? new Map()),
      indices.map((index) => distinct[index]?.members.length ?? 1),
    ),
  );
  // Beyond the cap: join the nearest group when alike enough, else stay out of every gap.
  for (let index = clustered.length; index < distinct.length; index += 1) {
    const vector = vectors[index] ?? new Map();
    let best = -1;
    let bestSimilarity = settings.minSimilarity;
    centroids.forEach((centroid, group) => {
      const similarity = cosine(vector, centroid);
      if (similarity >= bestSimilarity) {
        best = group;
        bestSimilarity = similarity;
      }
    });
    if (best >= 0) groups[best]?.push(index);
  }
  return groups.map((indices, group) => {
    const centroid = centroids[group] ?? new Map();
    const ranked = [...indices].sort(
      (a, b) =>
        cosine(vectors[b] ?? new Map(), centroid) - cosine(vectors[a] ?? new Map(), centroid) || a - b,
    );
    return {
      members: indices.flatMap((index) => distinct[index]?.members ?? []),
      centroid,
      central: ranked.flatMap((index) => distinct[index]?.members ?? []),
    };
  });
};
