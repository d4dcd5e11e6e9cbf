export { baselineHandleSeconds, computeMetrics } from './compute-metrics.ts';
export type { ConversationFacts, FactSettings } from './conversation-facts.ts';
export { defaultFactSettings, deriveConversationFacts } from './derive-facts.ts';
export { foldConversation } from './fold-conversation.ts';
export { linkRecontacts } from './link-recontacts.ts';
export {
  type Handler,
  handlerOf,
  type RateDefinition,
  type RateMetric,
  rate,
  rateDefinitions,
  resolved,
  resolvedByAi,
  type SetMetric,
  setDefinitions,
} from './metric-definitions.ts';
export { filterFacts, type MetricsFilter } from './metrics-filter.ts';
export type { MetricSettings, MetricsReport } from './metrics-report.ts';
export {
  countedIn,
  type DrillMetric,
  type DrillPart,
  drillFacts,
  drillMetricNames,
  emptyPoint,
  isSetMetric,
  type MetricsSeriesPoint,
  metricsSeries,
  periodOf,
  perRate,
  type RateCount,
  rateMetricNames,
  type SeriesBucket,
  seriesBuckets,
} from './metrics-series.ts';
export {
  assumedResolutionWindowMs,
  changesFacts,
  factSettingsFrom,
  METRICS_SETTINGS_KEY,
  type MetricsSettings,
  metricSettingsFrom,
  metricsSettingsSchema,
  parseMetricsSettings,
} from './metrics-settings.ts';
export { percentile, type Spread, spreadOf } from './percentile.ts';
export { type ConversationSpan, type RecountScope, recountScope } from './recount-scope.ts';
export {
  histogramPercentile,
  histogramSpread,
  TIME_BUCKET_RATIO,
  TIME_PERCENTILE_ERROR,
  type TimeBucketCount,
  timeBucketOf,
  timeBucketSeconds,
  withinTimeBound,
} from './time-histogram.ts';
