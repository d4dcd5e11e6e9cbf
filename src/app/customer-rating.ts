/**
 * CSAT from the customer's side (SPEC §9): the chat shows the rating question once a conversation
 * is resolved (recorded as `rating_requested`, once per resolution), and takes one rating of 1–5
 * with an optional comment per resolution, stored as a `rated` event.
 */
import { checkRating, ratingRequestFor, ratingStatusOf, ratingTargetFor } from '../core/csat/index.ts';
import { DomainError, isDomainError } from '../core/errors.ts';
import type { ConversationEvent } from '../core/model.ts';
import type { Store } from '../core/ports/store.ts';

export interface CustomerRatingView {
  /** The customer may rate the conversation's resolution now, or already did. */
  readonly asked: boolean;
  readonly given: number | null;
}

/** The store refused the event: the same rating (or rating question) was recorded a moment before. */
const isDuplicate = (error: unknown): boolean => isDomainError(error) && error.code === 'conflict';

/** What the chat shows about rating; the first time a resolution is shown, the question is recorded as asked. */
export const ratingViewFor = async (
  store: Store,
  conversationId: string,
  customerId: string,
  events: readonly ConversationEvent[],
): Promise<CustomerRatingView> => {
  const request = ratingRequestFor(events);
  if (request.kind === 'ask') {
    try {
      await store.events.append(conversationId, {
        type: 'rating_requested',
        actor: { kind: 'customer', id: customerId },
        data: { resolvedEventId: request.resolvedEventId },
      });
    } catch (error) {
      // Another read of the same resolution recorded the question first: asked once is enough.
      if (!isDuplicate(error)) throw error;
    }
  }
  const status = ratingStatusOf(events);
  return { asked: status.resolvedEventId !== null, given: status.given };
};

/** Stores the customer's rating of the conversation's resolution; refused if not resolved or already rated. */
export const rateConversation = async (
  store: Store,
  conversationId: string,
  customerId: string,
  input: { readonly rating: unknown; readonly comment?: unknown },
): Promise<{ readonly rating: number; readonly comment: string | null }> => {
  const rating = checkRating(input);
  const events = await store.events.list(conversationId);
  const resolvedEventId = ratingTargetFor(events);
  try {
    await store.events.append(conversationId, {
      type: 'rated',
      actor: { kind: 'customer', id: customerId },
      data: { rating: rating.rating, comment: rating.comment, resolvedEventId },
    });
  } catch (error) {
    if (!isDuplicate(error)) throw error;
    throw new DomainError('already_rated', 'You already rated this conversation.');
  }
  return rating;
};
