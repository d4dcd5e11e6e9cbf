import { describe, expect, it } from 'vitest';
import { phrasesSaid, phraseWords, tagPhrases } from './tag-phrases.ts';

describe('phrasesSaid', () => {
  it('counts each phrase said word for word once, wherever its first word comes', () => {
    const words = phraseWords('How long, how long does delivery take? Order something.');
    expect(phrasesSaid(words, tagPhrases(['how long', 'delivery take', 'order something']))).toBe(3);
  });

  it('does not count a phrase whose first word is said without the rest', () => {
    const words = phraseWords('how much is delivery');
    expect(phrasesSaid(words, tagPhrases(['how long', 'delivery time', 'is delivery free']))).toBe(0);
  });

  it('stems and drops apostrophes as the tags are read', () => {
    expect(phraseWords("Won't ships")).toEqual(['wont', 'ship']);
    expect(phrasesSaid(phraseWords('the parcels shipped late'), tagPhrases(['ship late']))).toBe(1);
  });
});
