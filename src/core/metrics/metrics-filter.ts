/** Which conversations a report counts (SPEC §9: by date range, category, team and channel). */
import type { ConversationFacts } from './conversation-facts.ts';

export interface MetricsFilter {
  /** First customer message at or after this time. */
  readonly from?: Date | undefined;
  /** First customer message before this time. */
  readonly to?: Date | undefined;
  readonly category?: string | undefined;
  readonly teamKey?: string | undefined;
  readonly channel?: string | undefined;
}

/** The conversations a report counts: those with a customer message that match every given filter. */
export const filterFacts = (
  rows: readonly ConversationFacts[],
  filter: MetricsFilter = {},
): ConversationFacts[] =>
  rows.filter((row) => {
    const first = row.firstCustomerMessageAt;
    if (first === null) return false;
    if (filter.from !== undefined && first.getTime() < filter.from.getTime()) return false;
    if (filter.to !== undefined && first.getTime() >= filter.to.getTime()) return false;
    if (filter.category !== undefined && row.category !== filter.category) return false;
    if (filter.teamKey !== undefined && row.teamKey !== filter.teamKey) return false;
    return filter.channel === undefined || row.channel === filter.channel;
  });
