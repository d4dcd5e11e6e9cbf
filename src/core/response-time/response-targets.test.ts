import { describe, expect, it } from 'vitest';
import { DEFAULT_RESPONSE_TARGETS, responseTargetProblems, targetsFor } from './response-targets.ts';

describe('targetsFor', () => {
  const own = { billing: { firstResponseMinutes: 5, nextResponseMinutes: 10 } };

  it('gives a team its own targets', () => {
    expect(targetsFor(own, 'billing')).toEqual({ firstResponseMinutes: 5, nextResponseMinutes: 10 });
  });

  it('gives the defaults to a team without its own and to no team', () => {
    expect(targetsFor(own, 'tech')).toEqual(DEFAULT_RESPONSE_TARGETS);
    expect(targetsFor(own, null)).toEqual({ firstResponseMinutes: 60, nextResponseMinutes: 120 });
  });

  it('does not read inherited keys as teams', () => {
    expect(targetsFor(own, 'constructor')).toEqual(DEFAULT_RESPONSE_TARGETS);
  });
});

describe('responseTargetProblems', () => {
  it('accepts whole minutes from one to a week', () => {
    expect(responseTargetProblems({ firstResponseMinutes: 1, nextResponseMinutes: 10_080 })).toEqual([]);
  });

  it('names each target that is not a whole number of minutes in range', () => {
    expect(responseTargetProblems({ firstResponseMinutes: 0, nextResponseMinutes: 2.5 })).toEqual([
      'The first-reply target must be a whole number of minutes, at least 1.',
      'The next-reply target must be a whole number of minutes, at least 1.',
    ]);
    expect(responseTargetProblems({ firstResponseMinutes: 10_081, nextResponseMinutes: 60 })).toEqual([
      'The first-reply target must be at most 10080 minutes (a week).',
    ]);
  });
});
