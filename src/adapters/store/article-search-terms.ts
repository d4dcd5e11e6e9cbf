/**
 * Turns a customer's question into the words of a full-text search. Only runs of letters and digits
 * survive, so no tsquery operator can reach the database; the words are ORed because a question
 * carries more words than any article shares (`plainto_tsquery` would demand every one of them).
 */
const MAX_TERMS = 32;
const MAX_TERM_LENGTH = 64;

/** The distinct lower-case words of a question, at most 32 of them. */
export const articleSearchTerms = (question: string): string[] => {
  const words = question.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  const distinct = new Set(words.filter((word) => word !== 'or' && word.length <= MAX_TERM_LENGTH));
  return [...distinct].slice(0, MAX_TERMS);
};

/** The text for `websearch_to_tsquery`: the words joined with its OR keyword; '' when there are none. */
export const orSearchText = (terms: readonly string[]): string => terms.join(' or ');
