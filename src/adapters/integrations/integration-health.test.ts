import { describe, expect, it } from 'vitest';
import type { LookupOutcome } from '../../core/handoff/lookup-outcome.ts';
import { integrationHealth } from './integration-health.ts';

const now = new Date('2025-03-05T10:00:00Z');
const outcome = (
  name: string,
  minutesAgo: number,
  latencyMs: number,
  status: LookupOutcome['status'] = 'ok',
) => ({
  name,
  label: name,
  inputs: {},
  status,
  fields: [],
  error: status === 'ok' ? null : `${status} ${minutesAgo}`,
  latencyMs,
  at: new Date(now.getTime() - minutesAgo * 60_000).toISOString(),
});

describe('integrationHealth', () => {
  it('reports calls, error rate, p50 and p95 latency over the last hour', () => {
    const outcomes = [
      ...Array.from({ length: 18 }, (_, i) => outcome('payments', i + 1, 100 + i)),
      outcome('payments', 30, 3000, 'timeout'),
      outcome('payments', 5, 40, 'failed'),
    ];
    const [payments] = integrationHealth(outcomes, now);
    expect(payments).toMatchObject({ name: 'payments', calls: 20, failures: 1, timeouts: 1, errorRate: 0.1 });
    expect(payments?.latencyP50Ms).toBe(108);
    expect(payments?.latencyP95Ms).toBe(117);
    expect(payments?.lastError).toBe('failed 5');
  });

  it('leaves out calls older than the window', () => {
    const health = integrationHealth([outcome('orders', 61, 10, 'failed'), outcome('orders', 59, 20)], now);
    expect(health).toEqual([
      expect.objectContaining({ name: 'orders', calls: 1, errorRate: 0, latencyP50Ms: 20, lastError: null }),
    ]);
  });

  it('is empty when nothing ran', () => {
    expect(integrationHealth([], now)).toEqual([]);
  });
});
