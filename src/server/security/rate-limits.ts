/**
 * Baton's rate limits (SPEC §11): sign-in per address and per account (lock-out with back-off),
 * new conversations per address, messages per customer and per address, and requests per API key.
 * Counters live in the database (see store-rate-limiter.ts); a refusal is 429 `rate_limited`
 * with how long to wait, which the HTTP layer sends as `Retry-After`.
 */
import { createHash } from 'node:crypto';
import { RateLimiterRes } from 'rate-limiter-flexible';
import { DomainError } from '../../core/errors.ts';
import type { RateLimitRepository } from '../../core/ports/store.ts';
import type { Rate, RateLimitSettings } from './rate-limit-settings.ts';
import { StoreRateLimiter } from './store-rate-limiter.ts';

export interface SignInGuard {
  /** Refuses while the address or the account is locked out; call before checking the password. */
  before(address: string, email: string): Promise<void>;
  /** Counts a failed sign-in; the failure that reaches the limit locks the account. */
  failed(address: string, email: string): Promise<void>;
  succeeded(email: string): Promise<void>;
}

export interface RateLimits {
  readonly signIn: SignInGuard;
  newConversation(address: string): Promise<void>;
  /** `customer` is the verified customer id of the conversation token, when the request has one. */
  message(address: string, customer: string | null): Promise<void>;
  /** Refuses when the API key is over its rate (the route gate calls it for every keyed request). */
  apiKeyRequest(keyId: string): Promise<void>;
  close(): void;
}

const wait = (ms: number): string => {
  const seconds = Math.max(1, Math.ceil(ms / 1000));
  if (seconds < 120) return `${seconds} seconds`;
  return `${Math.ceil(seconds / 60)} minutes`;
};

/** 429 with the seconds to wait in `details.retryAfterSeconds` (sent as Retry-After). */
export const rateLimited = (msBeforeNext: number, what: string): DomainError =>
  new DomainError('rate_limited', `${what} Try again in ${wait(msBeforeNext)}.`, {
    retryAfterSeconds: Math.max(1, Math.ceil(msBeforeNext / 1000)),
  });

const take = async (limiter: StoreRateLimiter, key: string, what: string): Promise<void> => {
  try {
    await limiter.consume(key);
  } catch (rejection) {
    if (rejection instanceof RateLimiterRes) throw rateLimited(rejection.msBeforeNext, what);
    throw rejection;
  }
};

/** Emails are not kept in the counters table: a hash names the account's counter. */
const accountKey = (email: string): string =>
  createHash('sha256').update(email.trim().toLowerCase()).digest('hex');

const HOUSEKEEPING_MS = 10 * 60_000;

export const createRateLimits = (counters: RateLimitRepository, settings: RateLimitSettings): RateLimits => {
  const limiter = (keyPrefix: string, rate: Rate) =>
    new StoreRateLimiter({ counters, keyPrefix, points: rate.points, duration: rate.seconds });
  const accountFailures = limiter('sign_in_account', {
    points: settings.signInFailuresPerAccount,
    seconds: 86_400,
  });
  const accountLocks = limiter('sign_in_locks', { points: 1_000_000, seconds: 86_400 });
  const addressFailures = limiter('sign_in_address', settings.signInFailuresPerIp);
  const conversations = limiter('conversations_address', settings.newConversationsPerIp);
  const customerMessages = limiter('messages_customer', settings.messagesPerCustomer);
  const addressMessages = limiter('messages_address', settings.messagesPerIp);
  const apiKeys = limiter('api_key', settings.requestsPerApiKey);

  const housekeeping = setInterval(() => {
    counters.deleteExpired(Date.now()).catch(() => {
      // Old counters are only clutter; the next round tries again.
    });
  }, HOUSEKEEPING_MS);
  housekeeping.unref();

  const signIn: SignInGuard = {
    async before(address, email) {
      const [account, fromAddress] = await Promise.all([
        accountFailures.get(accountKey(email)),
        addressFailures.get(address),
      ]);
      if (account && account.consumedPoints > settings.signInFailuresPerAccount) {
        throw rateLimited(account.msBeforeNext, 'This account is locked after too many failed sign-ins.');
      }
      if (fromAddress && fromAddress.consumedPoints >= settings.signInFailuresPerIp.points) {
        throw rateLimited(fromAddress.msBeforeNext, 'Too many failed sign-ins from your network.');
      }
    },
    async failed(address, email) {
      const key = accountKey(email);
      const [failures] = await Promise.all([accountFailures.penalty(key), addressFailures.penalty(address)]);
      if (failures.consumedPoints < settings.signInFailuresPerAccount) return;
      // Back-off: each lock within a day lasts twice as long as the one before.
      const locks = await accountLocks.penalty(key);
      const seconds = Math.min(
        settings.signInLockSeconds * 2 ** Math.max(0, locks.consumedPoints - 1),
        settings.signInMaxLockSeconds,
      );
      await accountFailures.block(key, seconds);
    },
    async succeeded(email) {
      await accountFailures.delete(accountKey(email));
    },
  };

  return {
    signIn,
    newConversation: (address) =>
      take(conversations, address, 'Too many new conversations from your network.'),
    async message(address, customer) {
      if (customer !== null) {
        await take(customerMessages, customer, 'You are sending messages faster than we can read them.');
      }
      await take(addressMessages, address, 'Too many messages from your network.');
    },
    apiKeyRequest: (keyId) => take(apiKeys, keyId, 'This API key is over its request rate.'),
    close: () => clearInterval(housekeeping),
  };
};

/** No limits at all: for tests and benchmarks that start a server directly. */
export const noRateLimits: RateLimits = {
  signIn: { before: async () => {}, failed: async () => {}, succeeded: async () => {} },
  newConversation: async () => {},
  message: async () => {},
  apiKeyRequest: async () => {},
  close: () => {},
};
