import { describe, expect, it } from 'vitest';
import { isLastTurnAttempt, turnRetryDelayMs } from './turn-retry.ts';

describe('AI turn retries', () => {
  it('waits twice as long after each failed attempt, up to half a minute', () => {
    expect([1, 2, 3, 4, 5, 6, 7].map(turnRetryDelayMs)).toEqual([
      1000, 2000, 4000, 8000, 16_000, 30_000, 30_000,
    ]);
  });

  it('makes the attempt that reaches the bound the last one', () => {
    expect(isLastTurnAttempt(4, 5)).toBe(false);
    expect(isLastTurnAttempt(5, 5)).toBe(true);
    expect(isLastTurnAttempt(1, 1)).toBe(true);
  });
});
