import { DomainError } from '../errors.ts';

/** Normalises a message body and rejects what no one should store: empty or over the size bound. */
export const checkMessageText = (text: unknown, maxChars: number): string => {
  if (typeof text !== 'string') {
    throw new DomainError('invalid_input', 'The message must be text: send {"text": "…"} with a string.');
  }
  const trimmed = text.replace(/\r\n/g, '\n').trim();
  if (trimmed.length === 0) {
    throw new DomainError('message_empty', 'The message is empty: write something before sending.');
  }
  if (trimmed.length > maxChars) {
    throw new DomainError(
      'message_too_long',
      `The message is ${trimmed.length} characters; the limit is ${maxChars}. Shorten it or split it into several messages.`,
      { length: trimmed.length, limit: maxChars },
    );
  }
  return trimmed;
};
