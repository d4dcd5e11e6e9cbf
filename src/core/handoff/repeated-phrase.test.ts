import { describe, expect, it } from 'vitest';
import { phraseWords, repeatedPhrase, saysAnyOf } from './repeated-phrase.ts';

describe('saysAnyOf', () => {
  const said = phraseWords('You asked: “Where is my order?” I’m passing this to the Orders team now.');

  it('finds a six-word phrase already said, whatever the case and punctuation', () => {
    expect(saysAnyOf(said, 'Again: I’m PASSING this to the orders team.')).toBe(true);
  });

  it('does not count five shared words, or six that were said across a gap', () => {
    expect(saysAnyOf(said, 'I am passing this to the Billing team.')).toBe(false);
    expect(saysAnyOf(said, 'where is my order passing this')).toBe(false);
  });

  it('finds a phrase that spans two earlier sentences joined', () => {
    expect(saysAnyOf(said, 'is my order? I’m passing this')).toBe(true);
  });

  it('says nothing for additions shorter than a phrase', () => {
    expect(saysAnyOf(said, 'the Orders team')).toBe(false);
    expect(saysAnyOf([], 'I’m passing this to the Orders team')).toBe(false);
  });
});

describe('repeatedPhrase', () => {
  it('names the first phrase said twice', () => {
    expect(repeatedPhrase('They will see this whole chat. They will see this whole chat again.')).toBe(
      'they will see this whole chat',
    );
    expect(repeatedPhrase('Nothing here is said twice at all, not once.')).toBeNull();
  });
});
