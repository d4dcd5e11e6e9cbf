/**
 * Starts one Baton server process over a ready store: HTTP API, web app and live updates.
 * The composition root (start.ts), the end-to-end tests and the benchmarks all start Baton here.
 */

import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { Logger } from 'pino';
import type { Mailer } from '../adapters/mail/smtp-mailer.ts';
import { sendWebhookOverHttp } from '../adapters/webhooks/http-sender.ts';
import { type AiTurnWorker, type AiTurnWorkerSettings, startAiTurnWorker } from '../app/ai-turn-worker.ts';
import { resolveQuietConversations } from '../app/assumed-resolutions.ts';
import type { AppContext } from '../app/context.ts';
import { refreshConversationFacts } from '../app/conversation-facts.ts';
import { wakeSnoozedConversations } from '../app/conversation-holds.ts';
import { createInProcessLiveBus, type LiveBus } from '../app/live-bus.ts';
import { startPeriodicTask } from '../app/periodic-task.ts';
import type { TurnEngine } from '../app/turn-engine.ts';
import { startWebhookWorker, type WebhookWorker, type WebhookWorkerSettings } from '../app/webhook-worker.ts';
import { DEFAULT_TURN_ATTEMPTS } from '../core/conversation/turn-retry.ts';
import type { Store } from '../core/ports/store.ts';
import { DEFAULT_WEBHOOK_RETRY } from '../core/webhooks/retry-schedule.ts';
import { buildHttpApp } from './app.ts';
import { type Listener, listen } from './listener.ts';
import { attachLiveSocket } from './live/live-socket.ts';
import { createSessionSockets } from './live/session-sockets.ts';
import { trackLiveSockets } from './observability/live-socket-gauge.ts';
import { measureTurnEngine } from './observability/measured-turn-engine.ts';
import { createOperationalMetrics, type OperationalMetrics } from './observability/operational-metrics.ts';
import type { RateLimitSettings } from './security/rate-limit-settings.ts';
import { createRateLimits, noRateLimits } from './security/rate-limits.ts';
import type { ServerSettings } from './server-env.ts';

/** How often AI conversations whose customers went quiet are checked for assumed resolution. */
const ASSUMED_RESOLUTION_SWEEP_MS = 5 * 60_000;
/** How often conversations whose events changed get their counting facts derived again. */
const FACTS_REFRESH_MS = 10_000;
/** A snooze ends within this long of its time. */
const SNOOZE_SWEEP_MS = 15_000;

export interface BatonServerOptions {
  readonly store: Store;
  readonly workspaceSlug: string;
  readonly turnEngine: TurnEngine;
  readonly settings: ServerSettings;
  readonly port: number;
  readonly host: string;
  readonly maxMessageChars: number;
  readonly webRoot?: string;
  readonly now?: () => Date;
  /** How live updates travel; in-process by default, PostgreSQL NOTIFY when processes share a database. */
  readonly live?: LiveBus;
  readonly reportError: AppContext['reportError'];
  /** How this process runs AI turn jobs (lease, concurrency, polling, attempts); defaults suit one server. */
  readonly aiTurns?: Partial<Omit<AiTurnWorkerSettings, 'owner'>>;
  /** How this process sends webhooks (tests shorten the back-off and the poll). */
  readonly webhooks?: Partial<
    Pick<WebhookWorkerSettings, 'pollMs' | 'leaseMs' | 'concurrency' | 'timeoutMs' | 'retry'>
  >;
  /** Request log lines (one per HTTP request, with its request id); none without it. */
  readonly log?: Logger;
  /** When set, /metrics wants it as a bearer token. */
  readonly metricsToken?: string | undefined;
  /** The model BATON_LLM_* configure (shown by the LLM settings API); null or absent: none. */
  readonly llm?: { readonly baseUrl: string; readonly model: string } | null;
  /** SPEC §11 rate limits; `off` for tests and benchmarks that need none. */
  readonly rateLimits: RateLimitSettings | 'off';
  /** Mails invitation and password-reset links (SMTP_URL); absent: links are only shown to the admin. */
  readonly mailer?: Mailer;
  /** An open listener to take over (the one that served the first-run set-up); `port`/`host` are then unused. */
  readonly listener?: Listener;
}

/** A lease longer than the AI's own time-out, so a healthy turn is never taken over mid-way. */
const DEFAULT_AI_TURN_SETTINGS: Omit<AiTurnWorkerSettings, 'owner'> = {
  leaseMs: 60_000,
  concurrency: 8,
  pollMs: 1000,
  maxAttempts: DEFAULT_TURN_ATTEMPTS,
};

export interface RunningBaton {
  readonly url: string;
  readonly port: number;
  readonly app: AppContext;
  /** The process's Prometheus registry and metrics (served at /metrics). */
  readonly metrics: OperationalMetrics;
  close(): Promise<void>;
}

export const startBatonServer = async (options: BatonServerOptions): Promise<RunningBaton> => {
  const workspace = await options.store.workspaces.getBySlug(options.workspaceSlug);
  if (!workspace) {
    throw new Error(
      `Workspace "${options.workspaceSlug}" does not exist. Start once with the demo, or create it first.`,
    );
  }
  const metrics = createOperationalMetrics(async () => {
    const depths = await options.store.metrics.queueDepths(workspace.id);
    return {
      ai_turns_queued: depths.aiTurnsQueued,
      ai_turns_running: depths.aiTurnsRunning,
      handoffs_waiting: depths.handoffsWaiting,
      facts_stale: depths.factsStale,
    };
  });
  const worker: { current: AiTurnWorker | null } = { current: null };
  const webhooks: { current: WebhookWorker | null } = { current: null };
  const app: AppContext = {
    store: options.store,
    workspace,
    live: options.live ?? createInProcessLiveBus(),
    turnEngine: measureTurnEngine(options.turnEngine, metrics),
    now: options.now ?? (() => new Date()),
    limits: { maxMessageChars: options.maxMessageChars },
    reportError: options.reportError,
    aiTurns: {
      wake: () => worker.current?.wake(),
      idle: async () => worker.current?.idle(),
    },
  };

  const rateLimits =
    options.rateLimits === 'off'
      ? noRateLimits
      : createRateLimits(options.store.rateLimits, options.rateLimits);
  const deps = {
    app,
    settings: { ...options.settings, environmentLlm: options.llm ?? null },
    rateLimits,
    sessionSockets: createSessionSockets(),
    mailer: options.mailer,
    webhookWorker: { wake: () => webhooks.current?.wake() },
  };
  const http = buildHttpApp(deps, {
    ...(options.webRoot ? { webRoot: options.webRoot } : {}),
    observability: { metrics, log: options.log, metricsToken: options.metricsToken },
  });
  // A listener that served the first-run set-up is handed over; otherwise this process opens its own.
  const listener = options.listener ?? (await listen(http.fetch, options.port, options.host));
  listener.use(http.fetch);
  const server = listener.server;
  trackLiveSockets(server, metrics.liveSockets);
  const live = attachLiveSocket(server, deps);
  // Jobs queued before this process started (a crash, another process's backlog) are claimed here too.
  worker.current = startAiTurnWorker(app, {
    ...DEFAULT_AI_TURN_SETTINGS,
    ...options.aiTurns,
    owner: `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`,
  });
  webhooks.current = startWebhookWorker(
    { store: app.store, workspaceId: workspace.id, now: app.now, reportError: options.reportError },
    {
      pollMs: 1000,
      leaseMs: 60_000,
      concurrency: 4,
      timeoutMs: 10_000,
      retry: DEFAULT_WEBHOOK_RETRY,
      ...options.webhooks,
      owner: `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`,
      allowPrivate: options.settings.webhookAllowPrivate ?? false,
      secret: options.settings.secret,
      send: sendWebhookOverHttp,
      random: Math.random,
    },
  );
  const sweep = startPeriodicTask(
    ASSUMED_RESOLUTION_SWEEP_MS,
    () => resolveQuietConversations(app),
    (error) => options.reportError(error, { during: 'assumed_resolution' }),
  );
  // Every process wakes due snoozes; the store's one UPDATE per sweep ends each snooze once.
  const snoozes = startPeriodicTask(
    SNOOZE_SWEEP_MS,
    () => wakeSnoozedConversations(app),
    (error) => options.reportError(error, { during: 'snooze_sweep' }),
  );
  // One refresh at a time per process; others (and other processes) skip marks held by it.
  const facts = startPeriodicTask(
    FACTS_REFRESH_MS,
    () => refreshConversationFacts(app.store, workspace.id),
    (error) => options.reportError(error, { during: 'conversation_facts' }),
  );

  const { port } = listener;
  return {
    url: `http://${options.host}:${port}`,
    port,
    app,
    metrics,
    async close() {
      rateLimits.close();
      live.close();
      await listener.close();
      await worker.current?.stop();
      await webhooks.current?.stop();
      await Promise.all([sweep.stop(), snoozes.stop(), facts.stop()]);
    },
  };
};
