// Times the staffing core at N = 10,000 agents and the planner on the 100-agent scenario.
// Run: npx tsx bench/erlang/run.ts — prints medians; never a timed assertion in tests.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  erlangA,
  erlangB,
  erlangC,
  parsePlanInput,
  planStaffing,
  smallestAgents,
} from '../../src/core/staffing/index.ts';

const median = (run: () => unknown, repeats = 51): number => {
  for (let i = 0; i < 5; i += 1) run(); // warm up the JIT
  const times: number[] = [];
  for (let i = 0; i < repeats; i += 1) {
    const start = performance.now();
    run();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] ?? Number.NaN;
};

const interval = { ahtSeconds: 300, targetSeconds: 20 };
const cases: [string, () => unknown][] = [
  ['erlangB  N=10,000 A=9,800', () => erlangB({ trafficErlangs: 9_800, agents: 10_000 })],
  ['erlangC  N=10,000 A=9,800', () => erlangC({ ...interval, trafficErlangs: 9_800, agents: 10_000 })],
  [
    'erlangA  N=10,000 A=9,800 patience 120 s',
    () => erlangA({ ...interval, trafficErlangs: 9_800, agents: 10_000, patienceSeconds: 120 }),
  ],
  [
    'erlangA  N=10,000 A=12,000 (overloaded)',
    () => erlangA({ ...interval, trafficErlangs: 12_000, agents: 10_000, patienceSeconds: 120 }),
  ],
  [
    'smallestAgents Erlang C, A=9,800, 80/20',
    () => smallestAgents({ ...interval, trafficErlangs: 9_800, serviceLevel: 0.8 }),
  ],
  [
    'smallestAgents Erlang A, A=9,800, 80/20',
    () => smallestAgents({ ...interval, trafficErlangs: 9_800, serviceLevel: 0.8, patienceSeconds: 120 }),
  ],
];
const scenario = fileURLToPath(new URL('../../examples/plan/large-team-100-agents.json', import.meta.url));
const input: unknown = JSON.parse(readFileSync(scenario, 'utf8'));
cases.push([
  'planStaffing 100-agent scenario (incl. reference check)',
  () => planStaffing(parsePlanInput(input)),
]);

for (const [name, run] of cases) {
  console.log(`${name.padEnd(58)} ${median(run).toFixed(3)} ms`);
}
