/**
 * Rounds a predicted wait into words a customer can trust: coarser the longer the wait, because a
 * promise of "17 minutes" claims a precision the queue does not have.
 */
export interface RoundedWait {
  /** The number behind the words, in minutes. */
  readonly minutes: number;
  readonly words: string;
}

const roundTo = (value: number, step: number): number => Math.max(step, Math.round(value / step) * step);

/** Turns raw minutes into "under a minute", "about 5 minutes", "about an hour", "about 3 hours". */
export const roundWait = (rawMinutes: number): RoundedWait => {
  const m = Math.max(0, rawMinutes);
  if (m < 1) return { minutes: 1, words: 'under a minute' };
  if (m < 1.5) return { minutes: 1, words: 'about a minute' };
  if (m < 10) {
    const minutes = Math.round(m);
    return { minutes, words: `about ${minutes} minutes` };
  }
  if (m < 30) {
    const minutes = roundTo(m, 5);
    return { minutes, words: `about ${minutes} minutes` };
  }
  if (m < 50) {
    const minutes = roundTo(m, 10);
    return { minutes, words: `about ${minutes} minutes` };
  }
  if (m < 75) return { minutes: 60, words: 'about an hour' };
  if (m < 105) return { minutes: 90, words: 'about an hour and a half' };
  const hours = Math.round(m / 60);
  return { minutes: hours * 60, words: `about ${hours} hours` };
};
