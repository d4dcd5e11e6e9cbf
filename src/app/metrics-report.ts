/** The SPEC §9 report as staff read it (GET /api/metrics, `baton metrics`): current facts, SQL aggregates. */

import { canReadMetrics } from '../core/auth/permissions.ts';
import { DomainError } from '../core/errors.ts';
import { type MetricsFilter, type MetricsReport, metricSettingsFrom } from '../core/metrics/index.ts';
import type { Agent } from '../core/model.ts';
import type { Store } from '../core/ports/store.ts';
import { refreshConversationFacts, workspaceMetricsSettings } from './conversation-facts.ts';

/**
 * The report over the workspace's conversations that `filter` selects, as of `asOf`. Facts of
 * conversations whose events changed since the last refresh are derived first, so it counts
 * everything written before the call.
 */
export const workspaceMetrics = async (
  store: Store,
  workspaceId: string,
  filter: MetricsFilter,
  asOf: Date,
): Promise<MetricsReport> => {
  await refreshConversationFacts(store, workspaceId);
  const settings = metricSettingsFrom(await workspaceMetricsSettings(store, workspaceId), asOf);
  return store.metrics.report(workspaceId, settings, filter);
};

/** The same report for a signed-in agent, who must be ops, admin or QA. */
export const metricsForAgent = (
  store: Store,
  agent: Agent,
  filter: MetricsFilter,
  asOf: Date,
): Promise<MetricsReport> => {
  if (!canReadMetrics(agent)) {
    throw new DomainError(
      'forbidden',
      'Only ops, admins and QA can read the metrics. Ask an admin for access.',
    );
  }
  return workspaceMetrics(store, agent.workspaceId, filter, asOf);
};
