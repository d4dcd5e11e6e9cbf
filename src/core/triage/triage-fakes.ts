/** Small hand-made collaborators for triage tests: a category model and an answerer with fixed behaviour. */
import type { Answerer, DraftAnswer } from '../ports/answerer.ts';
import type { CategoryModel, CategoryPrediction } from './category/index.ts';

/** A category model that always predicts `category` with `confidence` (the rest share what is left). */
export const fixedCategoryModel = (
  category: string,
  confidence: number,
  others: readonly { category: string; score: number }[] = [],
): CategoryModel => ({
  classify: (): CategoryPrediction => ({
    category,
    confidence,
    scores: [{ category, score: confidence }, ...others],
    mode: 'cold_start',
  }),
});

/** An answerer that drafts a grounded answer with the given confidence. */
export const answeringWith = (confidence: number, text = 'Orders ship within 2 working days.'): Answerer => ({
  draft: async (): Promise<DraftAnswer> => ({
    kind: 'answer',
    text,
    confidence,
    citations: [{ articleId: 'a1', slug: 'shipping-times', title: 'Shipping times' }],
    sources: [{ kind: 'article', articleId: 'a1', text }],
    tried: [{ articleId: 'a1', slug: 'shipping-times', title: 'Shipping times', score: confidence }],
  }),
});

/** An answerer whose knowledge base has nothing on the question. */
export const answeringNothing = (): Answerer => ({
  draft: async (): Promise<DraftAnswer> => ({
    kind: 'no_answer',
    reason: 'No article covers the question well enough',
    confidence: 0.1,
    tried: [{ articleId: 'a9', slug: 'contact-us', title: 'Contact us', score: 0.1 }],
  }),
});

/** An answerer whose provider is down. */
export const failingAnswerer = (message = 'provider timed out after 10 s'): Answerer => ({
  draft: async (): Promise<DraftAnswer> => {
    throw new Error(message);
  },
});
