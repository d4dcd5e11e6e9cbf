/**
 * What happens after one delivery attempt (issue 12): a 2xx is delivered; a network error, a
 * timeout, 408, 429 or a 5xx is retried with exponential back-off and jitter up to a bounded number
 * of attempts; anything else (a redirect, which is never followed, or another 4xx) will not get
 * better by asking again and fails at once. Pure: the caller passes the random draw.
 */

export interface WebhookRetrySettings {
  /** Attempts in all, the first included; then the delivery is marked failed. */
  readonly maxAttempts: number;
  /** The back-off before the second attempt; each further one doubles it. */
  readonly firstRetryMs: number;
  /** The longest wait between two attempts. */
  readonly longestRetryMs: number;
}

export const DEFAULT_WEBHOOK_RETRY: WebhookRetrySettings = {
  maxAttempts: 8,
  firstRetryMs: 10_000,
  longestRetryMs: 60 * 60_000,
};

/** What one attempt came back with. */
export type AttemptResult =
  | { readonly kind: 'response'; readonly status: number; readonly retryAfterSeconds: number | null }
  | { readonly kind: 'network_error'; readonly message: string };

export type NextStep =
  | { readonly state: 'delivered' }
  | { readonly state: 'queued'; readonly retryInMs: number }
  | { readonly state: 'failed'; readonly why: string };

const isRetryable = (result: AttemptResult): boolean =>
  result.kind === 'network_error' || result.status === 408 || result.status === 429 || result.status >= 500;

/**
 * The wait before the attempt after `attempt` (1-based): doubling, capped, with "equal jitter" —
 * half fixed, half drawn — so receivers that fail together are not all retried in the same instant.
 */
export const webhookRetryDelayMs = (
  attempt: number,
  settings: WebhookRetrySettings,
  random: number,
): number => {
  const ceiling = Math.min(settings.longestRetryMs, settings.firstRetryMs * 2 ** Math.max(0, attempt - 1));
  const draw = Math.min(1, Math.max(0, random));
  return Math.round(ceiling / 2 + (ceiling / 2) * draw);
};

const failureReason = (result: AttemptResult): string => {
  if (result.kind === 'network_error') return result.message;
  if (result.status >= 300 && result.status < 400) return `redirect (${result.status}) not followed`;
  return `HTTP ${result.status}`;
};

/** Where a delivery goes after its attempt number `attempt` ended with `result`. */
export const nextWebhookStep = (
  attempt: number,
  result: AttemptResult,
  settings: WebhookRetrySettings,
  random: number,
): NextStep => {
  if (result.kind === 'response' && result.status >= 200 && result.status < 300)
    return { state: 'delivered' };
  if (!isRetryable(result)) return { state: 'failed', why: `${failureReason(result)}: not retried` };
  if (attempt >= settings.maxAttempts) {
    return {
      state: 'failed',
      why: `${failureReason(result)} on attempt ${attempt} of ${settings.maxAttempts}`,
    };
  }
  const backoff = webhookRetryDelayMs(attempt, settings, random);
  // A receiver that says when to come back (429/503 Retry-After) is heeded, within the longest wait.
  const asked =
    result.kind === 'response' && result.retryAfterSeconds !== null
      ? Math.min(settings.longestRetryMs, result.retryAfterSeconds * 1000)
      : 0;
  return { state: 'queued', retryInMs: Math.max(backoff, asked) };
};
