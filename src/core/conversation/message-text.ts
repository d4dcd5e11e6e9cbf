import { DomainError } from '../errors.ts';
import { describeTextProblem, firstForbiddenCharacter, isInvisible } from '../text/text-safety.ts';

/**
 * Normalises a message body (a customer message, an agent reply or an internal note) and rejects
 * what no one should store: control characters or broken Unicode, nothing visible, or over the
 * size bound. Callers check the text before they change anything else.
 */
export const checkMessageText = (text: unknown, maxChars: number): string => {
  if (typeof text !== 'string') {
    throw new DomainError('invalid_input', 'The message must be text: send {"text": "…"} with a string.');
  }
  const trimmed = text.replace(/\r\n/g, '\n').trim();
  const problem = firstForbiddenCharacter(trimmed, { multiline: true });
  if (problem) {
    throw new DomainError('invalid_characters', `The message ${describeTextProblem(problem)}.`, {
      character: problem.character,
      position: problem.index + 1,
    });
  }
  if (isInvisible(trimmed)) {
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
