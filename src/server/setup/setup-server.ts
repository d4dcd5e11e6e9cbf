/**
 * What an install with no workspace serves (`baton start --no-demo` on an empty database): the
 * set-up page and its API, and a 503 that says what to do on every other API route. Once the set-up
 * page created the workspace, the composition root builds the whole Baton and takes the listener
 * over; the set-up request is answered only then, so the next page already talks to the real server.
 */
import { OpenAPIHono } from '@hono/zod-openapi';
import type { Workspace } from '../../core/model.ts';
import type { Store } from '../../core/ports/store.ts';
import { errorHandler, validationHook } from '../error-handling.ts';
import { errorBody } from '../http-errors.ts';
import { type Listener, listen } from '../listener.ts';
import { setupRoutes } from '../routes/setup.routes.ts';
import { securityHeaders } from '../security/security-headers.ts';
import { requireUtf8Body } from '../security/utf8-body.ts';
import { serveWebApp } from '../web-app-files.ts';
import { createSetupGate } from './setup-gate.ts';

/** A promise and its resolver (Promise.withResolvers needs Node 22). */
const deferred = <T>() => {
  let resolve: (value: T) => void = () => {};
  const promise = new Promise<T>((done) => {
    resolve = done;
  });
  return { promise, resolve };
};

/** How long the set-up request waits for the whole Baton to take over before it answers anyway. */
const HAND_OVER_WAIT_MS = 30_000;

export interface WaitingForSetup {
  readonly listener: Listener;
  /** The path of the one-time set-up link (`/setup?token=…`). */
  readonly linkPath: string;
  readonly expiresAt: Date;
  /** Resolves with the workspace the set-up page created. */
  readonly created: Promise<Workspace>;
  /** Tells the waiting set-up request that the whole Baton now answers on the listener. */
  handedOver(): void;
}

export const serveFirstSetup = async (options: {
  readonly store: Store;
  readonly port: number;
  readonly host: string;
  readonly webRoot?: string;
  readonly now?: () => Date;
  readonly https: boolean;
  readonly widgetFrameAncestors: readonly string[];
  readonly reportError: (error: unknown, context: Record<string, unknown>) => void;
}): Promise<WaitingForSetup> => {
  const created = deferred<Workspace>();
  const handedOver = deferred<void>();
  const gate = createSetupGate({
    store: options.store,
    now: options.now ?? (() => new Date()),
    onCreated: async (workspace) => {
      created.resolve(workspace);
      let timer: NodeJS.Timeout | undefined;
      const deadline = new Promise<void>((resolve) => {
        timer = setTimeout(resolve, HAND_OVER_WAIT_MS);
      });
      await Promise.race([handedOver.promise, deadline]);
      clearTimeout(timer);
    },
  });

  const app = new OpenAPIHono({ defaultHook: validationHook });
  app.use('*', securityHeaders({ widgetFrameAncestors: options.widgetFrameAncestors, https: options.https }));
  app.use('/api/*', requireUtf8Body);
  app.onError(errorHandler(options.reportError));
  app.get('/api/health', (c) => c.json({ ok: true }));
  app.route('/', setupRoutes(gate));
  app.all('/api/*', (c) =>
    c.json(
      errorBody(
        'not_set_up',
        'Baton is not set up yet: open the set-up link `baton start --no-demo` printed, or run `baton setup`.',
      ),
      503,
    ),
  );
  serveWebApp(app, options.webRoot);

  const listener = await listen(app.fetch, options.port, options.host);
  return {
    listener,
    linkPath: `/setup?token=${gate.token}`,
    expiresAt: gate.expiresAt,
    created: created.promise,
    handedOver: () => handedOver.resolve(),
  };
};
