/**
 * A small private Erlang C for the wait estimate. The planner's full staffing maths lives in
 * src/core/staffing; this copy only needs the average speed of answer for one team right now.
 */

/** Probability that an arrival waits, for `servers` slots offered `trafficErlangs` of work (M/M/c). */
export const erlangCProbabilityOfWait = (trafficErlangs: number, servers: number): number => {
  if (servers <= 0) return 1;
  if (trafficErlangs <= 0) return 0;
  if (trafficErlangs >= servers) return 1;
  // Erlang B by its stable recurrence, then C from B.
  let erlangB = 1;
  for (let k = 1; k <= servers; k += 1) {
    erlangB = (trafficErlangs * erlangB) / (k + trafficErlangs * erlangB);
  }
  const occupancy = trafficErlangs / servers;
  return erlangB / (1 - occupancy * (1 - erlangB));
};

/** Average wait (same unit as `handleTime`) of all arrivals, or null when the queue is unstable. */
export const erlangCAverageWait = (
  trafficErlangs: number,
  servers: number,
  handleTime: number,
): number | null => {
  if (trafficErlangs >= servers) return null;
  return (erlangCProbabilityOfWait(trafficErlangs, servers) * handleTime) / (servers - trafficErlangs);
};
