import { describe, expect, it } from 'vitest';
import { createFuzzyVocabulary, editDistance, type Token, tokenize, wordReadingOf } from './text.ts';

/** The regex reading that `tokenize` writes out as a scan. */
const tokenizeByPattern = (text: string): readonly Token[] => {
  const tokens: Token[] = [];
  let clause = 0;
  for (const match of text.matchAll(/[\p{L}\p{N}]+(?:['’]\p{L}+)*|[.!?;,:]+/gu)) {
    const raw = match[0];
    if (/^[.!?;,:]/.test(raw)) {
      clause += 1;
      continue;
    }
    const word = raw.toLowerCase().replace(/['’]/g, '');
    if (word === 'but' || word === 'however' || word === 'instead') clause += 1;
    tokens.push({
      word,
      raw,
      start: match.index,
      end: match.index + raw.length,
      clause,
      reading: wordReadingOf(word),
    });
  }
  return tokens;
};

/** Small deterministic generator (mulberry32), so a failure can be replayed. */
const random = (seed: number): (() => number) => {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
};

const pieces = [
  'a',
  'Z',
  'but',
  'Instead',
  '7',
  "'",
  '’',
  '.',
  '!',
  '?',
  ';',
  ',',
  ':',
  ' ',
  '\n',
  '-',
  '_',
  '$',
  'é',
  'É',
  'ß',
  'İ',
  '中',
  '٣',
  '😀',
  '𝒜',
  '\uD800',
  'don’t',
  "O'Neil",
  "it's2",
  "'s",
];

describe('tokenize', () => {
  it('reads a message into words and clauses', () => {
    expect(tokenize("I can't pay, but it’s URGENT!!").map((token) => [token.word, token.clause])).toEqual([
      ['i', 0],
      ['cant', 0],
      ['pay', 0],
      ['but', 2],
      ['its', 2],
      ['urgent', 2],
    ]);
  });

  it('reads every text as the word pattern does', () => {
    const next = random(7);
    for (let n = 0; n < 3000; n += 1) {
      let text = '';
      const length = Math.floor(next() * 24);
      for (let k = 0; k < length; k += 1) text += pieces[Math.floor(next() * pieces.length)];
      expect(tokenize(text), JSON.stringify(text)).toEqual(tokenizeByPattern(text));
    }
  });
});

describe('edit distance', () => {
  it('counts edits and swaps, whatever length the words before it had (its rows are reused)', () => {
    expect(editDistance('supervisorship', 'supervisors', 5)).toBe(3);
    expect(editDistance('agnet', 'agent', 2)).toBe(1);
    expect(editDistance('humen', 'human', 1)).toBe(1);
    expect(editDistance('talkk', 'talk', 1)).toBe(1);
    expect(editDistance('lawyer', 'lawyer', 0)).toBe(0);
    expect(editDistance('abc', 'xyz', 1)).toBe(2);
    expect(editDistance('representative', 'represantitive', 2)).toBe(2);
    expect(editDistance('ab', 'ba', 1)).toBe(1);
  });
});

describe('fuzzy vocabulary', () => {
  const keywords = ['talk', 'human', 'agent', 'supervisor', 'representative', 'callback'];
  const vocabulary = createFuzzyVocabulary(keywords, []);
  const letters = 'abcdefghijklmnopqrstuvwxyz';

  /** Every word one insertion, deletion, substitution or swap away from `word`. */
  const oneEditAway = (word: string): readonly string[] => {
    const variants: string[] = [];
    for (let i = 0; i <= word.length; i += 1) {
      for (const letter of letters) {
        variants.push(word.slice(0, i) + letter + word.slice(i));
        if (i < word.length) variants.push(word.slice(0, i) + letter + word.slice(i + 1));
      }
      if (i < word.length) variants.push(word.slice(0, i) + word.slice(i + 1));
      if (i + 1 < word.length) variants.push(word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2));
    }
    return variants;
  };

  it('knows every keyword and corrects every one-typo variant it allows (the length table skips none)', () => {
    for (const keyword of keywords) {
      expect(vocabulary(keyword)).toBe(keyword);
      for (const variant of oneEditAway(keyword)) {
        const allowed = keyword.length < 5 ? variant.length === keyword.length + 1 : variant.length >= 4;
        if (allowed) expect(vocabulary(variant), variant).not.toBeNull();
      }
    }
  });

  it('leaves short and unrelated words alone', () => {
    for (const word of ['i', 'my', 'the', 'order', 'refund', 'tal', 'humanitarianism']) {
      expect(vocabulary(word), word).toBeNull();
    }
  });
});
