/**
 * The analytics page's numbers over time and the conversations behind a number (ops, admins, QA):
 * the same current facts and the same rate conditions as the report, so a bar, a tile and the list
 * it opens count the same conversations.
 */
import { canReadMetrics } from '../core/auth/permissions.ts';
import { DomainError } from '../core/errors.ts';
import {
  type DrillMetric,
  type DrillPart,
  emptyPoint,
  type MetricSettings,
  type MetricsFilter,
  type MetricsSeriesPoint,
  metricSettingsFrom,
  type SeriesBucket,
} from '../core/metrics/index.ts';
import { metricsPeriods } from '../core/metrics/metrics-groups.ts';
import type { Agent } from '../core/model.ts';
import type { MetricConversationsPage } from '../core/ports/metrics.ts';
import type { Store } from '../core/ports/store.ts';
import {
  HTTP_REFRESH_BUDGET,
  refreshConversationFacts,
  workspaceMetricsSettings,
} from './conversation-facts.ts';

export type WindowFilter = MetricsFilter & { readonly from: Date; readonly to: Date };

export interface SeriesPeriod extends MetricsSeriesPoint {
  readonly from: Date;
  readonly to: Date;
}

const mayRead = (agent: Agent): void => {
  if (!canReadMetrics(agent)) {
    throw new DomainError(
      'forbidden',
      'Only ops, admins and QA can read the metrics. Ask an admin for access.',
    );
  }
};

/** Facts brought up to date first (within the HTTP budget), so the numbers count what was written before the call. */
const currentSettings = async (store: Store, workspaceId: string, asOf: Date): Promise<MetricSettings> => {
  await refreshConversationFacts(store, workspaceId, HTTP_REFRESH_BUDGET);
  return metricSettingsFrom(await workspaceMetricsSettings(store, workspaceId), asOf);
};

/** Every day or ISO week the window touches (clipped to it), with zeros where nothing came in. */
export const metricsSeriesForAgent = async (
  store: Store,
  agent: Agent,
  filter: WindowFilter,
  asOf: Date,
  by: SeriesBucket,
): Promise<SeriesPeriod[]> => {
  mayRead(agent);
  const settings = await currentSettings(store, agent.workspaceId, asOf);
  const points = await store.metrics.series(agent.workspaceId, settings, filter, by);
  const byPeriod = new Map(points.map((point) => [point.period, point]));
  return metricsPeriods(filter.from, filter.to, by).map((period) => ({
    ...(byPeriod.get(period.key) ?? emptyPoint(period.key)),
    from: period.from,
    to: period.to,
  }));
};

/** One page of the conversations one number counted in the window and filters. */
export const metricConversationsForAgent = async (
  store: Store,
  agent: Agent,
  filter: WindowFilter,
  asOf: Date,
  number: { readonly metric: DrillMetric; readonly part: DrillPart },
  page: { readonly limit: number; readonly offset: number },
): Promise<MetricConversationsPage> => {
  mayRead(agent);
  const settings = await currentSettings(store, agent.workspaceId, asOf);
  return store.metrics.conversationsBehind(agent.workspaceId, settings, filter, number, page);
};
