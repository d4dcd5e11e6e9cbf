/** Integration health for ops (SPEC §1, issue 4): the last hour's account lookups, per integration. */

import { integrationHealth } from '../../adapters/integrations/integration-health.ts';
import type { IntegrationsHealthResponse } from '../../api/ops-schemas.ts';
import type { LookupOutcome } from '../../core/handoff/index.ts';
import type { Store } from '../../core/ports/store.ts';

const WINDOW_MS = 3_600_000;

/** A recorded `lookup_completed` event's data as a lookup outcome; null when it is not one. */
const outcomeOf = (data: Readonly<Record<string, unknown>>, at: Date): LookupOutcome | null => {
  const { name, status, latencyMs, error } = data;
  if (typeof name !== 'string' || typeof latencyMs !== 'number') return null;
  if (status !== 'ok' && status !== 'failed' && status !== 'timeout') return null;
  return {
    name,
    label: typeof data.label === 'string' ? data.label : name,
    inputs: {},
    status,
    fields: [],
    error: typeof error === 'string' ? error : null,
    latencyMs,
    // The lookup's own finish time when recorded, else the time the event was stored.
    at: typeof data.at === 'string' ? data.at : at.toISOString(),
  };
};

/** Calls, failures, time-outs, error rate, latency p50/p95 and the last error per integration, last hour. */
export const integrationsHealth = async (
  store: Store,
  workspaceId: string,
  now: Date,
): Promise<IntegrationsHealthResponse> => {
  const since = new Date(now.getTime() - WINDOW_MS);
  const events = await store.events.listByType(workspaceId, ['lookup_completed'], since);
  const outcomes = events.flatMap((event) => outcomeOf(event.data, event.at) ?? []);
  return {
    since: since.toISOString(),
    windowMinutes: WINDOW_MS / 60_000,
    integrations: integrationHealth(outcomes, now, WINDOW_MS).map((health) => ({ ...health })),
  };
};
