import { describe, expect, it } from 'vitest';
import { contentWordCount } from './policy-findings.ts';

/** The count as the Unicode classes give it, which the ASCII scan must equal. */
const bySplitting = (text: string): number =>
  text.split(/[^\p{L}\p{N}']+/u).filter((word) => word.length > 1).length;

describe('contentWordCount', () => {
  it('counts words of two or more letters, digits or apostrophes, as splitting on the Unicode classes does', () => {
    const texts = [
      '',
      'a',
      'hi',
      "I can't log in!!",
      'order #12345 -- where is it?',
      '  spaces\tand\nnewlines  ',
      "it's 'quoted' and_underscored",
      'x y z',
      'Café crème, s’il vous plaît',
      'Straße 12 ünd 𝒳𝒴 words',
      '価格は？ 2 items',
    ];
    for (const text of texts) expect(contentWordCount(text), text).toBe(bySplitting(text));
    for (let code = 0; code < 128; code++) {
      const text = `ab${String.fromCharCode(code)}cd`;
      expect(contentWordCount(text), `character ${code}`).toBe(bySplitting(text));
    }
  });
});
