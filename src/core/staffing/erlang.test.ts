import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { erlangA } from './erlang-a.ts';
import { erlangB, logInverseErlangBSequence } from './erlang-b.ts';
import { erlangC } from './erlang-c.ts';

const interval = { ahtSeconds: 300, targetSeconds: 60 };
const load = fc.double({ min: 0.5, max: 400, noNaN: true });

describe('Erlang B', () => {
  it('gives the textbook values for small systems', () => {
    expect(erlangB({ trafficErlangs: 2, agents: 0 })).toBe(1);
    expect(erlangB({ trafficErlangs: 2, agents: 1 })).toBeCloseTo(2 / 3, 15);
    // B(2, 2) = (2²/2!) / (1 + 2 + 2²/2!) = 2/5
    expect(erlangB({ trafficErlangs: 2, agents: 2 })).toBeCloseTo(0.4, 15);
  });

  it('agrees with its log form wherever the plain value does not underflow', () => {
    fc.assert(
      fc.property(load, fc.integer({ min: 1, max: 600 }), (a, n) => {
        const logForm = Math.exp(-(logInverseErlangBSequence(a, n)[n] ?? 0));
        const plain = erlangB({ trafficErlangs: a, agents: n });
        expect(Math.abs(logForm - plain)).toBeLessThanOrEqual(1e-12 + 1e-10 * plain);
      }),
    );
  });
});

describe('Erlang C', () => {
  it('serves more within the target and waits less as agents are added', () => {
    fc.assert(
      fc.property(load, fc.integer({ min: 1, max: 50 }), (a, extra) => {
        const agents = Math.floor(a) + extra;
        const fewer = erlangC({ ...interval, trafficErlangs: a, agents });
        const more = erlangC({ ...interval, trafficErlangs: a, agents: agents + 1 });
        expect(more.serviceLevel).toBeGreaterThanOrEqual(fewer.serviceLevel);
        expect(more.probabilityOfWait).toBeLessThanOrEqual(fewer.probabilityOfWait);
        expect(more.asaSeconds).toBeLessThanOrEqual(fewer.asaSeconds);
      }),
    );
  });

  it('makes customers wait more often as the load grows on the same team', () => {
    fc.assert(
      fc.property(load, fc.double({ min: 0.01, max: 5, noNaN: true }), (a, more) => {
        const agents = Math.ceil(a + more) + 1;
        const lighter = erlangC({ ...interval, trafficErlangs: a, agents });
        const heavier = erlangC({ ...interval, trafficErlangs: a + more, agents });
        expect(heavier.probabilityOfWait).toBeGreaterThanOrEqual(lighter.probabilityOfWait);
      }),
    );
  });

  it('keeps every figure a probability, and the wait at least the blocking probability', () => {
    fc.assert(
      fc.property(load, fc.integer({ min: 1, max: 40 }), (a, extra) => {
        const agents = Math.floor(a) + extra;
        const f = erlangC({ ...interval, trafficErlangs: a, agents });
        for (const p of [f.probabilityOfWait, f.serviceLevel, f.occupancy]) {
          expect(p).toBeGreaterThanOrEqual(0);
          expect(p).toBeLessThanOrEqual(1);
        }
        expect(f.probabilityOfWait).toBeGreaterThanOrEqual(erlangB({ trafficErlangs: a, agents }) - 1e-15);
      }),
    );
  });

  it('reports an unstable queue when the load reaches the team size', () => {
    const f = erlangC({ ...interval, trafficErlangs: 10, agents: 10 });
    expect(f).toEqual({
      probabilityOfWait: 1,
      serviceLevel: 0,
      asaSeconds: Number.POSITIVE_INFINITY,
      occupancy: 1,
    });
  });

  it('stays finite and exact at ten thousand agents', () => {
    const f = erlangC({ ...interval, trafficErlangs: 9_900, agents: 10_000 });
    expect(f.probabilityOfWait).toBeGreaterThan(0);
    expect(f.probabilityOfWait).toBeLessThan(1);
    expect(f.serviceLevel).toBeGreaterThan(0.99);
    expect(f.occupancy).toBeCloseTo(0.99, 12);
  });
});

describe('Erlang A', () => {
  it('approaches Erlang C as customers become infinitely patient', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1, max: 200, noNaN: true }),
        fc.integer({ min: 1, max: 20 }),
        (a, extra) => {
          const agents = Math.ceil(a) + extra;
          const c = erlangC({ ...interval, trafficErlangs: a, agents });
          const patient = erlangA({ ...interval, trafficErlangs: a, agents, patienceSeconds: 1e12 });
          expect(patient.probabilityOfWait).toBeCloseTo(c.probabilityOfWait, 5);
          expect(patient.serviceLevel).toBeCloseTo(c.serviceLevel, 5);
          expect(patient.probabilityOfAbandon).toBeLessThan(1e-4);
        },
      ),
      { numRuns: 50 },
    );
  });

  it('abandons less and serves more within the target as agents are added, even when overloaded', () => {
    fc.assert(
      fc.property(
        load,
        fc.integer({ min: 1, max: 450 }),
        fc.double({ min: 10, max: 3_600, noNaN: true }),
        (a, n, p) => {
          const fewer = erlangA({ ...interval, trafficErlangs: a, agents: n, patienceSeconds: p });
          const more = erlangA({ ...interval, trafficErlangs: a, agents: n + 1, patienceSeconds: p });
          expect(more.serviceLevel).toBeGreaterThanOrEqual(fewer.serviceLevel - 1e-12);
          expect(more.probabilityOfAbandon).toBeLessThanOrEqual(fewer.probabilityOfAbandon + 1e-12);
          expect(more.probabilityOfWait).toBeLessThanOrEqual(fewer.probabilityOfWait + 1e-12);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('balances flows: what is not abandoned is carried, so occupancy equals the carried load per agent', () => {
    fc.assert(
      fc.property(
        load,
        fc.integer({ min: 1, max: 450 }),
        fc.double({ min: 10, max: 3_600, noNaN: true }),
        (a, n, p) => {
          const f = erlangA({ ...interval, trafficErlangs: a, agents: n, patienceSeconds: p });
          expect(f.occupancy).toBeLessThanOrEqual(1 + 1e-12);
          // Little's law on the queue: abandon rate = queue length / patience, and queue length = λ·ASA.
          expect(f.probabilityOfAbandon).toBeCloseTo(f.asaSeconds / p, 9);
          expect(f.serviceLevel).toBeLessThanOrEqual(1 - f.probabilityOfAbandon + 1e-12);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('loses exactly the excess load when heavily overloaded', () => {
    const f = erlangA({ ...interval, trafficErlangs: 12_000, agents: 10_000, patienceSeconds: 120 });
    expect(f.probabilityOfAbandon).toBeCloseTo(2_000 / 12_000, 6);
    expect(f.occupancy).toBeCloseTo(1, 6);
  });
});
