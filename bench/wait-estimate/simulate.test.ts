import { describe, expect, it } from 'vitest';
import { simulate } from './simulate.ts';

describe('the wait-estimate simulation', () => {
  it('reproduces the M/M/1 mean wait ρ·h ÷ (1 − ρ) within a few percent', () => {
    const result = simulate(
      {
        agents: 1,
        concurrency: 1,
        load: 0.5,
        handleMinutes: 4,
        handle: 'exponential',
        arrivals: 40_000,
        warmup: 1_000,
        seed: 7,
      },
      { zero: () => 0 },
    );
    expect(result.meanWait).toBeGreaterThan(4 * 0.93);
    expect(result.meanWait).toBeLessThan(4 * 1.07);
    // An estimator that always says 0 is off by exactly the mean wait.
    expect(result.mae.zero).toBeCloseTo(result.meanWait, 9);
    expect(result.coverage.zero).toBe(1);
  });

  it('is repeatable for a seed', () => {
    const scenario = {
      agents: 3,
      concurrency: 2,
      load: 0.8,
      handleMinutes: 8,
      handle: 'lognormal',
      arrivals: 3_000,
      warmup: 100,
      seed: 3,
    } as const;
    expect(simulate(scenario, {}).meanWait).toBe(simulate(scenario, {}).meanWait);
  });
});
