/** Contract: rate-limit counters, atomic under concurrent adds (several processes share them). */
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { StoreProvider } from './factories.ts';

export const rateLimitsContract = (store: StoreProvider): void => {
  describe('rate-limit counters', () => {
    const key = () => `test:${randomUUID()}`;
    const now = 1_800_000_000_000;

    it('starts a counter with its window, then adds to it within the window', async () => {
      const k = key();
      expect(await store().rateLimits.get(k, now)).toBeNull();
      expect(await store().rateLimits.add(k, 1, now + 60_000, now, false)).toEqual({
        points: 1,
        expiresAt: now + 60_000,
      });
      expect(await store().rateLimits.add(k, 2, now + 90_000, now + 10, false)).toEqual({
        points: 3,
        expiresAt: now + 60_000,
      });
      expect(await store().rateLimits.get(k, now + 59_999)).toEqual({ points: 3, expiresAt: now + 60_000 });
    });

    it('starts over once the window has ended, or when told to restart', async () => {
      const k = key();
      await store().rateLimits.add(k, 5, now + 1_000, now, false);
      expect(await store().rateLimits.get(k, now + 1_000)).toBeNull();
      expect(await store().rateLimits.add(k, 1, now + 3_000, now + 2_000, false)).toEqual({
        points: 1,
        expiresAt: now + 3_000,
      });
      expect(await store().rateLimits.add(k, 7, now + 9_000, now + 2_001, true)).toEqual({
        points: 7,
        expiresAt: now + 9_000,
      });
    });

    it('keeps a counter without a window until it is deleted', async () => {
      const k = key();
      await store().rateLimits.add(k, 2, null, now, false);
      expect(await store().rateLimits.get(k, now + 365 * 86_400_000)).toEqual({ points: 2, expiresAt: null });
      expect(await store().rateLimits.delete(k)).toBe(true);
      expect(await store().rateLimits.delete(k)).toBe(false);
    });

    it('counts every one of many concurrent adds', async () => {
      const k = key();
      await Promise.all(
        Array.from({ length: 25 }, () => store().rateLimits.add(k, 1, now + 60_000, now, false)),
      );
      expect((await store().rateLimits.get(k, now))?.points).toBe(25);
    });

    it('housekeeping removes ended windows only', async () => {
      const [ended, running] = [key(), key()];
      await store().rateLimits.add(ended, 1, now - 1, now - 10, false);
      await store().rateLimits.add(running, 1, now + 60_000, now, false);
      expect(await store().rateLimits.deleteExpired(now)).toBeGreaterThanOrEqual(1);
      expect(await store().rateLimits.get(running, now)).not.toBeNull();
      expect(await store().rateLimits.delete(ended)).toBe(false);
    });
  });
};
