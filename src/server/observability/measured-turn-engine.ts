/**
 * Wraps the turn engine to time each AI turn by outcome and to count the account lookups it made
 * (by integration and status), without the AI turn or the integrations knowing about Prometheus.
 */
import type { TurnEngine } from '../../app/turn-engine.ts';
import type { OperationalMetrics } from './operational-metrics.ts';

export const measureTurnEngine = (engine: TurnEngine, metrics: OperationalMetrics): TurnEngine => ({
  async run(input) {
    const stop = metrics.aiTurnDuration.startTimer();
    let outcome: Awaited<ReturnType<TurnEngine['run']>>;
    try {
      outcome = await engine.run(input);
    } catch (error) {
      stop({ outcome: 'failed' });
      throw error;
    }
    stop({ outcome: outcome.kind });
    for (const lookup of outcome.lookups ?? []) {
      metrics.integrationCallDuration.observe(
        { integration: lookup.name, status: lookup.status },
        lookup.latencyMs / 1000,
      );
    }
    return outcome;
  },
});
