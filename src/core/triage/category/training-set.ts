/**
 * What the category model learns from, as weighted texts: the policy's descriptions and example
 * phrasings, the knowledge articles filed under a category, Baton's own out-of-scope phrasings,
 * and — when the workspace has it — its labelled history.
 */

import { exampleVariants } from './example-variants.ts';
import type { CategoryModelInput } from './index.ts';
import { outOfScopeExamples } from './out-of-scope-examples.ts';

export interface WeightedText {
  readonly text: string;
  /** Index into the taxonomy; the taxonomy's length stands for "out of scope". */
  readonly label: number;
  readonly weight: number;
  readonly origin: 'definition' | 'article' | 'out_of_scope' | 'history';
}

const descriptionWeight = 0.5;
const variantWeight = 0.5;
const articleTitleWeight = 0.8;
const articlePassageWeight = 0.25;
/** Labelled history is the company's own truth: it outweighs the generic phrasings it overlaps. */
const historyWeight = 1.5;

function articlePassages(body: string): readonly string[] {
  return body
    .replace(/^#+\s.*$/gm, ' ')
    .split(/\n\s*\n/)
    .map((passage) => passage.replace(/[*_>`#|-]+/g, ' ').trim())
    .filter((passage) => passage.length >= 20)
    .map((passage) => passage.slice(0, 400));
}

/** Every text the model trains on, with its label index and weight. */
export function buildTrainingSet(input: CategoryModelInput): readonly WeightedText[] {
  const labelOf = new Map(input.categories.map((category, index) => [category.name, index]));
  const outOfScope = input.categories.length;
  const texts: WeightedText[] = [];
  input.categories.forEach((category, label) => {
    if (category.description.trim().length > 0) {
      texts.push({ text: category.description, label, weight: descriptionWeight, origin: 'definition' });
    }
    for (const example of category.examples)
      texts.push({ text: example, label, weight: 1, origin: 'definition' });
  });
  for (const article of input.articles) {
    const label = article.category === null ? undefined : labelOf.get(article.category);
    if (label === undefined) continue;
    const title = [article.title, ...article.tags].join(' ');
    texts.push({ text: title, label, weight: articleTitleWeight, origin: 'article' });
    for (const passage of articlePassages(article.body)) {
      texts.push({ text: passage, label, weight: articlePassageWeight, origin: 'article' });
    }
  }
  for (const example of outOfScopeExamples) {
    texts.push({ text: example, label: outOfScope, weight: 1, origin: 'out_of_scope' });
    for (const variant of exampleVariants(example)) {
      texts.push({ text: variant, label: outOfScope, weight: variantWeight, origin: 'out_of_scope' });
    }
  }
  for (const row of input.history ?? []) {
    const label = labelOf.get(row.category);
    if (label === undefined || row.text.trim().length === 0) continue;
    texts.push({ text: row.text, label, weight: historyWeight, origin: 'history' });
  }
  return texts;
}
