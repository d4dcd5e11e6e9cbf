/**
 * The metrics port: the store keeps one facts row per conversation and computes the SPEC §9
 * report over them in SQL. Its contract suite (src/adapters/store/metrics/metrics.contract.ts)
 * holds every implementation equal to the pure core's computeMetrics on the same rows.
 */
import type {
  ConversationFacts,
  ConversationSpan,
  DrillMetric,
  DrillPart,
  MetricSettings,
  MetricsFilter,
  MetricsReport,
  MetricsSeriesPoint,
  SeriesBucket,
} from '../metrics/index.ts';
import type { ConversationEvent } from '../model.ts';

/** Marks one refresh took: whose facts to derive, and what to clear once they are saved. */
export interface StaleTake {
  readonly token: string;
  readonly customerIds: readonly string[];
  readonly conversationIds: readonly string[];
}

export interface MetricsRepository {
  /** Inserts the rows, or replaces the ones of the same conversations. */
  saveFacts(workspaceId: string, facts: readonly ConversationFacts[]): Promise<void>;
  /** The §9 report over the workspace's conversations that `filter` selects. */
  report(workspaceId: string, settings: MetricSettings, filter?: MetricsFilter): Promise<MetricsReport>;
  /** The filtered conversations' rate counts per UTC day or ISO week that has any, oldest first. */
  series(
    workspaceId: string,
    settings: MetricSettings,
    filter: MetricsFilter,
    by: SeriesBucket,
  ): Promise<readonly MetricsSeriesPoint[]>;
  /**
   * The conversations one number counted (every conversation, or a rate's `of` or `counts` side),
   * newest first message first, one page of them, with how many there are in all.
   */
  conversationsBehind(
    workspaceId: string,
    settings: MetricSettings,
    filter: MetricsFilter,
    number: { readonly metric: DrillMetric; readonly part: DrillPart },
    page: { readonly limit: number; readonly offset: number },
  ): Promise<MetricConversationsPage>;
  /**
   * Takes up to `limit` of the workspace's conversations whose facts are out of date (an event was
   * written since their facts were saved), oldest mark first, in a short statement of its own:
   * event writers never wait for the refresh that follows, and marks another refresher took are
   * skipped — until `leaseMs` after they were taken, when that refresher counts as dead.
   * An event written after the take marks its conversation again, for the next refresh.
   */
  takeStale(workspaceId: string, limit: number, leaseMs: number): Promise<StaleTake>;
  /** Deletes the taken marks: call it in the transaction that saves the facts derived for them. */
  clearStale(take: StaleTake): Promise<void>;
  /** Hands the taken marks back at once (the refresh failed), rather than after their lease. */
  releaseStale(take: StaleTake): Promise<void>;
  /**
   * Rebuilds the daily rollup's days that facts writes marked stale (in the writer's transaction)
   * and returns how many. Reports are right without it — they read a stale day from the facts —
   * so it only keeps them fast.
   */
  refreshDays(workspaceId: string): Promise<number>;
  /** The time span (first and last event) of each of the customers' conversations. */
  conversationSpans(workspaceId: string, customerIds: readonly string[]): Promise<ConversationSpan[]>;
  /** Every event of the customers' conversations, each conversation's oldest first. */
  eventsOfCustomers(workspaceId: string, customerIds: readonly string[]): Promise<ConversationEvent[]>;
  /**
   * Marks every conversation of the workspace that has facts as out of date, for the refresher (a
   * setting the derivation reads changed); returns how many were not marked already.
   */
  markAllStale(workspaceId: string): Promise<number>;
  /** How many of the workspace's conversations wait for their facts to be derived again. */
  staleCount(workspaceId: string): Promise<number>;
  /** What waits right now (the Prometheus queue-depth gauge): AI turn jobs, handed-over conversations, stale facts. */
  queueDepths(workspaceId: string): Promise<QueueDepths>;
}

export interface QueueDepths {
  readonly aiTurnsQueued: number;
  readonly aiTurnsRunning: number;
  /** Conversations handed over and waiting for a person (state `queued`). */
  readonly handoffsWaiting: number;
  readonly factsStale: number;
}

/** A conversation behind a number, as the drill-down lists it. */
export interface MetricConversation {
  readonly conversationId: string;
  readonly customerId: string;
  readonly customerName: string | null;
  readonly channel: string;
  readonly category: string | null;
  readonly teamKey: string | null;
  readonly firstCustomerMessageAt: Date;
  readonly handedOver: boolean;
  readonly resolution: string | null;
  readonly csat: number | null;
}

export interface MetricConversationsPage {
  readonly total: number;
  readonly conversations: readonly MetricConversation[];
}
