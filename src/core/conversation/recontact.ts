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

/** True when contact at `at` comes within the window after a resolution at `resolvedAt`, its end included. */
export const isWithinRecontactWindow = (
  resolvedAt: Date,
  at: Date,
  windowMs: number = DEFAULT_RECONTACT_WINDOW_MS,
): boolean => at.getTime() - resolvedAt.getTime() >= 0 && at.getTime() - resolvedAt.getTime() <= windowMs;

/** True when a conversation on `category` starting at `now` is a recontact after `earlier`. */
export const isRecontactOf = (
  earlier: EarlierConversation,
  category: string,
  now: Date,
  windowMs: number = DEFAULT_RECONTACT_WINDOW_MS,
): boolean =>
  earlier.resolvedAt !== null &&
  earlier.category === category &&
  isWithinRecontactWindow(earlier.resolvedAt, now, windowMs);
