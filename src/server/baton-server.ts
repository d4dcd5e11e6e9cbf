/**
 * Starts one Baton server process over a ready store: HTTP API, web app and live updates.
 * The composition root (start.ts), the end-to-end tests and the benchmarks all start Baton here.
 */

import type { Logger } from 'pino';
import type { Mailer } from '../adapters/mail/smtp-mailer.ts';
import { type AiTurnWorkerSettings, DEFAULT_AI_TURN_CONCURRENCY } from '../app/ai-turn-worker.ts';
import type { AppContext } from '../app/context.ts';
import { DEFAULT_RETENTION, type RetentionSettings } from '../app/finished-work.ts';
import { createInProcessLiveBus, type LiveBus } from '../app/live-bus.ts';
import { startPeriodicTask } from '../app/periodic-task.ts';
import type { TurnEngine } from '../app/turn-engine.ts';
import type { WebhookWorkerSettings } from '../app/webhook-worker.ts';
import { DEFAULT_TURN_ATTEMPTS } from '../core/conversation/turn-retry.ts';
import type { Workspace } from '../core/model.ts';
import type { Store } from '../core/ports/store.ts';
import { type FetchHandler, type Listener, listen } from './listener.ts';
import { attachLiveSocket } from './live/live-socket.ts';
import { createSessionSockets } from './live/session-sockets.ts';
import { trackLiveSockets } from './observability/live-socket-gauge.ts';
import { measureTurnEngine } from './observability/measured-turn-engine.ts';
import { createOperationalMetrics, type OperationalMetrics } from './observability/operational-metrics.ts';
import type { RateLimitSettings } from './security/rate-limit-settings.ts';
import { createRateLimits, noRateLimits } from './security/rate-limits.ts';
import type { ServerSettings } from './server-env.ts';
import { createWorkspaceRouter } from './workspace-router.ts';
import {
  type SharedRuntimeParts,
  startWorkspaceRuntime,
  type WorkspaceRuntime,
} from './workspace-runtime.ts';

export interface BatonServerOptions {
  readonly store: Store;
  /** The install's default workspace: requests without a credential or a slug go to it. */
  readonly workspaceSlug: string;
  /** The default workspace's turn engine. */
  readonly turnEngine: TurnEngine;
  /**
   * The turn engine of any other workspace of the install (each with its own caches); without it
   * the process serves the default workspace only and other workspaces' requests get 404.
   */
  readonly turnEngineFor?: (workspace: Workspace) => TurnEngine;
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
  /**
   * How long finished AI jobs and webhook deliveries are kept (defaults: 7 and 30 days), and how
   * often they and expired sign-ins are swept (10 minutes; tests shorten it).
   */
  readonly retention?: Partial<RetentionSettings>;
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
  concurrency: DEFAULT_AI_TURN_CONCURRENCY,
  pollMs: 1000,
  maxAttempts: DEFAULT_TURN_ATTEMPTS,
};

export interface RunningBaton {
  readonly url: string;
  readonly port: number;
  /** The default workspace's application context. */
  readonly app: AppContext;
  /** The runtimes of the workspaces this process has started so far (the default one first). */
  runtimes(): readonly WorkspaceRuntime[];
  /** The process's Prometheus registry and metrics (served at /metrics). */
  readonly metrics: OperationalMetrics;
  close(): Promise<void>;
}

/** The parts every workspace runtime of this process shares. */
const sharedParts = (
  options: BatonServerOptions,
  metrics: OperationalMetrics,
): SharedRuntimeParts & { readonly rateLimits: ReturnType<typeof createRateLimits> } => {
  const rateLimits =
    options.rateLimits === 'off'
      ? noRateLimits
      : createRateLimits(options.store.rateLimits, options.rateLimits);
  return {
    store: options.store,
    live: options.live ?? createInProcessLiveBus(),
    now: options.now ?? (() => new Date()),
    maxMessageChars: options.maxMessageChars,
    reportError: options.reportError,
    rateLimits,
    deps: {
      settings: { ...options.settings, environmentLlm: options.llm ?? null },
      rateLimits,
      sessionSockets: createSessionSockets(),
      mailer: options.mailer,
    },
    http: {
      ...(options.webRoot ? { webRoot: options.webRoot } : {}),
      observability: { metrics, log: options.log, metricsToken: options.metricsToken },
    },
    aiTurns: { ...DEFAULT_AI_TURN_SETTINGS, ...options.aiTurns },
    webhooks: options.webhooks ?? {},
    retention: { ...DEFAULT_RETENTION, ...options.retention },
  };
};

export const startBatonServer = async (options: BatonServerOptions): Promise<RunningBaton> => {
  const workspace = await options.store.workspaces.getBySlug(options.workspaceSlug);
  if (!workspace) {
    throw new Error(
      `Workspace "${options.workspaceSlug}" does not exist. Start once with the demo, or create it first.`,
    );
  }
  const started = new Map<string, WorkspaceRuntime>();
  const metrics = createOperationalMetrics(async () => {
    const all = await Promise.all(
      [...started.values()].map((runtime) => options.store.metrics.queueDepths(runtime.workspace.id)),
    );
    const sum = (pick: (depths: (typeof all)[number]) => number) =>
      all.reduce((total, depths) => total + pick(depths), 0);
    return {
      ai_turns_queued: sum((d) => d.aiTurnsQueued),
      ai_turns_running: sum((d) => d.aiTurnsRunning),
      handoffs_waiting: sum((d) => d.handoffsWaiting),
      facts_stale: sum((d) => d.factsStale),
    };
  });
  const shared = sharedParts(options, metrics);
  const engineFor = (served: Workspace): TurnEngine | null => {
    if (served.id === workspace.id) return options.turnEngine;
    return options.turnEngineFor ? options.turnEngineFor(served) : null;
  };
  const runtimeOf = (served: Workspace): WorkspaceRuntime | null => {
    const known = started.get(served.id);
    if (known) return known;
    const engine = engineFor(served);
    if (!engine) return null;
    const runtime = startWorkspaceRuntime(shared, served, measureTurnEngine(engine, metrics));
    started.set(served.id, runtime);
    return runtime;
  };
  const main = runtimeOf(workspace);
  if (!main) throw new Error('the default workspace has no turn engine');
  // Every workspace of the install runs its background work (AI turns, webhooks) here too.
  if (options.turnEngineFor) for (const each of await options.store.workspaces.list()) runtimeOf(each);
  const fetch: FetchHandler = createWorkspaceRouter({
    store: options.store,
    secret: options.settings.secret,
    now: shared.now,
    main,
    runtimeOf,
  });
  // A listener that served the first-run set-up is handed over; otherwise this process opens its own.
  const listener = options.listener ?? (await listen(fetch, options.port, options.host));
  listener.use(fetch);
  const server = listener.server;
  trackLiveSockets(server, metrics.liveSockets);
  // One socket endpoint for every workspace: a listener hears its own session's workspace only.
  const live = attachLiveSocket(server, main.deps);

  // Expired sign-ins are the install's, not a workspace's: one sweep per process.
  const sessionSweep = startPeriodicTask(
    shared.retention.everyMs,
    () => options.store.sessions.deleteExpired(shared.now()),
    (error) => options.reportError(error, { during: 'session_sweep' }),
  );

  const { port } = listener;
  return {
    url: `http://${options.host}:${port}`,
    port,
    app: main.app,
    runtimes: () => [...started.values()],
    metrics,
    async close() {
      await sessionSweep.stop();
      shared.rateLimits.close();
      live.close();
      await listener.close();
      await Promise.all([...started.values()].map((runtime) => runtime.close()));
    },
  };
};
