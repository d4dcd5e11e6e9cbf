/**
 * Recontacts (SPEC §2): the same customer comes back on the same category within the recontact
 * window after a resolution, which marks that earlier resolution as not durable.
 */
export const DEFAULT_RECONTACT_WINDOW_MS = 7 * 24 * 3600_000;

export interface EarlierConversation {
  readonly id: string;
  readonly category: string | null;
  readonly state: string;
  /** When it was resolved; null while open. */
  readonly resolvedAt: Date | null;
}

/** True when a conversation on `category` starting at `now` is a recontact after `earlier`. */
export const isRecontactOf = (
  earlier: EarlierConversation,
  category: string,
  now: Date,
  windowMs: number = DEFAULT_RECONTACT_WINDOW_MS,
): boolean =>
  earlier.resolvedAt !== null &&
  earlier.category === category &&
  now.getTime() - earlier.resolvedAt.getTime() >= 0 &&
  now.getTime() - earlier.resolvedAt.getTime() <= windowMs;
