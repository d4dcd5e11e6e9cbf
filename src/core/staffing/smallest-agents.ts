import { DomainError } from '../errors.ts';
import { type ErlangAFigures, erlangAFromLogInverseBlocking } from './erlang-a.ts';
import { logInverseErlangBSequence } from './erlang-b.ts';
import { erlangCFromBlocking, type QueueFigures } from './erlang-c.ts';

export interface StaffingTarget {
  readonly trafficErlangs: number;
  readonly ahtSeconds: number;
  readonly targetSeconds: number;
  /** Share of offered contacts to answer within `targetSeconds`, e.g. 0.8. */
  readonly serviceLevel: number;
  /** Highest acceptable share of agents' time spent handling, e.g. 0.85. */
  readonly maxOccupancy?: number;
  /** Erlang A when set: mean patience of waiting customers. */
  readonly patienceSeconds?: number;
  /** Erlang A only: highest acceptable share of abandoned contacts. */
  readonly maxAbandon?: number;
}

export type StaffingResult =
  | { readonly kind: 'erlangC'; readonly agents: number; readonly figures: QueueFigures }
  | { readonly kind: 'erlangA'; readonly agents: number; readonly figures: ErlangAFigures };

const meets = (target: StaffingTarget, figures: QueueFigures | ErlangAFigures): boolean =>
  figures.serviceLevel >= target.serviceLevel &&
  figures.occupancy <= (target.maxOccupancy ?? 1) &&
  (!('probabilityOfAbandon' in figures) || figures.probabilityOfAbandon <= (target.maxAbandon ?? 1));

/**
 * The search walks N upward from 1, so its time grows with the load: a bound keeps an absurd input
 * (1e12 calls in an interval) from holding the process for hours. A million Erlangs is a million
 * agents' worth of work in one interval, far beyond any contact centre.
 */
export const maxTrafficErlangs = 1_000_000;
const maxSearchAgents = 10_000_000;

const noTeamFound = () =>
  new DomainError('invalid_input', `No team of up to ${maxSearchAgents} agents meets these targets.`);

/** Smallest number of agents that meets the service level, the occupancy cap and (Erlang A) the abandonment cap. */
export const smallestAgents = (target: StaffingTarget): StaffingResult => {
  if (!Number.isFinite(target.trafficErlangs) || target.trafficErlangs > maxTrafficErlangs) {
    throw new DomainError(
      'invalid_input',
      `The load is ${target.trafficErlangs} Erlangs (agents' worth of work) in one interval; the most Baton computes is ${maxTrafficErlangs}. Check the volume and handle time.`,
    );
  }
  if (!(target.serviceLevel < 1) || (target.maxOccupancy ?? 1) <= 0 || (target.maxAbandon ?? 1) <= 0) {
    // A service level of 100% or a zero cap is never met by any finite team.
    throw new DomainError(
      'invalid_input',
      'Service level must be below 1 and the occupancy and abandonment caps above 0: no finite team meets them.',
    );
  }
  if (target.trafficErlangs <= 0) {
    const figures = { probabilityOfWait: 0, serviceLevel: 1, asaSeconds: 0, occupancy: 0 };
    return target.patienceSeconds === undefined
      ? { kind: 'erlangC', agents: 0, figures }
      : { kind: 'erlangA', agents: 0, figures: { ...figures, probabilityOfAbandon: 0 } };
  }
  return target.patienceSeconds === undefined
    ? smallestErlangC(target)
    : smallestErlangA(target, target.patienceSeconds);
};

/** Walks N upward, carrying B(N) along, from the first N that can be stable: O(N) for the whole search. */
const smallestErlangC = (target: StaffingTarget): StaffingResult => {
  const a = target.trafficErlangs;
  const figuresAt = (agents: number, blocking: number): QueueFigures =>
    erlangCFromBlocking({ ...target, agents }, blocking);
  let blocking = 1;
  for (let n = 1; n <= maxSearchAgents; n += 1) {
    blocking = (a * blocking) / (n + a * blocking);
    // Below the load the queue is unstable, and above the occupancy cap no figure can pass: skip
    // building figures there (most of the walk for large teams).
    if (n <= a || a / n > (target.maxOccupancy ?? 1)) continue;
    const figures = figuresAt(n, blocking);
    if (meets(target, figures)) return { kind: 'erlangC', agents: n, figures };
  }
  throw noTeamFound();
};

/**
 * Erlang A may need fewer agents than the load (impatient customers leave), so search from 1:
 * double until the targets are met, then bisect. Every figure is monotone in N, so bisection is exact.
 */
const smallestErlangA = (target: StaffingTarget, patienceSeconds: number): StaffingResult => {
  let logInverse = logInverseErlangBSequence(target.trafficErlangs, 1);
  const figuresAt = (agents: number): ErlangAFigures => {
    if (logInverse.length < agents) {
      logInverse = logInverseErlangBSequence(target.trafficErlangs, 2 * agents);
    }
    return erlangAFromLogInverseBlocking({ ...target, agents, patienceSeconds }, logInverse[agents - 1] ?? 0);
  };
  let low = 0; // fails (or is zero agents)
  let high = 1;
  let highFigures = figuresAt(high);
  while (!meets(target, highFigures)) {
    if (high > maxSearchAgents) throw noTeamFound();
    low = high;
    high *= 2;
    highFigures = figuresAt(high);
  }
  while (high - low > 1) {
    const mid = Math.floor((low + high) / 2);
    const figures = figuresAt(mid);
    if (meets(target, figures)) {
      high = mid;
      highFigures = figures;
    } else {
      low = mid;
    }
  }
  return { kind: 'erlangA', agents: high, figures: highFigures };
};
