/**
 * rate-limiter-flexible over Baton's store: the library's limiting (points, windows, blocks,
 * penalties) with its counters in the `rate_limits` table, so limits hold across every process on
 * the database, on PGlite and on a PostgreSQL server alike. The library's own PostgreSQL limiter
 * needs a raw `pg` client; this implements its documented store interface (`_upsert`, `_get`,
 * `_delete`, `_getRateLimiterRes`) over the store port instead.
 */
import { type IRateLimiterStoreOptions, RateLimiterRes } from 'rate-limiter-flexible';
import RateLimiterStoreAbstract from 'rate-limiter-flexible/lib/RateLimiterStoreAbstract.js';
import type { RateLimitCounter, RateLimitRepository } from '../../core/ports/store.ts';

export interface StoreRateLimiterOptions {
  readonly counters: RateLimitRepository;
  /** Names this limit's counters, e.g. `sign_in_ip`. */
  readonly keyPrefix: string;
  readonly points: number;
  /** Window in seconds; 0 keeps counters until deleted. */
  readonly duration: number;
  /** Seconds a key stays blocked once over its points (0: only until the window ends). */
  readonly blockDuration?: number;
}

export class StoreRateLimiter extends RateLimiterStoreAbstract {
  readonly #counters: RateLimitRepository;

  constructor(options: StoreRateLimiterOptions) {
    const libraryOptions: IRateLimiterStoreOptions = {
      storeClient: options.counters,
      keyPrefix: options.keyPrefix,
      points: options.points,
      duration: options.duration,
      blockDuration: options.blockDuration ?? 0,
      // Every count goes to the database: an in-memory block would not hold across processes.
      inMemoryBlockOnConsumed: 0,
    };
    super(libraryOptions);
    this.#counters = options.counters;
  }

  _upsert(key: string, points: number, msDuration: number, forceExpire = false): Promise<RateLimitCounter> {
    const now = Date.now();
    return this.#counters.add(key, points, msDuration > 0 ? now + msDuration : null, now, forceExpire);
  }

  _get(key: string): Promise<RateLimitCounter | null> {
    return this.#counters.get(key, Date.now());
  }

  _delete(key: string): Promise<boolean> {
    return this.#counters.delete(key);
  }

  _getRateLimiterRes(_key: string, changedPoints: number, counter: RateLimitCounter): RateLimiterRes {
    const isFirstInDuration = changedPoints === counter.points;
    const consumedPoints = isFirstInDuration ? changedPoints : counter.points;
    return new RateLimiterRes(
      Math.max(this.points - consumedPoints, 0),
      counter.expiresAt === null ? -1 : Math.max(counter.expiresAt - Date.now(), 0),
      consumedPoints,
      isFirstInDuration,
    );
  }
}
