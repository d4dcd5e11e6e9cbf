/**
 * How an AI turn that failed for a reason other than the AI (the database, a crash) is retried:
 * a bounded number of attempts with doubling back-off; the last attempt skips the AI and hands the
 * customer to a person (`ai_unavailable`), so nobody is left without an answer (SPEC §3, §11).
 */
export const DEFAULT_TURN_ATTEMPTS = 5;

const FIRST_RETRY_MS = 1000;
const LONGEST_RETRY_MS = 30_000;

/** Milliseconds to wait before running attempt `attempt + 1` after attempt `attempt` failed. */
export const turnRetryDelayMs = (attempt: number): number =>
  Math.min(LONGEST_RETRY_MS, FIRST_RETRY_MS * 2 ** Math.max(0, attempt - 1));

/** True when this attempt is the last one: hand over without asking the AI again. */
export const isLastTurnAttempt = (attempt: number, maxAttempts: number): boolean => attempt >= maxAttempts;
