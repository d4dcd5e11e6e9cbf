/** Which number a drill-down opens: a rate's side (or every conversation) over a window or one period. */
import type { MetricConversationsResponse } from '../../../src/api/metrics-schemas.ts';

export type DrillMetric = MetricConversationsResponse['metric'];

export interface DrillRequest {
  readonly metric: DrillMetric;
  readonly part: 'of' | 'counts';
  /** What the list shows, e.g. "Handed to a person on 2026-11-30". */
  readonly title: string;
  /** The period's instants; none: the whole window of the filters. */
  readonly from?: string;
  readonly to?: string;
  /** Narrows the page's filters to one category (a category chart's bar). */
  readonly category?: string;
}

/** The drill-down query: the page's filters, narrowed to the period when there is one. */
export const drillQuery = (
  filtersQuery: string,
  request: DrillRequest,
  offset: number,
  limit: number,
): string => {
  const params = new URLSearchParams(filtersQuery);
  if (request.from) params.set('from', request.from);
  if (request.to) params.set('to', request.to);
  if (request.category) params.set('category', request.category);
  params.set('metric', request.metric);
  params.set('part', request.part);
  params.set('limit', String(limit));
  params.set('offset', String(offset));
  return params.toString();
};
