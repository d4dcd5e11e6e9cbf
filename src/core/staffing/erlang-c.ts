import { erlangB } from './erlang-b.ts';

export interface ErlangCInput {
  readonly trafficErlangs: number;
  readonly agents: number;
  readonly ahtSeconds: number;
  readonly targetSeconds: number;
}

/** What one interval looks like to customers and agents. Infinite ASA means the queue never empties. */
export interface QueueFigures {
  readonly probabilityOfWait: number;
  readonly serviceLevel: number;
  readonly asaSeconds: number;
  readonly occupancy: number;
}

/** Erlang C figures from a known Erlang B value; shared by `erlangC` and the agent search, which walks B upward. */
export const erlangCFromBlocking = (input: ErlangCInput, blocking: number): QueueFigures => {
  const { trafficErlangs: a, agents: n, ahtSeconds, targetSeconds } = input;
  if (n <= a) {
    // Offered work exceeds capacity: without abandonment the queue grows without bound.
    return { probabilityOfWait: 1, serviceLevel: 0, asaSeconds: Number.POSITIVE_INFINITY, occupancy: 1 };
  }
  const probabilityOfWait = (n * blocking) / (n - a * (1 - blocking));
  const serviceLevel = 1 - probabilityOfWait * Math.exp((-(n - a) * targetSeconds) / ahtSeconds);
  const asaSeconds = (probabilityOfWait * ahtSeconds) / (n - a);
  return { probabilityOfWait, serviceLevel, asaSeconds, occupancy: a / n };
};

/** Erlang C (M/M/N, infinitely patient customers): probability of wait, service level within the target, ASA and occupancy. */
export const erlangC = (input: ErlangCInput): QueueFigures =>
  erlangCFromBlocking(input, erlangB({ trafficErlangs: input.trafficErlangs, agents: input.agents }));
