import { describe, expect, it } from 'vitest';
import { defaultCategoryDefinitions, trainCategoryModel } from './index.ts';

describe('fine-intent head', () => {
  const model = trainCategoryModel({ categories: defaultCategoryDefinitions(), articles: [] });
  const topIntent = (text: string) => model.classify(text).intents?.[0]?.intent;

  it('tells two questions of one category apart', () => {
    expect(topIntent('how do i get a return label for the kettle')).toBe('refund.return');
    expect(topIntent('when will my refund arrive')).toBe('refund.timing');
  });

  it('names the category each intent belongs to, best first', () => {
    const intents = model.classify('i want to cancel my acme plus membership').intents ?? [];
    expect(intents.length).toBeGreaterThan(1);
    expect(intents[0]?.score).toBeGreaterThanOrEqual(intents[1]?.score ?? 0);
    const names = new Set(defaultCategoryDefinitions().map((category) => category.name));
    for (const intent of intents) expect(names.has(intent.category)).toBe(true);
  });
});
