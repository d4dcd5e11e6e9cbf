import { describe, expect, it } from 'vitest';
import { countTerms, countTermsInto, createTermBuffer } from './feature-hashing.ts';

describe('countTerms', () => {
  it('hashes words, concepts and bigrams to the same slots as every earlier version (cached models stay valid)', () => {
    const terms = countTerms('refund my order please');
    expect(terms.words).toEqual(['refund', 'my', 'order', 'please']);
    expect([...terms.indices].filter((index) => index % 2 === 0)).toEqual([
      1058, 4246, 27890, 32650, 66654, 69040, 101730, 130706,
    ]);
    expect([...terms.indices].filter((index) => index % 2 === 1)).toHaveLength(34);
  });

  it('counts into a reused buffer exactly as into fresh arrays, growing it for a long text', () => {
    const buffer = createTermBuffer();
    const long = 'my order number is missing and the parcel was damaged twice '.repeat(40);
    for (const text of ['refund my order please', long, "can't log in!! pls help", '', 'ok']) {
      countTermsInto(text, buffer);
      const fresh = countTerms(text);
      expect(buffer.words).toEqual(fresh.words);
      expect([...buffer.indices.subarray(0, buffer.length)]).toEqual([...fresh.indices]);
      expect([...buffer.counts.subarray(0, buffer.length)]).toEqual([...fresh.counts]);
    }
  });

  it('lists each feature once, in ascending order, with how often it occurs', () => {
    const terms = countTerms('the the the cat sat on the mat, the cat');
    const indices = [...terms.indices];
    expect(indices).toEqual([...new Set(indices)].sort((a, b) => a - b));
    expect(Math.max(...terms.counts)).toBeGreaterThan(1);
  });
});
