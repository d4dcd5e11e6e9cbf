/**
 * Baton's operational counters for Prometheus (SPEC §9: "operational counters at /metrics"): one
 * registry per server process, so several servers in one process (tests) never share counts. Add
 * new metrics here and register them on `registry`.
 */
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';

/** Seconds; from a fast cached read to a slow AI or export request. */
const HTTP_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
const AI_TURN_BUCKETS = [0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 20, 30];
const LOOKUP_BUCKETS = [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];

export interface OperationalMetrics {
  readonly registry: Registry;
  /** Every HTTP request by method, route pattern (never the raw path) and status; its _count is the rate. */
  readonly httpRequestDuration: Histogram<'method' | 'route' | 'status'>;
  /** Open live-update WebSocket connections. */
  readonly liveSockets: Gauge;
  /** The AI's time to decide one turn, by outcome: answer, clarify, escalate or failed. */
  readonly aiTurnDuration: Histogram<'outcome'>;
  /**
   * Calls made by AI turns to integrations, by integration and status (ok, failed, timeout): the
   * account lookups, and the AI model provider as `ai: <model>`.
   */
  readonly integrationCallDuration: Histogram<'integration' | 'status'>;
  /** Failed calls to the AI model provider, by model and fault kind (timeout, server_error, rate_limited…). */
  readonly aiProviderErrors: Counter<'model' | 'fault'>;
  /** What waits, read from the database at each scrape (every process sharing it reports the same). */
  readonly queueDepth: Gauge<'queue'>;
}

/** Reads the queue depths at scrape time; absent, the gauge reports nothing. */
export type QueueDepthSource = () => Promise<Readonly<Record<string, number>>>;

export const createOperationalMetrics = (depths?: QueueDepthSource): OperationalMetrics => {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'baton_' });
  const registers = [registry];
  return {
    registry,
    httpRequestDuration: new Histogram({
      name: 'baton_http_request_duration_seconds',
      help: 'HTTP requests by method, route pattern and status, and how long they took',
      labelNames: ['method', 'route', 'status'],
      buckets: HTTP_BUCKETS,
      registers,
    }),
    liveSockets: new Gauge({
      name: 'baton_live_sockets',
      help: 'Open live-update WebSocket connections',
      registers,
    }),
    aiTurnDuration: new Histogram({
      name: 'baton_ai_turn_duration_seconds',
      help: 'AI turns by outcome (answer, clarify, escalate, failed) and how long the AI took to decide',
      labelNames: ['outcome'],
      buckets: AI_TURN_BUCKETS,
      registers,
    }),
    integrationCallDuration: new Histogram({
      name: 'baton_integration_call_duration_seconds',
      help: 'Account-lookup calls by integration and status (ok, failed, timeout) and their latency',
      labelNames: ['integration', 'status'],
      buckets: LOOKUP_BUCKETS,
      registers,
    }),
    aiProviderErrors: new Counter({
      name: 'baton_ai_provider_errors_total',
      help: 'Failed calls to the AI model provider by model and fault kind; each handed the customer over with ai_unavailable',
      labelNames: ['model', 'fault'],
      registers,
    }),
    queueDepth: new Gauge({
      name: 'baton_queue_depth',
      help: 'What waits now, by queue: ai_turns_queued, ai_turns_running, handoffs_waiting, facts_stale',
      labelNames: ['queue'],
      registers,
      async collect() {
        if (!depths) return;
        for (const [queue, depth] of Object.entries(await depths())) this.set({ queue }, depth);
      },
    }),
  };
};
