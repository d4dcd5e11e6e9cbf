/**
 * Everything one workspace needs inside a Baton process: its application context (with its own
 * turn engine, so its policy, knowledge and category model caches are its own), its HTTP app, and
 * its background work (AI turns, webhooks, assumed resolutions, counting facts). A process holds
 * one runtime per workspace it serves (workspace-router.ts picks one per request); what the
 * process shares (store, live bus, rate limits, sockets, metrics) is passed in.
 */
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { sendWebhookOverHttp } from '../adapters/webhooks/http-sender.ts';
import { type AiTurnWorker, type AiTurnWorkerSettings, startAiTurnWorker } from '../app/ai-turn-worker.ts';
import { resolveQuietConversations } from '../app/assumed-resolutions.ts';
import type { AppContext } from '../app/context.ts';
import { refreshConversationFacts } from '../app/conversation-facts.ts';
import { wakeSnoozedConversations } from '../app/conversation-holds.ts';
import { pruneFinishedWork, type RetentionSettings } from '../app/finished-work.ts';
import type { LiveBus } from '../app/live-bus.ts';
import { startPeriodicTask } from '../app/periodic-task.ts';
import type { TurnEngine } from '../app/turn-engine.ts';
import { startWebhookWorker, type WebhookWorker, type WebhookWorkerSettings } from '../app/webhook-worker.ts';
import type { Workspace } from '../core/model.ts';
import type { Store } from '../core/ports/store.ts';
import { DEFAULT_WEBHOOK_RETRY } from '../core/webhooks/retry-schedule.ts';
import { buildHttpApp, type HttpAppOptions } from './app.ts';
import type { FetchHandler } from './listener.ts';
import type { ServerDeps } from './server-env.ts';

/** How often AI conversations whose customers went quiet are checked for assumed resolution. */
const ASSUMED_RESOLUTION_SWEEP_MS = 5 * 60_000;
/** How often conversations whose events changed get their counting facts derived again. */
const FACTS_REFRESH_MS = 10_000;
/** How often snoozes that came due are ended (a snooze returns at most this late). */
const SNOOZE_SWEEP_MS = 15_000;

export interface WorkspaceRuntime {
  readonly workspace: Workspace;
  readonly app: AppContext;
  readonly deps: ServerDeps;
  readonly fetch: FetchHandler;
  close(): Promise<void>;
}

/** What every runtime of a process shares. */
export interface SharedRuntimeParts {
  readonly store: Store;
  readonly live: LiveBus;
  readonly now: () => Date;
  readonly maxMessageChars: number;
  readonly reportError: AppContext['reportError'];
  /** The process's deps minus the per-workspace application context. */
  readonly deps: Omit<ServerDeps, 'app' | 'webhookWorker'>;
  readonly http: HttpAppOptions;
  readonly aiTurns: Omit<AiTurnWorkerSettings, 'owner'>;
  readonly webhooks: Partial<
    Pick<WebhookWorkerSettings, 'pollMs' | 'leaseMs' | 'concurrency' | 'timeoutMs' | 'retry'>
  >;
  /** How long finished AI jobs and webhook deliveries are kept, and how often they are swept. */
  readonly retention: RetentionSettings;
}

const owner = () => `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;

/** Background work: assumed resolutions, due snoozes, counting facts and retention, each one run at a time. */
const startSweeps = (
  app: AppContext,
  retention: RetentionSettings,
  reportError: AppContext['reportError'],
): (() => Promise<void>) => {
  const reportAs = (during: string) => (error: unknown) =>
    reportError(error, { during, workspace: app.workspace.slug });
  const tasks = [
    startPeriodicTask(
      ASSUMED_RESOLUTION_SWEEP_MS,
      () => resolveQuietConversations(app),
      reportAs('assumed_resolution'),
    ),
    // Every process wakes due snoozes; the store's one UPDATE per sweep ends each snooze once.
    startPeriodicTask(SNOOZE_SWEEP_MS, () => wakeSnoozedConversations(app), reportAs('snooze_sweep')),
    // Other processes skip the marks a refresh holds.
    startPeriodicTask(
      FACTS_REFRESH_MS,
      () => refreshConversationFacts(app.store, app.workspace.id),
      reportAs('conversation_facts'),
    ),
    // Every process prunes; a row two processes both pick is deleted by one of them.
    startPeriodicTask(
      retention.everyMs,
      () => pruneFinishedWork(app.store, app.workspace.id, app.now(), retention),
      reportAs('retention'),
    ),
  ];
  return async () => {
    await Promise.all(tasks.map((task) => task.stop()));
  };
};

export const startWorkspaceRuntime = (
  shared: SharedRuntimeParts,
  workspace: Workspace,
  turnEngine: TurnEngine,
): WorkspaceRuntime => {
  const worker: { current: AiTurnWorker | null } = { current: null };
  const webhooks: { current: WebhookWorker | null } = { current: null };
  const app: AppContext = {
    store: shared.store,
    workspace,
    live: shared.live,
    turnEngine,
    now: shared.now,
    limits: { maxMessageChars: shared.maxMessageChars },
    reportError: shared.reportError,
    aiTurns: {
      wake: () => worker.current?.wake(),
      idle: async () => worker.current?.idle(),
      reserve: () => worker.current?.reserve() ?? null,
    },
  };
  const deps: ServerDeps = { ...shared.deps, app, webhookWorker: { wake: () => webhooks.current?.wake() } };
  const http = buildHttpApp(deps, shared.http);
  // Jobs queued before this process started (a crash, another process's backlog) are claimed here too.
  worker.current = startAiTurnWorker(app, { ...shared.aiTurns, owner: owner() });
  webhooks.current = startWebhookWorker(
    { store: app.store, workspaceId: workspace.id, now: app.now, reportError: shared.reportError },
    {
      pollMs: 1000,
      leaseMs: 60_000,
      concurrency: 4,
      timeoutMs: 10_000,
      retry: DEFAULT_WEBHOOK_RETRY,
      ...shared.webhooks,
      owner: owner(),
      allowPrivate: shared.deps.settings.webhookAllowPrivate ?? false,
      secret: shared.deps.settings.secret,
      send: sendWebhookOverHttp,
      random: Math.random,
    },
  );
  const stopSweeps = startSweeps(app, shared.retention, shared.reportError);
  return {
    workspace,
    app,
    deps,
    fetch: (request, env) => http.fetch(request, env),
    async close() {
      await worker.current?.stop();
      await webhooks.current?.stop();
      await stopSweeps();
    },
  };
};
