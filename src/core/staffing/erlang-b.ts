/** Erlang B (M/M/N/N blocking) and its log form, the building block of Erlang C and Erlang A. */

export interface ErlangBInput {
  readonly trafficErlangs: number;
  readonly agents: number;
}

/** Probability that an arrival finds all `agents` busy and is lost, by the stable recursion B(n) = A·B(n−1)/(n + A·B(n−1)). */
export const erlangB = ({ trafficErlangs, agents }: ErlangBInput): number => {
  let blocking = 1;
  for (let n = 1; n <= agents; n += 1) {
    const carried = trafficErlangs * blocking;
    blocking = carried / (n + carried);
  }
  return blocking;
};

/**
 * log(1/B(n, A)) for n = 0 … maxAgents, in one pass. The inverse obeys 1/B(n) = 1 + (n/A)·1/B(n−1);
 * working with its logarithm keeps the value finite where B itself underflows (A ≪ n, n in the
 * thousands), which Erlang A needs because it multiplies B by integrals that can overflow.
 */
export const logInverseErlangBSequence = (trafficErlangs: number, maxAgents: number): Float64Array => {
  const sequence = new Float64Array(maxAgents + 1);
  const logTraffic = Math.log(trafficErlangs);
  let previous = 0;
  for (let n = 1; n <= maxAgents; n += 1) {
    const z = Math.log(n) - logTraffic + previous;
    // log(1 + e^z) without overflow for large z or loss of precision for very negative z.
    previous = z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
    sequence[n] = previous;
  }
  return sequence;
};

/** Smallest number of lines (agents) whose blocking probability is at most `maxBlocking`. */
export const smallestAgentsForBlocking = (trafficErlangs: number, maxBlocking: number): number => {
  // B(n) falls below any positive target once n passes a finite load; an infinite load never gets there.
  if (!(maxBlocking > 0) || !Number.isFinite(trafficErlangs)) return Number.POSITIVE_INFINITY;
  let blocking = 1;
  let n = 0;
  while (blocking > maxBlocking) {
    n += 1;
    const carried = trafficErlangs * blocking;
    blocking = carried / (n + carried);
  }
  return n;
};
