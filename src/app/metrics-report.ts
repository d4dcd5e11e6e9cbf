/** The SPEC §9 report as staff read it (GET /api/metrics, `baton metrics`): current facts, SQL aggregates. */

import { canReadMetrics } from '../core/auth/permissions.ts';
import { DomainError } from '../core/errors.ts';
import { type MetricsFilter, type MetricsReport, metricSettingsFrom } from '../core/metrics/index.ts';
import { type MetricsGrouping, metricsPeriods } from '../core/metrics/metrics-groups.ts';
import type { Agent } from '../core/model.ts';
import type { Store } from '../core/ports/store.ts';
import {
  HTTP_REFRESH_BUDGET,
  type RefreshBudget,
  refreshConversationFacts,
  workspaceMetricsSettings,
} from './conversation-facts.ts';

/**
 * The report over the workspace's conversations that `filter` selects, as of `asOf`. Facts of
 * conversations whose events changed since the last refresh are derived first, so it counts
 * everything written before the call (within `budget`, when one is given).
 */
export const workspaceMetrics = async (
  store: Store,
  workspaceId: string,
  filter: MetricsFilter,
  asOf: Date,
  budget: RefreshBudget = {},
): Promise<MetricsReport> => {
  await refreshConversationFacts(store, workspaceId, budget);
  const settings = metricSettingsFrom(await workspaceMetricsSettings(store, workspaceId), asOf);
  return store.metrics.report(workspaceId, settings, filter);
};

/**
 * The same report for a signed-in agent, who must be ops, admin or QA, counted within the HTTP
 * budget; `recounting` is how many conversations still wait to be counted (their figures are the
 * earlier ones until then).
 */
export const metricsForAgent = async (
  store: Store,
  agent: Agent,
  filter: MetricsFilter,
  asOf: Date,
): Promise<{ readonly report: MetricsReport; readonly recounting: number }> => {
  if (!canReadMetrics(agent)) {
    throw new DomainError(
      'forbidden',
      'Only ops, admins and QA can read the metrics. Ask an admin for access.',
    );
  }
  const report = await workspaceMetrics(store, agent.workspaceId, filter, asOf, HTTP_REFRESH_BUDGET);
  return { report, recounting: await store.metrics.staleCount(agent.workspaceId) };
};

/**
 * The report per group of `by`: per day or ISO week of the filter's window, or per category or team
 * (the workspace's teams; the categories its teams own and any the AI gave a conversation in the window).
 */
export const workspaceMetricsBy = async (
  store: Store,
  workspaceId: string,
  filter: MetricsFilter & { readonly from: Date; readonly to: Date },
  asOf: Date,
  by: MetricsGrouping,
): Promise<{ readonly group: string; readonly report: MetricsReport }[]> => {
  // One after the other: each report first refreshes stale facts in its own transaction.
  const reportsOf = async (groups: readonly { group: string; narrowed: MetricsFilter }[]) => {
    const reports: { group: string; report: MetricsReport }[] = [];
    for (const { group, narrowed } of groups) {
      reports.push({
        group,
        report: await workspaceMetrics(store, workspaceId, { ...filter, ...narrowed }, asOf),
      });
    }
    return reports;
  };
  if (by === 'day' || by === 'week') {
    const periods = metricsPeriods(filter.from, filter.to, by);
    return reportsOf(periods.map((p) => ({ group: p.key, narrowed: { from: p.from, to: p.to } })));
  }
  const teams = await store.teams.list(workspaceId);
  if (by === 'team')
    return reportsOf(teams.map((team) => ({ group: team.key, narrowed: { teamKey: team.key } })));
  const whole = await workspaceMetrics(store, workspaceId, filter, asOf);
  const categories = new Set([
    ...teams.flatMap((team) => team.categories),
    ...Object.keys(whole.aiResolutionRateByCategory),
  ]);
  return reportsOf([...categories].sort().map((category) => ({ group: category, narrowed: { category } })));
};
