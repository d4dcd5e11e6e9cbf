/**
 * A discrete-event simulation of one team queue: Poisson arrivals, FIFO, `agents × concurrency`
 * chat slots, exponential or lognormal handle times. At every arrival each estimator sees the live
 * state a server would have (people waiting, free slots, recent handle times); afterwards the
 * customer's actual wait is recorded next to every estimate.
 */

export interface Scenario {
  readonly agents: number;
  readonly concurrency: number;
  /** Offered load as a share of all chat slots, e.g. 0.8. */
  readonly load: number;
  readonly handleMinutes: number;
  readonly handle: 'exponential' | 'lognormal';
  readonly arrivals: number;
  readonly warmup: number;
  readonly seed: number;
}

/** What the queue looks like to an estimator at the moment a customer arrives. */
export interface ArrivalState {
  readonly waitingAhead: number;
  readonly freeSlots: number;
  readonly agents: number;
  readonly concurrency: number;
  /** Mean of the last 50 completed handle times, or null before any completed. */
  readonly recentHandleMinutes: number | null;
  /** Completions per minute over the last 30 minutes. */
  readonly recentCompletionsPerMinute: number;
  readonly arrivalsPerMinute: number;
}

export type Estimator = (state: ArrivalState) => number | null;

export interface ScenarioResult {
  readonly customers: number;
  readonly meanWait: number;
  /** Mean absolute error per estimator, in minutes, over customers the estimator gave a number for. */
  readonly mae: Readonly<Record<string, number>>;
  /** Share of customers each estimator gave a number for. */
  readonly coverage: Readonly<Record<string, number>>;
}

/** mulberry32: small, fast and seedable, so every run of the bench prints the same table. */
export const seededRandom = (seed: number): (() => number) => {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
};

const exponential = (random: () => number, mean: number): number => -mean * Math.log(1 - random());

const standardNormal = (random: () => number): number =>
  Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());

/** Lognormal with the given mean and a coefficient of variation of 1, like real chat handle times. */
const lognormal = (random: () => number, mean: number): number => {
  const sigmaSquared = Math.log(2);
  const mu = Math.log(mean) - sigmaSquared / 2;
  return Math.exp(mu + Math.sqrt(sigmaSquared) * standardNormal(random));
};

/** Runs one scenario and scores every estimator against the waits that actually happened. */
export const simulate = (
  scenario: Scenario,
  estimators: Readonly<Record<string, Estimator>>,
): ScenarioResult => {
  const random = seededRandom(scenario.seed);
  const slots = scenario.agents * scenario.concurrency;
  const arrivalsPerMinute = (scenario.load * slots) / scenario.handleMinutes;
  const drawHandle = () =>
    scenario.handle === 'exponential'
      ? exponential(random, scenario.handleMinutes)
      : lognormal(random, scenario.handleMinutes);
  const busy: { readonly until: number; readonly handle: number }[] = [];
  const queue: { readonly arrivedAt: number; readonly estimates: Readonly<Record<string, number | null>> }[] =
    [];
  const recentHandles: number[] = [];
  const completions: number[] = [];
  const names = Object.keys(estimators);
  const errorSum: Record<string, number> = Object.fromEntries(names.map((name) => [name, 0]));
  const errorCount: Record<string, number> = Object.fromEntries(names.map((name) => [name, 0]));
  let waitSum = 0;
  let counted = 0;
  let served = 0;
  let clock = 0;
  let nextArrival = exponential(random, 1 / arrivalsPerMinute);
  let arrived = 0;

  const start = (arrivedAt: number, estimates: Readonly<Record<string, number | null>>) => {
    const handle = drawHandle();
    busy.push({ until: clock + handle, handle });
    served += 1;
    if (served <= scenario.warmup) return;
    const wait = clock - arrivedAt;
    waitSum += wait;
    counted += 1;
    for (const name of names) {
      const estimate = estimates[name];
      if (estimate === null || estimate === undefined) continue;
      errorSum[name] = (errorSum[name] ?? 0) + Math.abs(estimate - wait);
      errorCount[name] = (errorCount[name] ?? 0) + 1;
    }
  };

  while (arrived < scenario.arrivals || queue.length > 0) {
    const soonest = busy.reduce<number>(
      (best, chat, index) => ((busy[best]?.until ?? Infinity) > chat.until ? index : best),
      0,
    );
    const earliest = busy[soonest]?.until ?? Number.POSITIVE_INFINITY;
    if (arrived < scenario.arrivals && nextArrival < earliest) {
      clock = nextArrival;
      arrived += 1;
      nextArrival = clock + exponential(random, 1 / arrivalsPerMinute);
      while (completions.length > 0 && (completions[0] ?? 0) < clock - 30) completions.shift();
      // Recent handle time as a server measures it: from chats that have finished, not the true mean.
      const finished = recentHandles.slice(-50);
      const state: ArrivalState = {
        waitingAhead: queue.length,
        freeSlots: slots - busy.length,
        agents: scenario.agents,
        concurrency: scenario.concurrency,
        recentHandleMinutes:
          finished.length > 0 ? finished.reduce((a, b) => a + b, 0) / finished.length : null,
        recentCompletionsPerMinute: completions.length / 30,
        arrivalsPerMinute,
      };
      const estimates = Object.fromEntries(names.map((name) => [name, estimators[name]?.(state) ?? null]));
      if (busy.length < slots) start(clock, estimates);
      else queue.push({ arrivedAt: clock, estimates });
    } else {
      clock = earliest;
      const [finishedChat] = busy.splice(soonest, 1);
      if (finishedChat) recentHandles.push(finishedChat.handle);
      if (recentHandles.length > 200) recentHandles.splice(0, 100);
      completions.push(clock);
      const next = queue.shift();
      if (next) start(next.arrivedAt, next.estimates);
    }
  }
  return {
    customers: counted,
    meanWait: counted > 0 ? waitSum / counted : 0,
    mae: Object.fromEntries(
      names.map((name) => [name, (errorSum[name] ?? 0) / Math.max(1, errorCount[name] ?? 0)]),
    ),
    coverage: Object.fromEntries(names.map((name) => [name, (errorCount[name] ?? 0) / Math.max(1, counted)])),
  };
};
