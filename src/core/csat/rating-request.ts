/**
 * When to ask the customer for a rating (CSAT, SPEC §9) and which resolution a rating rates. The
 * question is asked once per resolution; the customer may answer it later, until the conversation
 * reopens (then the next resolution asks again). An abandonment is not asked about: nobody answered.
 */
import { DomainError } from '../errors.ts';

/** The parts of a conversation's events these rules read, oldest first. */
export interface RatingEvent {
  readonly id: string;
  readonly type: string;
  readonly data: Readonly<Record<string, unknown>>;
}

/** The resolution that stands now: the latest `resolved` with no reopen after it, unless abandoned. */
const standingResolution = (events: readonly RatingEvent[]): RatingEvent | null => {
  for (let index = events.length - 1; index >= 0; index -= 1) {
    const event = events[index];
    if (event?.type === 'reopened') return null;
    if (event?.type === 'resolved') return event.data.resolution === 'abandoned' ? null : event;
  }
  return null;
};

export type RatingRequest =
  | { readonly kind: 'ask'; readonly resolvedEventId: string }
  | { readonly kind: 'none'; readonly reason: 'not_resolved' | 'already_asked' };

/** Whether to ask for a rating now; `ask` names the resolution to record the `rating_requested` for. */
export const ratingRequestFor = (events: readonly RatingEvent[]): RatingRequest => {
  const resolution = standingResolution(events);
  if (resolution === null) return { kind: 'none', reason: 'not_resolved' };
  const asked = events.some(
    (event) => event.type === 'rating_requested' && event.data.resolvedEventId === resolution.id,
  );
  return asked ? { kind: 'none', reason: 'already_asked' } : { kind: 'ask', resolvedEventId: resolution.id };
};

const ratingOf = (events: readonly RatingEvent[], resolvedEventId: string): number | null => {
  const rated = events.findLast(
    (event) => event.type === 'rated' && event.data.resolvedEventId === resolvedEventId,
  );
  return typeof rated?.data.rating === 'number' ? rated.data.rating : null;
};

/** What the customer is shown: the resolution they may rate (null: none now) and the rating they gave it. */
export interface RatingStatus {
  readonly resolvedEventId: string | null;
  readonly given: number | null;
}

export const ratingStatusOf = (events: readonly RatingEvent[]): RatingStatus => {
  const resolution = standingResolution(events);
  if (resolution === null) return { resolvedEventId: null, given: null };
  return { resolvedEventId: resolution.id, given: ratingOf(events, resolution.id) };
};

/**
 * The resolution a rating given now rates. Each resolution is rated once: a conversation that is
 * not resolved, or whose resolution was already rated, is refused with what to do instead.
 */
export const ratingTargetFor = (events: readonly RatingEvent[]): string => {
  const resolution = standingResolution(events);
  if (resolution === null) {
    throw new DomainError(
      'not_resolved',
      'This conversation is not resolved, so there is nothing to rate yet. You can rate it once it is resolved.',
    );
  }
  if (ratingOf(events, resolution.id) !== null) {
    throw new DomainError(
      'already_rated',
      'You already rated this conversation. If you need more help, send a message and we will pick it up.',
    );
  }
  return resolution.id;
};
