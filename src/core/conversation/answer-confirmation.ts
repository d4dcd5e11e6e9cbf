/**
 * The customer says the AI's answer solved it (SPEC §2: an `ai` resolution the customer confirmed).
 * They may while the AI holds the conversation and its answer is the latest word: once they have
 * written again, or a person has it, there is no answer of the AI's to confirm. No imports: the chat
 * uses the same rule to offer the choice.
 */

/** The latest message the customer can see: who wrote it and what kind it is. */
export interface LatestWord {
  readonly author: string;
  readonly kind: string;
}

export const mayConfirmAnswer = (state: string, latest: LatestWord | null | undefined): boolean =>
  state === 'ai' && latest?.author === 'ai' && latest.kind === 'message';

/**
 * Whether the chat asks "did that answer your question?": only under an answer that quotes the
 * help centre. A clarifying question or a reply to thanks has nothing to confirm, though the
 * customer may still say they are done.
 */
export const offersAnswerCheck = (
  state: string,
  latest: (LatestWord & { readonly citations: readonly unknown[] }) | null | undefined,
): boolean => mayConfirmAnswer(state, latest) && (latest?.citations.length ?? 0) > 0;

/** The message the chat sends for the customer who wants a person instead (the AI turn hands over on it). */
export const askForPersonText = 'That did not answer my question. I would like to talk to a person, please.';
