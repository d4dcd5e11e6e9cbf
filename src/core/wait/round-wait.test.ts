import { describe, expect, it } from 'vitest';
import { roundWait } from './round-wait.ts';

describe('roundWait', () => {
  it.each([
    [0.4, 1, 'under a minute'],
    [1.2, 1, 'about a minute'],
    [4.6, 5, 'about 5 minutes'],
    [17, 15, 'about 15 minutes'],
    [23, 25, 'about 25 minutes'],
    [44, 40, 'about 40 minutes'],
    [58, 60, 'about an hour'],
    [95, 90, 'about an hour and a half'],
    [170, 180, 'about 3 hours'],
  ])('rounds %s minutes to %s ("%s")', (raw, minutes, words) => {
    expect(roundWait(raw)).toEqual({ minutes, words });
  });
});
