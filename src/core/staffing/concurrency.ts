/**
 * Chat concurrency. An agent carrying C chats at once does not answer C times as fast: each extra
 * chat adds only part of a chat's worth of throughput (attention switches, slower replies). We model
 * it as an effective concurrency 1 + (C − 1)·efficiency and divide the handle time by it, so the
 * queue is still N single-server agents but with a shorter effective handle time. With the default
 * efficiency 0.5, two chats at once give 1.5× the throughput of one and three give 2×.
 */
export const defaultConcurrencyEfficiency = 0.5;

/** How many chats' worth of throughput one agent delivers when carrying `concurrency` chats at once. */
export const effectiveConcurrency = (
  concurrency: number,
  efficiency = defaultConcurrencyEfficiency,
): number => 1 + Math.max(0, concurrency - 1) * efficiency;

/** Handle time per conversation as the queue sees it once concurrency is taken into account. */
export const effectiveHandleSeconds = (
  ahtSeconds: number,
  concurrency: number,
  efficiency = defaultConcurrencyEfficiency,
): number => ahtSeconds / effectiveConcurrency(concurrency, efficiency);

/** Offered load in Erlangs: arrivals in the interval × handle time ÷ interval length. */
export const trafficErlangs = (arrivals: number, intervalSeconds: number, ahtSeconds: number): number =>
  (arrivals * ahtSeconds) / intervalSeconds;

/**
 * People to schedule so that `agents` are on the floor after shrinkage (breaks, training, absence).
 * The small allowance stops 14 ÷ 0.7 = 20.000000000000004 from rounding up to 21.
 */
export const scheduledAgents = (agents: number, shrinkage: number): number =>
  Math.ceil(agents / (1 - shrinkage) - 1e-9);
