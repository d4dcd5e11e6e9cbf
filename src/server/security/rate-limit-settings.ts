/** The rate limits of SPEC §11 as settings: how many of what, per how long. */

/** `points` per `seconds`. */
export interface Rate {
  readonly points: number;
  readonly seconds: number;
}

export interface RateLimitSettings {
  /** Failed sign-ins to one account (from anywhere) before it is locked. */
  readonly signInFailuresPerAccount: number;
  /** The first lock; each further lock within a day lasts twice as long, up to `signInMaxLockSeconds`. */
  readonly signInLockSeconds: number;
  readonly signInMaxLockSeconds: number;
  /** Failed sign-ins from one address (any account). */
  readonly signInFailuresPerIp: Rate;
  readonly newConversationsPerIp: Rate;
  /** Messages from one customer (their conversation token). */
  readonly messagesPerCustomer: Rate;
  readonly messagesPerIp: Rate;
  /** Requests per API key, once API keys exist (SPEC §11: "rate limits per customer and per key"). */
  readonly requestsPerApiKey: Rate;
}

export const defaultRateLimitSettings: RateLimitSettings = {
  signInFailuresPerAccount: 5,
  signInLockSeconds: 60,
  signInMaxLockSeconds: 3600,
  signInFailuresPerIp: { points: 50, seconds: 3600 },
  newConversationsPerIp: { points: 20, seconds: 600 },
  messagesPerCustomer: { points: 20, seconds: 60 },
  messagesPerIp: { points: 120, seconds: 60 },
  requestsPerApiKey: { points: 600, seconds: 60 },
};

const units: Readonly<Record<string, number>> = { s: 1, m: 60, h: 3600, d: 86_400 };

/** Reads `20/10m` (20 per ten minutes); null when the text is not of that form. */
export const parseRate = (text: string): Rate | null => {
  const match = /^\s*(\d+)\s*\/\s*(\d+)\s*([smhd])\s*$/.exec(text);
  if (!match) return null;
  const points = Number(match[1]);
  const seconds = Number(match[2]) * (units[match[3] ?? 's'] ?? 1);
  return points >= 1 && seconds >= 1 ? { points, seconds } : null;
};
