/**
 * Repetition in a handoff message: a customer who reads the same six words twice hears a form
 * letter. Words are compared lower-cased without punctuation, so "This needs" and "this needs" match.
 */
const PHRASE_WORDS = 6;

const wordsOf = (text: string): readonly string[] =>
  text
    .toLowerCase()
    .replace(/[’']/g, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 0);

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

/** The phrases of `size` words a text says, to test several additions against (`saysAnyOf`). */
export const phraseSet = (text: string, size = PHRASE_WORDS): ReadonlySet<string> =>
  new Set(phrasesOf(text, size));

/** Whether `addition` says one of the phrases of `said` (built with the same `size`). */
export const saysAnyOf = (said: ReadonlySet<string>, addition: string, size = PHRASE_WORDS): boolean =>
  phrasesOf(addition, size).some((phrase) => said.has(phrase));

/** How many words a message has, as a reader counts them. */
export const wordCount = (text: string): number => text.split(/\s+/).filter((word) => word.length > 0).length;
