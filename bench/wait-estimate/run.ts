/**
 * bench/wait-estimate: how far is the wait we promise from the wait customers actually get?
 * Runs seeded simulations across team sizes, chat concurrency, loads and handle-time shapes and
 * prints the mean absolute error (minutes, and relative to the mean wait) of Baton's estimate next
 * to baselines fed the same live state. Run: npx tsx bench/wait-estimate/run.ts [--arrivals N]
 */
import { erlangC } from '../../src/core/staffing/index.ts';
import { estimateWait, type WaitEstimate } from '../../src/core/wait/index.ts';
import { type ArrivalState, type Estimator, type Scenario, simulate } from './simulate.ts';

const arrivalsFlag = process.argv.indexOf('--arrivals');
const arrivals = arrivalsFlag > 0 ? Number(process.argv[arrivalsFlag + 1]) : 20_000;
const now = new Date('2025-03-05T10:00:00Z');

const minutesOf = (estimate: WaitEstimate, rounded: boolean): number | null => {
  if (estimate.kind === 'immediate') return 0;
  if (estimate.kind === 'estimate') return rounded ? estimate.minutes : estimate.rawMinutes;
  return null;
};

const baton =
  (rounded: boolean, occupancyKnown: boolean): Estimator =>
  (state: ArrivalState) =>
    minutesOf(
      estimateWait({
        queue: {
          waitingAhead: state.waitingAhead,
          agentsOnShift: state.agents,
          concurrency: state.concurrency,
          freeSlots: occupancyKnown ? state.freeSlots : null,
          recentHandleMinutes: state.recentHandleMinutes,
          recentCompletionsPerMinute: state.recentCompletionsPerMinute,
          arrivalsPerMinute: occupancyKnown ? null : state.arrivalsPerMinute,
        },
        businessHours: null,
        now,
      }),
      rounded,
    );

const estimators: Record<string, Estimator> = {
  baton: baton(false, true),
  promised: baton(true, true),
  noOccupancy: baton(false, false),
  // Not shipped: the queue-length predictor aimed at the median wait, (position + 2/3) ÷ rate, which is
  // what minimises absolute error when waits are Gamma-shaped. Here to show what MAE the mean costs.
  medianAimed: (state) => {
    const mean = baton(false, true)(state);
    const ahead = state.waitingAhead - state.freeSlots;
    return mean === null || mean === 0 || ahead < 0 ? mean : (mean * (ahead + 2 / 3)) / (ahead + 1);
  },
  // The baseline the issue names: people waiting × average handle time ÷ agents.
  naive: (state) =>
    state.recentHandleMinutes === null
      ? null
      : (state.waitingAhead * state.recentHandleMinutes) / state.agents,
  // The planner's figure: one Erlang C average for everybody, ignoring the live queue.
  staticErlangC: (state) => {
    if (state.recentHandleMinutes === null) return null;
    const slots = state.agents * state.concurrency;
    const figures = erlangC({
      trafficErlangs: state.arrivalsPerMinute * state.recentHandleMinutes,
      agents: slots,
      ahtSeconds: state.recentHandleMinutes * 60,
      targetSeconds: 0,
    });
    return Number.isFinite(figures.asaSeconds) ? figures.asaSeconds / 60 : null;
  },
};

const scenarios: Scenario[] = [];
let seed = 1;
for (const handle of ['exponential', 'lognormal'] as const) {
  for (const agents of [1, 3, 8, 20]) {
    for (const concurrency of handle === 'exponential' ? [1, 3] : [1, 2]) {
      for (const load of [0.5, 0.8, 0.95]) {
        scenarios.push({
          agents,
          concurrency,
          load,
          handleMinutes: 8,
          handle,
          arrivals,
          warmup: 1_000,
          seed,
        });
        seed += 1;
      }
    }
  }
}

const f = (value: number | undefined, digits = 2): string =>
  value === undefined ? '–' : value.toFixed(digits);
const started = performance.now();
const header =
  '| handle | agents | chats/agent | load | customers | mean wait (min) | Baton MAE | Baton rel. | promised (rounded) MAE | median-aimed MAE | naive MAE | naive rel. | Baton w/o occupancy (Erlang C at empty queue) MAE | static Erlang C MAE |';
console.log(header);
console.log(
  `|${header
    .split('|')
    .slice(1, -1)
    .map(() => '---')
    .join('|')}|`,
);
const relative = { baton: [] as number[], naive: [] as number[] };
let batonWins = 0;
for (const scenario of scenarios) {
  const result = simulate(scenario, estimators);
  const rel = (name: string) => (result.meanWait > 0 ? (result.mae[name] ?? 0) / result.meanWait : 0);
  relative.baton.push(rel('baton'));
  relative.naive.push(rel('naive'));
  if ((result.mae.baton ?? 0) < (result.mae.naive ?? 0)) batonWins += 1;
  console.log(
    `| ${scenario.handle} | ${scenario.agents} | ${scenario.concurrency} | ${scenario.load} | ${result.customers} | ${f(result.meanWait)} | ${f(result.mae.baton)} | ${f(rel('baton'))} | ${f(result.mae.promised)} | ${f(result.mae.medianAimed)} | ${f(result.mae.naive)} | ${f(rel('naive'))} | ${f(result.mae.noOccupancy)} | ${f(result.mae.staticErlangC)} |`,
  );
}
const mean = (values: readonly number[]) => values.reduce((a, b) => a + b, 0) / Math.max(1, values.length);
console.log(
  `\n${scenarios.length} scenarios, ${arrivals} arrivals each (first 1,000 served are warm-up), handle mean 8 min.`,
);
console.log(
  `Mean relative MAE: Baton ${f(mean(relative.baton))}, naive ${f(mean(relative.naive))}; Baton better in ${batonWins}/${scenarios.length} scenarios.`,
);
console.log(`Run time ${((performance.now() - started) / 1000).toFixed(1)} s.`);
