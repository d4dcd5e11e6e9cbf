/**
 * Wraps the turn engine to time each AI turn by outcome and to count the calls it made — account
 * lookups and the AI model provider — by integration and status, and the provider's faults by kind,
 * without the AI turn, the answerer or the integrations knowing about Prometheus.
 */
import { providerCallOf } from '../../app/ops/integration-health-view.ts';
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
    countProviderCall(outcome.trace, metrics);
    return outcome;
  },
});

/** The turn's model call (none for the embedded answerer or when the policy decided first). */
const countProviderCall = (trace: Readonly<Record<string, unknown>>, metrics: OperationalMetrics): void => {
  const call = providerCallOf({ trace }, new Date());
  if (!call) return;
  metrics.integrationCallDuration.observe(
    { integration: call.name, status: call.status },
    call.latencyMs / 1000,
  );
  const fault = call.error?.split(':')[0];
  if (call.status !== 'ok' && fault) {
    metrics.aiProviderErrors.inc({ model: call.name.slice('ai: '.length), fault });
  }
};
