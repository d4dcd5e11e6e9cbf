/**
 * Tries a request again while the failure is one that passes (the connection dropped, the server
 * or its database is briefly unavailable), waiting what the server asked or a growing pause. Only
 * for requests that are safe to repeat: a customer's message carries one idempotency key across
 * its attempts, so it is stored once however many times it is sent.
 */
import { ApiError } from './api.ts';

const TRANSIENT_STATUSES = new Set([502, 503, 504]);
const MAX_WAIT_MS = 10_000;

/** Whether trying the same request again later can succeed. */
export const isTransientFailure = (error: unknown): boolean =>
  error instanceof ApiError ? TRANSIENT_STATUSES.has(error.status) : error instanceof TypeError;

const waitBefore = (attempt: number, error: unknown): number => {
  const asked = error instanceof ApiError ? error.retryAfterSeconds : null;
  return Math.min(MAX_WAIT_MS, asked !== null ? asked * 1000 : 500 * 2 ** attempt);
};

export const withRetries = async <T>(
  call: () => Promise<T>,
  attempts = 4,
  sleep: (ms: number) => Promise<void> = (ms) => new Promise((wake) => setTimeout(wake, ms)),
): Promise<T> => {
  for (let attempt = 0; ; attempt += 1) {
    try {
      return await call();
    } catch (error) {
      if (attempt + 1 >= attempts || !isTransientFailure(error)) throw error;
      await sleep(waitBefore(attempt, error));
    }
  }
};
