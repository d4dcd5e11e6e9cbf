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

const record = (value: unknown): Readonly<Record<string, unknown>> | null =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? { ...value } : null;

/**
 * The AI provider's call in a `decision_made` event, as an outcome named `ai: <model>` (issue 11):
 * the model is an integration like any other for ops. Turns the embedded answerer drafted, or
 * where no model was asked, are not provider calls.
 */
export const providerCallOf = (data: Readonly<Record<string, unknown>>, at: Date): LookupOutcome | null => {
  const answerer = record(record(data.trace)?.answerer);
  const usage = record(answerer?.usage);
  if (!answerer || !usage || typeof usage.model !== 'string' || usage.model === 'embedded') return null;
  if (usage.requests === 0 && answerer.fault === null) return null;
  const fault = typeof answerer.fault === 'string' ? answerer.fault : null;
  const retrieval = record(record(data.trace)?.retrieval);
  return {
    name: `ai: ${usage.model}`,
    label: 'the AI model',
    inputs: {},
    status: fault === null ? 'ok' : fault === 'timeout' ? 'timeout' : 'failed',
    fields: [],
    error: fault === null ? null : `${fault}: ${typeof retrieval?.error === 'string' ? retrieval.error : ''}`,
    latencyMs: typeof usage.latencyMs === 'number' ? usage.latencyMs : 0,
    at: at.toISOString(),
  };
};

/** Calls, failures, time-outs, error rate, latency p50/p95 and the last error per integration, last hour. */
export const integrationsHealth = async (
  store: Store,
  workspaceId: string,
  now: Date,
): Promise<IntegrationsHealthResponse> => {
  const since = new Date(now.getTime() - WINDOW_MS);
  const events = await store.events.listByType(workspaceId, ['lookup_completed', 'decision_made'], since);
  const outcomes = events.flatMap((event) =>
    event.type === 'decision_made'
      ? (providerCallOf(event.data, event.at) ?? [])
      : (outcomeOf(event.data, event.at) ?? []),
  );
  return {
    since: since.toISOString(),
    windowMinutes: WINDOW_MS / 60_000,
    integrations: integrationHealth(outcomes, now, WINDOW_MS).map((health) => ({ ...health })),
  };
};
