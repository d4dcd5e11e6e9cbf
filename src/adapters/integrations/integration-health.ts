/**
 * Integration health for ops (SPEC §1, issue 4): per integration, how many calls in the last hour,
 * how many failed or timed out, and latency p50 / p95. Pure: outcomes and the instant are passed in.
 */
import type { LookupOutcome } from '../../core/handoff/lookup-outcome.ts';

export interface IntegrationHealth {
  readonly name: string;
  readonly calls: number;
  readonly failures: number;
  readonly timeouts: number;
  /** (failures + timeouts) ÷ calls, 0 when there were no calls. */
  readonly errorRate: number;
  readonly latencyP50Ms: number | null;
  readonly latencyP95Ms: number | null;
  readonly lastError: string | null;
}

/** Nearest-rank percentile of an ascending list. */
const percentile = (sorted: readonly number[], p: number): number | null => {
  if (sorted.length === 0) return null;
  const rank = Math.max(1, Math.ceil(p * sorted.length));
  return sorted[rank - 1] ?? null;
};

/** Health per integration over the window before `now` (one hour by default); outcomes without `at` are skipped. */
export const integrationHealth = (
  outcomes: readonly LookupOutcome[],
  now: Date,
  windowMs = 3_600_000,
): readonly IntegrationHealth[] => {
  const from = now.getTime() - windowMs;
  const byName = new Map<string, LookupOutcome[]>();
  for (const outcome of outcomes) {
    const at = outcome.at ? Date.parse(outcome.at) : Number.NaN;
    if (!(at > from && at <= now.getTime())) continue;
    byName.set(outcome.name, [...(byName.get(outcome.name) ?? []), outcome]);
  }
  return [...byName.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, calls]) => {
      const latencies = calls.map((call) => call.latencyMs).sort((a, b) => a - b);
      const failures = calls.filter((call) => call.status === 'failed').length;
      const timeouts = calls.filter((call) => call.status === 'timeout').length;
      const lastFailed = [...calls]
        .filter((call) => call.status !== 'ok')
        .sort((a, b) => (a.at ?? '').localeCompare(b.at ?? ''))
        .pop();
      return {
        name,
        calls: calls.length,
        failures,
        timeouts,
        errorRate: (failures + timeouts) / calls.length,
        latencyP50Ms: percentile(latencies, 0.5),
        latencyP95Ms: percentile(latencies, 0.95),
        lastError: lastFailed?.error ?? null,
      };
    });
};
