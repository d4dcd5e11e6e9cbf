import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.ts';
import { erlangA } from './erlang-a.ts';
import { erlangC } from './erlang-c.ts';
import { smallestAgents } from './smallest-agents.ts';

const interval = { ahtSeconds: 240, targetSeconds: 30 };

describe('smallestAgents', () => {
  it('returns a team that meets every target while one agent fewer misses one', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.2, max: 500, noNaN: true }),
        fc.double({ min: 0.5, max: 0.98, noNaN: true }),
        fc.double({ min: 0.6, max: 1, noNaN: true }),
        (a, serviceLevel, maxOccupancy) => {
          const result = smallestAgents({ ...interval, trafficErlangs: a, serviceLevel, maxOccupancy });
          const at = (agents: number) => erlangC({ ...interval, trafficErlangs: a, agents });
          const ok = (f: ReturnType<typeof at>) =>
            f.serviceLevel >= serviceLevel && f.occupancy <= maxOccupancy;
          expect(ok(at(result.agents))).toBe(true);
          expect(result.agents === 1 || !ok(at(result.agents - 1))).toBe(true);
        },
      ),
    );
  });

  it('with patience set, uses Erlang A and may staff below the load because impatient customers leave', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.2, max: 300, noNaN: true }),
        fc.double({ min: 0.5, max: 0.95, noNaN: true }),
        fc.double({ min: 20, max: 1_200, noNaN: true }),
        (a, serviceLevel, patienceSeconds) => {
          const result = smallestAgents({ ...interval, trafficErlangs: a, serviceLevel, patienceSeconds });
          expect(result.kind).toBe('erlangA');
          const at = (agents: number) => erlangA({ ...interval, trafficErlangs: a, agents, patienceSeconds });
          expect(at(result.agents).serviceLevel).toBeGreaterThanOrEqual(serviceLevel);
          expect(result.agents === 1 || at(result.agents - 1).serviceLevel < serviceLevel).toBe(true);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('needs no agents when nothing arrives', () => {
    expect(smallestAgents({ ...interval, trafficErlangs: 0, serviceLevel: 0.8 }).agents).toBe(0);
  });

  it('refuses targets no finite team can meet', () => {
    expect(() => smallestAgents({ ...interval, trafficErlangs: 5, serviceLevel: 1 })).toThrow(DomainError);
    expect(() =>
      smallestAgents({
        ...interval,
        trafficErlangs: 5,
        serviceLevel: 0.8,
        patienceSeconds: 60,
        maxAbandon: 0,
      }),
    ).toThrow(DomainError);
  });

  it('staffs ten thousand agents exactly: the answer meets the target and one fewer does not', () => {
    const target = { ...interval, trafficErlangs: 9_800, serviceLevel: 0.9 };
    const { agents } = smallestAgents(target);
    expect(agents).toBeGreaterThan(9_800);
    expect(erlangC({ ...target, agents }).serviceLevel).toBeGreaterThanOrEqual(0.9);
    expect(erlangC({ ...target, agents: agents - 1 }).serviceLevel).toBeLessThan(0.9);
  });
});
