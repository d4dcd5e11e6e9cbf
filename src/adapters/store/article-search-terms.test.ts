import { describe, expect, it } from 'vitest';
import { articleSearchTerms, orSearchText } from './article-search-terms.ts';

describe('articleSearchTerms', () => {
  it('keeps only letter and digit runs, so tsquery operators never reach the database', () => {
    expect(articleSearchTerms("refund & !shipping | (order:*) <-> 'x'")).toEqual([
      'refund',
      'shipping',
      'order',
      'x',
    ]);
  });

  it('lower-cases and removes repeated words', () => {
    expect(articleSearchTerms('Refund REFUND refund please')).toEqual(['refund', 'please']);
  });

  it('keeps letters outside ASCII', () => {
    expect(articleSearchTerms('Rückerstattung für Bestellung 42')).toEqual([
      'rückerstattung',
      'für',
      'bestellung',
      '42',
    ]);
  });

  it('drops the word "or" because websearch_to_tsquery reads it as the OR operator', () => {
    expect(articleSearchTerms('refund or exchange')).toEqual(['refund', 'exchange']);
  });

  it('caps a long question at 32 words', () => {
    const question = Array.from({ length: 50 }, (_, index) => `word${index}`).join(' ');
    expect(articleSearchTerms(question)).toHaveLength(32);
  });

  it('returns nothing for a question without words', () => {
    expect(articleSearchTerms(' ?! -- ')).toEqual([]);
  });
});

describe('orSearchText', () => {
  it('joins the words with the OR keyword', () => {
    expect(orSearchText(['refund', 'late'])).toBe('refund or late');
  });
});
