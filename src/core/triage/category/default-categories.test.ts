import { describe, expect, it } from 'vitest';
import { defaultCategoryDefinitions } from './index.ts';

const contractNames = [
  'order_status',
  'shipping',
  'account_access',
  'billing',
  'refund',
  'payment_dispute',
  'account_closure',
  'fraud',
  'legal',
  'compliance_privacy',
  'product_question',
  'complaint',
  'other',
];

describe('the default taxonomy', () => {
  it('has exactly the category names of the contract', () => {
    expect(defaultCategoryDefinitions().map((category) => category.name)).toEqual(contractNames);
  });

  it('covers every category with at least 60 example phrasings and a description', () => {
    for (const category of defaultCategoryDefinitions()) {
      expect(category.examples.length, category.name).toBeGreaterThanOrEqual(60);
      expect(category.description.length, category.name).toBeGreaterThan(40);
    }
  });

  it('never files the same phrasing under two categories', () => {
    const seen = new Map<string, string>();
    for (const category of defaultCategoryDefinitions()) {
      for (const example of category.examples) {
        const key = example.trim().toLowerCase();
        expect(seen.get(key), `"${example}" in ${category.name}`).toBeUndefined();
        seen.set(key, category.name);
      }
    }
  });

  it('has no empty phrasings', () => {
    for (const category of defaultCategoryDefinitions()) {
      for (const example of category.examples) expect(example.trim().length).toBeGreaterThan(0);
    }
  });
});
