/**
 * The metrics port: the store keeps one facts row per conversation and computes the SPEC §9
 * report over them in SQL. Its contract suite (src/adapters/store/metrics/metrics.contract.ts)
 * holds every implementation equal to the pure core's computeMetrics on the same rows.
 */
import type { ConversationFacts, MetricSettings, MetricsFilter, MetricsReport } from '../metrics/index.ts';

export interface MetricsRepository {
  /** Inserts the rows, or replaces the ones of the same conversations. */
  saveFacts(workspaceId: string, facts: readonly ConversationFacts[]): Promise<void>;
  /** The §9 report over the workspace's conversations that `filter` selects. */
  report(workspaceId: string, settings: MetricSettings, filter?: MetricsFilter): Promise<MetricsReport>;
}
