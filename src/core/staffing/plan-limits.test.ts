import { describe, expect, it } from 'vitest';
import { isDomainError } from '../errors.ts';
import { defaultPlanInput, smallestAgents, staffingPlanInputSchema } from './index.ts';
import { planLimits } from './plan-input.ts';
import { maxTrafficErlangs } from './smallest-agents.ts';

const problemsOf = (input: unknown): string[] => {
  const parsed = staffingPlanInputSchema.safeParse(input);
  return parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};

const withVolume = (perWeek: number) => {
  const input = defaultPlanInput();
  return { ...input, volume: input.volume.map((row) => ({ ...row, perWeek })) };
};

describe('plan input bounds', () => {
  it('accepts the default input', () => {
    expect(problemsOf(defaultPlanInput())).toEqual([]);
  });

  it.each([1e8, 1e12, 1e308])('refuses %d conversations a week in a row, saying the bound', (perWeek) => {
    const problems = problemsOf(withVolume(perWeek));
    expect(problems[0]).toMatch(/^volume\.0\.perWeek: must be at most 10000000$/);
  });

  it('refuses volumes whose handle time adds up to more than a very large team works, with the total', () => {
    const problems = problemsOf(withVolume(planLimits.maxConversationsPerWeek / 10));
    expect(problems.join('\n')).toMatch(
      /volume: the volume and handle times add up to [\d,]+ hours of handling a week/,
    );
  });

  it('refuses handle times, waits, concurrency and list sizes no team has', () => {
    const input = defaultPlanInput();
    const category = { ...input.categories[0], handleMinutes: 1e9 };
    expect(problemsOf({ ...input, categories: [category, ...input.categories.slice(1)] })[0]).toMatch(
      /handleMinutes: must be at most 1440/,
    );
    const live = { kind: 'live', id: 'chat', serviceLevel: 0.8, targetSeconds: 1e12, concurrency: 1e6 };
    const channelProblems = problemsOf({ ...input, channels: [live, ...input.channels.slice(1)] }).join('\n');
    expect(channelProblems).toMatch(/targetSeconds: must be at most 604800/);
    expect(channelProblems).toMatch(/concurrency: must be at most 20/);
    const many = Array.from({ length: 101 }, (_, i) => ({
      id: `c${i}`,
      handleMinutes: 5,
      aiResolutionShare: 0,
    }));
    expect(problemsOf({ ...input, categories: many }).join('\n')).toMatch(/list at most 100 categories/);
  });
});

describe('the agent search is bounded', () => {
  const search = (trafficErlangs: number) => {
    try {
      return smallestAgents({ trafficErlangs, ahtSeconds: 300, targetSeconds: 20, serviceLevel: 0.8 }).agents;
    } catch (error) {
      return isDomainError(error) ? error.code : 'thrown';
    }
  };

  it('refuses a load over a million Erlangs at once instead of walking to it (1e12 calls froze the CLI)', () => {
    expect(search(maxTrafficErlangs * 2)).toBe('invalid_input');
    expect(search(1e12)).toBe('invalid_input');
    expect(search(Number.POSITIVE_INFINITY)).toBe('invalid_input');
    expect(search(Number.NaN)).toBe('invalid_input');
  });

  it('still sizes a large but real load', () => {
    expect(search(10_000)).toBeGreaterThan(10_000);
  });
});
