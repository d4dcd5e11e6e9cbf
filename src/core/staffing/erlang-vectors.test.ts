import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { erlangA } from './erlang-a.ts';
import { erlangB, smallestAgentsForBlocking } from './erlang-b.ts';
import { erlangC } from './erlang-c.ts';
import { scheduledAgents } from './index.ts';
import { smallestAgents } from './smallest-agents.ts';
import { parseCsv } from './testing/parse-csv.ts';

// Published Erlang results live outside the repository (shared/data/README.md); never copied in.
const vectorsPath = fileURLToPath(
  new URL('../../../../shared/data/staffing/erlang-vectors.csv', import.meta.url),
);
const available = existsSync(vectorsPath);
const rows = available ? parseCsv(readFileSync(vectorsPath, 'utf8')) : [];

/** Tolerance from how many decimals the source printed: ~1e-6 for 6–7, ±0.0005 for 3–4 (data README). */
const tolerance = (printed: string): number => {
  const decimals = printed.split('.')[1]?.length ?? 0;
  if (decimals >= 6) return 1e-6;
  if (decimals === 5) return 1e-5;
  if (decimals >= 3) return 5e-4;
  return 0.5 * 10 ** -decimals;
};

let worst = { ratio: 0, error: 0, where: '' };
let worstPrecise = { error: 0, where: '' };
const expectClose = (where: string, actual: number, printed: string | undefined): void => {
  if (printed === undefined || printed === '') return;
  const error = Math.abs(actual - Number(printed));
  const ratio = error / tolerance(printed);
  if (ratio > worst.ratio) worst = { ratio, error, where };
  if (tolerance(printed) === 1e-6 && error > worstPrecise.error) worstPrecise = { error, where };
  expect(error, `${where}: got ${actual}, published ${printed}`).toBeLessThanOrEqual(tolerance(printed));
};

const numberIn = (notes: string, pattern: RegExp): number | undefined => {
  const match = pattern.exec(notes);
  return match?.[1] === undefined ? undefined : Number(match[1]);
};

/** The targets behind a "required agents" row are stated in its notes; every such row must state them. */
const targetsFrom = (notes: string) => {
  const slash = /target (\d+)\/\d+/.exec(notes);
  const serviceLevel =
    slash?.[1] === undefined ? numberIn(notes, /(?:target )?SL (0?\.\d+|1)/) : Number(slash[1]) / 100;
  return {
    serviceLevel,
    maxOccupancy: numberIn(notes, /max[ _]occupancy (0?\.\d+)/) ?? numberIn(notes, /occ<=(0?\.\d+)/),
    maxAbandon: numberIn(notes, /abandon<=(0?\.\d+)/),
    maxBlocking: numberIn(notes, /max blocking (0?\.\d+)/),
    shrinkage: numberIn(notes, /shrinkage (0?\.\d+)/),
  };
};

const field = (row: Readonly<Record<string, string>>, name: string): string => row[name] ?? '';
const num = (row: Readonly<Record<string, string>>, name: string): number => Number(field(row, name));

describe.skipIf(!available)('published Erlang vectors (shared/data/staffing/erlang-vectors.csv)', () => {
  afterAll(() => {
    console.info(
      `erlang vectors: ${rows.length} rows; worst error ${worst.error.toExponential(2)} at ${worst.where} (${(worst.ratio * 100).toFixed(1)}% of its tolerance); worst where 6-7 digits are given ${worstPrecise.error.toExponential(2)} at ${worstPrecise.where}`,
    );
  });

  it('has rows to check', () => {
    expect(rows.length).toBeGreaterThan(0);
  });

  it.each(rows.map((row) => [field(row, 'id'), row] as const))(
    '%s matches its published figures',
    (id, row) => {
      const notes = field(row, 'notes');
      const a = num(row, 'erlangs');
      if (field(row, 'calls') !== '') {
        const load = (num(row, 'calls') * num(row, 'aht_s')) / (num(row, 'interval_min') * 60);
        expect(load, `${id}: erlangs from calls`).toBeCloseTo(a, 9);
      }
      const model = field(row, 'model');
      if (model === 'erlangB') {
        checkErlangB(id, row, notes, a);
        return;
      }
      const base = { trafficErlangs: a, ahtSeconds: num(row, 'aht_s'), targetSeconds: num(row, 'target_s') };
      const patience = field(row, 'patience_s') === '' ? undefined : num(row, 'patience_s');
      let figures: ReturnType<typeof erlangC> & { probabilityOfAbandon?: number };
      if (field(row, 'agents') !== '') {
        const agents = num(row, 'agents');
        figures =
          patience === undefined
            ? erlangC({ ...base, agents })
            : erlangA({ ...base, agents, patienceSeconds: patience });
      } else {
        const targets = targetsFrom(notes);
        expect(targets.serviceLevel, `${id}: notes state the service-level target`).toBeDefined();
        const result = smallestAgents({
          ...base,
          serviceLevel: targets.serviceLevel ?? 0,
          maxOccupancy: targets.maxOccupancy,
          maxAbandon: targets.maxAbandon,
          patienceSeconds: patience,
        });
        figures = result.figures;
        expect(result.agents, `${id}: required agents`).toBe(num(row, 'required_agents'));
      }
      if (field(row, 'required_agents') !== '') {
        const targets = targetsFrom(notes);
        const required = num(row, 'required_agents');
        if (patience !== undefined) {
          const result = smallestAgents({
            ...base,
            serviceLevel: targets.serviceLevel ?? 0,
            maxOccupancy: targets.maxOccupancy,
            maxAbandon: targets.maxAbandon,
            patienceSeconds: patience,
          });
          expect(result.agents, `${id}: required agents`).toBe(required);
        }
        if (field(row, 'scheduled_fte') !== '') {
          expect(targets.shrinkage, `${id}: notes state the shrinkage`).toBeDefined();
          expect(scheduledAgents(required, targets.shrinkage ?? 0)).toBe(num(row, 'scheduled_fte'));
        }
      }
      expectClose(`${id} p_wait`, figures.probabilityOfWait, field(row, 'p_wait'));
      expectClose(`${id} service_level`, figures.serviceLevel, field(row, 'service_level'));
      expectClose(`${id} asa_s`, figures.asaSeconds, field(row, 'asa_s'));
      expectClose(`${id} occupancy`, figures.occupancy, field(row, 'occupancy'));
      expectClose(`${id} p_abandon`, figures.probabilityOfAbandon ?? Number.NaN, field(row, 'p_abandon'));
      // Notes sometimes carry more digits ("comp: 0.225797/0.858178/7.489 s/0.750028/0.024963").
      const computed = /comp: ([\d.]+)\/([\d.]+)\/([\d.]+) s\/([\d.]+)\/([\d.]+)/.exec(notes);
      if (computed !== null) {
        expectClose(`${id} p_wait (notes)`, figures.probabilityOfWait, computed[1]);
        expectClose(`${id} service_level (notes)`, figures.serviceLevel, computed[2]);
        expectClose(`${id} asa_s (notes)`, figures.asaSeconds, computed[3]);
        expectClose(`${id} occupancy (notes)`, figures.occupancy, computed[4]);
        expectClose(`${id} p_abandon (notes)`, figures.probabilityOfAbandon ?? Number.NaN, computed[5]);
      }
    },
  );
});

const checkErlangB = (id: string, row: Readonly<Record<string, string>>, notes: string, a: number): void => {
  // Notes state blocking values as "B(n,A=a)=p" or "B(n,a)=p".
  const stated = [...notes.matchAll(/B\((\d+),(?:A=)?([\d.]+)\)=([\d.]+)/g)];
  for (const [, n, load, printed] of stated) {
    expectClose(
      `${id} B(${n},${load})`,
      erlangB({ trafficErlangs: Number(load), agents: Number(n) }),
      printed,
    );
  }
  if (field(row, 'agents') !== '') {
    expect(stated.length, `${id}: notes state the blocking value`).toBeGreaterThan(0);
  }
  if (field(row, 'required_agents') !== '') {
    const targets = targetsFrom(notes);
    expect(targets.maxBlocking, `${id}: notes state the blocking target`).toBeDefined();
    const required = smallestAgentsForBlocking(a, targets.maxBlocking ?? 0);
    expect(required).toBe(num(row, 'required_agents'));
    expect(scheduledAgents(required, targets.shrinkage ?? 0)).toBe(num(row, 'scheduled_fte'));
  }
};

if (!available)
  console.warn(`Published Erlang vectors skipped: ${vectorsPath} is absent (CI always has shared/data).`);
