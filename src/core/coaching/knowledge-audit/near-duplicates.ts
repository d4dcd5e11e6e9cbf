/** Near-duplicate articles (SPEC §8): two articles that say mostly the same thing should be one. */

import { cosine, termVectors } from '../term-vectors.ts';
import { type ArticleRef, type AuditArticle, refOf } from './audit-article.ts';

export interface NearDuplicate {
  readonly kind: 'near_duplicate';
  readonly articles: readonly [ArticleRef, ArticleRef];
  /** Cosine similarity of the two articles' TF-IDF vectors, 0 … 1. */
  readonly similarity: number;
}

/** Pairs at or above this similarity are reported; distinct articles on one topic stay well below it. */
export const defaultDuplicateSimilarity = 0.8;

export const findNearDuplicates = (
  articles: readonly AuditArticle[],
  minSimilarity = defaultDuplicateSimilarity,
): NearDuplicate[] => {
  const vectors = termVectors(articles.map((article) => `${article.title}\n${article.body}`));
  const found: NearDuplicate[] = [];
  for (let i = 0; i < articles.length; i += 1) {
    for (let j = i + 1; j < articles.length; j += 1) {
      const left = articles[i];
      const right = articles[j];
      const similarity = cosine(vectors[i] ?? new Map(), vectors[j] ?? new Map());
      if (left && right && similarity >= minSimilarity) {
        found.push({
          kind: 'near_duplicate',
          articles: [refOf(left), refOf(right)],
          similarity: Math.round(similarity * 1000) / 1000,
        });
      }
    }
  }
  return found.sort((a, b) => b.similarity - a.similarity);
};
