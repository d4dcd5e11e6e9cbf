/** What the metrics series and drill-down routes answer: domain values as JSON-ready views. */
import type { SeriesPeriod } from '../../app/metrics-drill-down.ts';
import { perRate } from '../../core/metrics/index.ts';
import type { MetricConversation } from '../../core/ports/metrics.ts';

/** The window and filters the numbers were counted over, and the report's "now". */
export const windowEcho = (
  query: { category?: string | undefined; team?: string | undefined; channel?: string | undefined },
  window: { from: Date; to: Date },
  asOf: Date,
) => ({
  from: window.from.toISOString(),
  to: window.to.toISOString(),
  category: query.category ?? null,
  team: query.team ?? null,
  channel: query.channel ?? null,
  asOf: asOf.toISOString(),
});

export const toSeriesPeriod = (period: SeriesPeriod) => ({
  period: period.period,
  from: period.from.toISOString(),
  to: period.to.toISOString(),
  conversations: period.conversations,
  rates: perRate((metric) => {
    const { of, counts } = period.rates[metric];
    return { of, counts, rate: of === 0 ? null : counts / of };
  }),
});

/** The inbox opens a conversation from `/agent?c=<id>` (web/src/agent/selected-conversation.ts). */
export const toMetricConversation = (row: MetricConversation) => ({
  id: row.conversationId,
  customerId: row.customerId,
  customerName: row.customerName,
  channel: row.channel,
  category: row.category,
  team: row.teamKey,
  firstMessageAt: row.firstCustomerMessageAt.toISOString(),
  handedOver: row.handedOver,
  resolution: row.resolution,
  csat: row.csat,
  href: `/agent?c=${encodeURIComponent(row.conversationId)}`,
});
