import { describe, expect, it } from 'vitest';
import { countTerms } from './feature-hashing.ts';

describe('countTerms', () => {
  it('hashes words, concepts and bigrams to the same slots as every earlier version (cached models stay valid)', () => {
    const terms = countTerms('refund my order please');
    expect(terms.words).toEqual(['refund', 'my', 'order', 'please']);
    expect([...terms.indices].filter((index) => index % 2 === 0)).toEqual([
      1058, 4246, 27890, 32650, 66654, 69040, 101730, 130706,
    ]);
    expect([...terms.indices].filter((index) => index % 2 === 1)).toHaveLength(34);
  });
});
