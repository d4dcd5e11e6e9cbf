/**
 * Starts one Baton server process over a ready store: HTTP API, web app and live updates.
 * The composition root (start.ts), the end-to-end tests and the benchmarks all start Baton here.
 */
import type { Server } from 'node:http';
import { serve } from '@hono/node-server';
import type { Logger } from 'pino';
import { createAiTurnQueue, resumePendingAiTurns, runAiTurn } from '../app/ai-turn.ts';
import { resolveQuietConversations } from '../app/assumed-resolutions.ts';
import type { AppContext } from '../app/context.ts';
import { createInProcessLiveBus, type LiveBus } from '../app/live-bus.ts';
import type { TurnEngine } from '../app/turn-engine.ts';
import type { Store } from '../core/ports/store.ts';
import { buildHttpApp } from './app.ts';
import { attachLiveSocket } from './live/live-socket.ts';
import { trackLiveSockets } from './observability/live-socket-gauge.ts';
import { measureTurnEngine } from './observability/measured-turn-engine.ts';
import { createOperationalMetrics, type OperationalMetrics } from './observability/operational-metrics.ts';
import type { ServerSettings } from './server-env.ts';

/** How often AI conversations whose customers went quiet are checked for assumed resolution. */
const ASSUMED_RESOLUTION_SWEEP_MS = 5 * 60_000;

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
  /** Request log lines (one per HTTP request, with its request id); none without it. */
  readonly log?: Logger;
  /** When set, /metrics wants it as a bearer token. */
  readonly metricsToken?: string | undefined;
}

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
  const metrics = createOperationalMetrics();
  const aiTurnRunner: { run: (conversationId: string) => Promise<void> } = { run: async () => {} };
  const app: AppContext = {
    store: options.store,
    workspace,
    live: options.live ?? createInProcessLiveBus(),
    turnEngine: measureTurnEngine(options.turnEngine, metrics),
    now: options.now ?? (() => new Date()),
    limits: { maxMessageChars: options.maxMessageChars },
    reportError: options.reportError,
    aiTurns: createAiTurnQueue((id) => aiTurnRunner.run(id), options.reportError),
  };
  aiTurnRunner.run = (id) => runAiTurn(app, id);

  const http = buildHttpApp(
    { app, settings: options.settings },
    {
      ...(options.webRoot ? { webRoot: options.webRoot } : {}),
      observability: { metrics, log: options.log, metricsToken: options.metricsToken },
    },
  );
  const server = await new Promise<Server>((resolve) => {
    const started = serve({ fetch: http.fetch, port: options.port, hostname: options.host }, () =>
      resolve(started as Server),
    ) as Server;
  });
  trackLiveSockets(server, metrics.liveSockets);
  const live = attachLiveSocket(server, { app, settings: options.settings });
  await resumePendingAiTurns(app);
  const sweep = setInterval(() => {
    resolveQuietConversations(app).catch((error: unknown) =>
      options.reportError(error, { during: 'assumed_resolution' }),
    );
  }, ASSUMED_RESOLUTION_SWEEP_MS);
  sweep.unref();

  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('the HTTP server has no TCP address');
  const { port } = address;
  return {
    url: `http://${options.host}:${port}`,
    port,
    app,
    metrics,
    async close() {
      clearInterval(sweep);
      live.close();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await app.aiTurns.idle();
    },
  };
};
