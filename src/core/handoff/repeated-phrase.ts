/**
 * Repetition in a handoff message: a customer who reads the same six words twice hears a form
 * letter. Words are compared lower-cased without punctuation, so "This needs" and "this needs" match.
 */
import { boundedMemo } from '../bounded-memo.ts';

const PHRASE_WORDS = 6;

const splitWords = (text: string): readonly string[] =>
  text
    .toLowerCase()
    .replace(/[’']/g, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 0);

/**
 * The words of texts split before. Handoffs test the same few template sentences against the same
 * few lookup and article sentences, so each is split once, not on every handoff. Bounded: the
 * texts include article titles and ops' wording, which change.
 */
const knownWords = boundedMemo<string, readonly string[]>(1024);
const wordsOf = (text: string): readonly string[] => knownWords.get(text, splitWords);

const phrasesOf = (text: string, size: number): readonly string[] => {
  const words = wordsOf(text);
  const phrases: string[] = [];
  for (let i = 0; i + size <= words.length; i += 1) phrases.push(words.slice(i, i + size).join(' '));
  return phrases;
};

/** The first phrase of `size` words that occurs twice in `text`, or null. */
export const repeatedPhrase = (text: string, size = PHRASE_WORDS): string | null => {
  const seen = new Set<string>();
  for (const phrase of phrasesOf(text, size)) {
    if (seen.has(phrase)) return phrase;
    seen.add(phrase);
  }
  return null;
};

/** The words of a text as phrases are compared, to test several additions against (`saysAnyOf`). */
export const phraseWords = (text: string): readonly string[] => wordsOf(text);

/**
 * Whether `addition` says a phrase of `size` words that the text of `said` (from `phraseWords`)
 * already says. Words hold no spaces, so comparing them one by one equals comparing the phrases
 * joined, without building a string per phrase.
 */
export const saysAnyOf = (said: readonly string[], addition: string, size = PHRASE_WORDS): boolean => {
  const added = wordsOf(addition);
  for (let i = 0; i + size <= added.length; i += 1) {
    for (let j = 0; j + size <= said.length; j += 1) {
      let same = 0;
      while (same < size && added[i + same] === said[j + same]) same += 1;
      if (same === size) return true;
    }
  }
  return false;
};

/** How many words a message has, as a reader counts them. */
export const wordCount = (text: string): number => text.split(/\s+/).filter((word) => word.length > 0).length;
