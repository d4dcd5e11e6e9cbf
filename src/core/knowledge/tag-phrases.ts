/**
 * An article's tags of two or more words ("order something", "how long", "copy of invoice") as
 * the word sequences they are. When several articles score the same for a question, the one with
 * a tag the question says word for word is the one the question is about: the bag of terms alone
 * cannot tell "how do I order something" (placing an order) from nine other articles that
 * mention orders in their titles.
 */
import { stemWord } from './text-terms.ts';

/** A text's words in order: lower-cased, apostrophes dropped ("won't" → "wont"), lightly stemmed. */
export const phraseWords = (text: string): string[] => {
  const words: string[] = [];
  for (const word of text
    .toLowerCase()
    .replace(/['’`]/g, '')
    .split(/[^a-z0-9]+/)) {
    if (word.length > 0) words.push(stemWord(word));
  }
  return words;
};

/** The tags of two words or more, each as its words. */
export const tagPhrases = (tags: readonly string[]): readonly (readonly string[])[] =>
  tags.map(phraseWords).filter((words) => words.length >= 2);

const startsAt = (words: readonly string[], phrase: readonly string[], at: number): boolean => {
  for (let offset = 0; offset < phrase.length; offset += 1) {
    if (words[at + offset] !== phrase[offset]) return false;
  }
  return true;
};

/** How many of the phrases appear in `words` word for word. */
export const phrasesSaid = (words: readonly string[], phrases: readonly (readonly string[])[]): number => {
  let said = 0;
  for (const phrase of phrases) {
    const first = phrase[0];
    // Only where the phrase's first word is said can the phrase start (an empty phrase is said anywhere).
    if (first === undefined) {
      said += 1;
      continue;
    }
    for (
      let at = words.indexOf(first);
      at !== -1 && at + phrase.length <= words.length;
      at = words.indexOf(first, at + 1)
    ) {
      if (startsAt(words, phrase, at)) {
        said += 1;
        break;
      }
    }
  }
  return said;
};
