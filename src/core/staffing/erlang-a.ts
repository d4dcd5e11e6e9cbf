import { logInverseErlangBSequence } from './erlang-b.ts';
import type { QueueFigures } from './erlang-c.ts';
import { integrate, visitNodes } from './quadrature.ts';

export interface ErlangAInput {
  readonly trafficErlangs: number;
  readonly agents: number;
  readonly ahtSeconds: number;
  readonly targetSeconds: number;
  /** Mean time a customer is willing to wait (exponential patience). */
  readonly patienceSeconds: number;
}

export interface ErlangAFigures extends QueueFigures {
  readonly probabilityOfAbandon: number;
}

/** Integrand below this many e-folds under its peak is dropped: e^−60 ≈ 1e−26, far under double precision. */
const dropBelow = 60;

/**
 * Erlang A (M/M/N+M): exponential service and exponential patience. Service level counts customers
 * answered within the target over all offered; ASA is the mean wait of everyone offered (answered or
 * abandoned), which is what Little's law gives from the mean queue length.
 */
export const erlangA = (input: ErlangAInput): ErlangAFigures =>
  erlangAFromLogInverseBlocking(
    input,
    logInverseErlangBSequence(input.trafficErlangs, Math.max(0, input.agents - 1))[input.agents - 1] ?? 0,
  );

/**
 * Erlang A given log(1/B(N−1, A)). Works in units of one handle time. The offered wait V (time to
 * reach an agent if the customer never gave up) has mass 1 − P(wait) at 0 and, by level crossing,
 * density A·π(N−1)·exp(φ(x)) above it, with φ(x) = A(1 − e^{−rx})/r − N·x and r = AHT/patience.
 * Every figure is an integral of that density, computed relative to its peak so nothing overflows.
 */
export const erlangAFromLogInverseBlocking = (
  input: ErlangAInput,
  logInverseBlocking: number,
): ErlangAFigures => {
  const { trafficErlangs: a, agents: n, ahtSeconds, targetSeconds, patienceSeconds } = input;
  const r = ahtSeconds / patienceSeconds;
  const target = targetSeconds / ahtSeconds;
  const patienceShare = (x: number): number => -Math.expm1(-r * x); // P(patience ≤ x)
  const phi = (x: number): number => (a * patienceShare(x)) / r - n * x;

  const peakAt = a > n ? Math.log(a / n) / r : 0;
  const peak = phi(peakAt);
  const density = (x: number): number => Math.exp(phi(x) - peak);
  const from = peakAt > 0 && phi(0) - peak < -dropBelow ? solveDrop(phi, peak, peakAt, 0) : 0;
  const to = solveDrop(phi, peak, peakAt, Number.POSITIVE_INFINITY);

  // One pass over the nodes for the three integrals over the whole density.
  let mass = 0;
  let abandonMass = 0;
  let waitMass = 0;
  const accumulate = (x: number, weight: number): void => {
    const d = density(x) * weight;
    const gaveUp = patienceShare(x);
    mass += d;
    abandonMass += d * gaveUp;
    waitMass += (d * gaveUp) / r;
  };
  visitNodes(from, peakAt, accumulate);
  visitNodes(peakAt, to, accumulate);
  const answeredInTarget = integrateSplit(
    (x) => density(x) * Math.exp(-r * x),
    Math.min(from, target),
    Math.min(peakAt, target),
    Math.min(to, target),
  );

  // π(N−1)·e^{peak}·A, normalised: mass below N is π(N−1)/B(N−1); mass at or above N is A·π(N−1)·∫e^φ.
  const logQueued = Math.log(a) + peak + Math.log(mass);
  const logNormaliser = logAddExp(logInverseBlocking, logQueued);
  const scale = Math.exp(Math.log(a) + peak - logNormaliser);
  const probabilityOfWait = Math.exp(logQueued - logNormaliser);
  const probabilityOfAbandon = scale * abandonMass;
  return {
    probabilityOfWait,
    probabilityOfAbandon,
    serviceLevel: 1 - probabilityOfWait + scale * answeredInTarget,
    asaSeconds: scale * waitMass * ahtSeconds,
    occupancy: Math.min(1, (a * (1 - probabilityOfAbandon)) / n),
  };
};

const integrateSplit = (f: (x: number) => number, from: number, middle: number, to: number): number =>
  integrate(f, from, middle) + integrate(f, middle, to);

const logAddExp = (x: number, y: number): number => {
  const high = Math.max(x, y);
  return high + Math.log(Math.exp(x - high) + Math.exp(y - high));
};

/** The point between the peak and `toward` (0 or +∞) where the concave φ has fallen `dropBelow` under its peak. */
const solveDrop = (phi: (x: number) => number, peak: number, peakAt: number, toward: number): number => {
  const below = (x: number): boolean => phi(x) - peak < -dropBelow;
  let inside = peakAt;
  let outside: number;
  if (Number.isFinite(toward)) {
    outside = toward;
  } else {
    let step = 1;
    outside = peakAt + step;
    while (!below(outside)) {
      inside = outside;
      step *= 2;
      outside = peakAt + step;
    }
  }
  for (let i = 0; i < 200 && Math.abs(outside - inside) > 1e-12 * Math.max(1, Math.abs(inside)); i += 1) {
    const mid = 0.5 * (inside + outside);
    if (below(mid)) outside = mid;
    else inside = mid;
  }
  return outside;
};
