/**
 * What an agent typed into the inbox search, read into what the store matches: words (letters and
 * digits only, so nothing typed can become a text-search operator) and, when the text looks like a
 * conversation id or its start, that id prefix.
 */

export interface ConversationSearch {
  /** Lower-case words; a conversation matches when its customer, or one of its messages, has them all (as prefixes). */
  readonly words: readonly string[];
  /** Lower-case hex id start (at least 8 characters), when the text could be a conversation id. */
  readonly idPrefix: string | null;
}

/** Enough for any real search; more words only slow the query. */
export const MAX_SEARCH_WORDS = 8;
const MAX_WORD_LENGTH = 60;
const ID_START = /^[0-9a-f]{8}(?:-[0-9a-f-]{0,27})?$/;

/** Null when the text holds nothing to search for. */
export const readConversationSearch = (text: string): ConversationSearch | null => {
  const normalised = text.normalize('NFKC').toLowerCase().trim();
  const words = [...new Set(normalised.match(/[\p{L}\p{N}]+/gu) ?? [])]
    .map((word) => word.slice(0, MAX_WORD_LENGTH))
    .slice(0, MAX_SEARCH_WORDS);
  const idPrefix = ID_START.test(normalised) ? normalised : null;
  if (words.length === 0 && idPrefix === null) return null;
  return { words, idPrefix };
};

/** The words as a PostgreSQL tsquery source: every word, each as a prefix (safe: words are letters and digits). */
export const prefixQueryOf = (search: ConversationSearch): string =>
  search.words.map((word) => `${word}:*`).join(' & ');
