/** The HTTP application: API routes, the OpenAPI document, errors, and the built web app. */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import { OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { compress } from 'hono/compress';
import { HTTPException } from 'hono/http-exception';
import { isDomainError } from '../core/errors.ts';
import { errorBody, statusOf } from './http-errors.ts';
import { metricsHandler } from './observability/metrics-route.ts';
import { createOperationalMetrics } from './observability/operational-metrics.ts';
import { type RequestObservability, requestObservability } from './observability/request-observability.ts';
import { authRoutes } from './routes/auth.routes.ts';
import { coachingRoutes } from './routes/coaching.routes.ts';
import { inboxRoutes } from './routes/inbox.routes.ts';
import { llmSettingsRoutes } from './routes/llm-settings.routes.ts';
import { metricsRoutes } from './routes/metrics.routes.ts';
import { opsRoutes } from './routes/ops.routes.ts';
import { plannerRoutes } from './routes/planner.routes.ts';
import { reviewRoutes } from './routes/review.routes.ts';
import { widgetRoutes } from './routes/widget.routes.ts';
import { enforceRouteAccess } from './security/route-access.ts';
import { securityHeaders } from './security/security-headers.ts';
import { requireUtf8Body } from './security/utf8-body.ts';
import { limitCustomerMessages, limitNewConversations } from './security/widget-limits.ts';
import type { ServerDeps, ServerEnv } from './server-env.ts';

const MAX_BODY_BYTES = 256 * 1024;

/**
 * Vite names built assets by content hash, so a cached copy never goes stale: keep it a year.
 * Everything else (pages, widget.js) is revalidated, so a new release reaches browsers at once.
 */
const cacheFor = (path: string): string =>
  /[\\/]assets[\\/]/.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache';

export interface HttpAppOptions {
  /** Folder of the built web app (web/dist); the API runs without it. */
  readonly webRoot?: string;
  /** Request ids, request logs and Prometheus metrics; a fresh registry and no log lines without it. */
  readonly observability?: RequestObservability & { readonly metricsToken?: string | undefined };
}

const retryAfterSeconds = (details: unknown): number | null => {
  const seconds =
    typeof details === 'object' && details !== null ? Reflect.get(details, 'retryAfterSeconds') : undefined;
  return typeof seconds === 'number' ? seconds : null;
};

export const buildHttpApp = (deps: ServerDeps, options: HttpAppOptions = {}) => {
  const app = new OpenAPIHono<ServerEnv>({
    defaultHook: (result, c) => {
      if (!result.success) {
        const problems = result.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`);
        return c.json(
          errorBody('invalid_input', `The request is not valid: ${problems.join('; ')}.`, problems),
          400,
        );
      }
    },
  });

  const observability = options.observability ?? { metrics: createOperationalMetrics() };
  app.use('*', ...requestObservability(observability));
  // gzip for JSON and the web app's files (a JS bundle shrinks to about a third).
  app.use('*', compress());
  app.use(
    '*',
    securityHeaders({
      widgetFrameAncestors: deps.settings.widgetFrameAncestors ?? ['*'],
      https: deps.settings.secureCookies,
    }),
  );
  app.use(
    '/api/*',
    bodyLimit({
      maxSize: MAX_BODY_BYTES,
      onError: (c) => {
        // The rest of the body is never read, so the connection cannot carry another request: say so.
        c.header('Connection', 'close');
        return c.json(
          errorBody('payload_too_large', `The request body is over ${MAX_BODY_BYTES / 1024} KiB. Send less.`),
          413,
        );
      },
    }),
  );

  app.use('/api/*', requireUtf8Body);
  // Who may call which route (the role matrix), before any route reads its input.
  app.use('/api/*', enforceRouteAccess(deps));

  app.onError((error, c) => {
    if (isDomainError(error)) {
      if (error.isReportable) deps.app.reportError(error, { path: c.req.path });
      const retryAfter = retryAfterSeconds(error.details);
      if (retryAfter !== null) c.header('Retry-After', String(retryAfter));
      return c.json(errorBody(error.code, error.message, error.details), statusOf[error.code]);
    }
    if (error instanceof HTTPException && error.status === 400) {
      return c.json(
        errorBody('malformed_json', 'The request body is not valid JSON. Check quotes and commas.'),
        400,
      );
    }
    if (error instanceof HTTPException) {
      return c.json(errorBody('invalid_input', error.message), error.status);
    }
    deps.app.reportError(error, { path: c.req.path, method: c.req.method });
    return c.json(
      errorBody('internal', 'Something went wrong on our side. Try again; if it persists, tell the admin.'),
      500,
    );
  });

  app.get('/api/health', (c) => c.json({ ok: true }));
  // Before the web app's catch-all, which would otherwise answer /metrics with index.html.
  app.get('/metrics', metricsHandler(observability.metrics, observability.metricsToken));
  app.use('/api/widget/conversations', limitNewConversations(deps));
  app.use('/api/widget/conversations/:id/messages', limitCustomerMessages(deps));
  app.route('/', widgetRoutes(deps));
  app.route('/', authRoutes(deps));
  app.route('/', inboxRoutes(deps));
  app.route('/', plannerRoutes(deps));
  app.route('/', opsRoutes(deps));
  app.route('/', llmSettingsRoutes(deps));
  app.route('/', reviewRoutes(deps));
  app.route('/', coachingRoutes(deps));
  app.route('/', metricsRoutes(deps));

  app.openAPIRegistry.registerComponent('securitySchemes', 'customerToken', {
    type: 'http',
    scheme: 'bearer',
  });
  app.openAPIRegistry.registerComponent('securitySchemes', 'agentSession', {
    type: 'apiKey',
    in: 'cookie',
    name: 'baton_session',
  });
  app.doc('/openapi.json', {
    openapi: '3.0.3',
    info: {
      title: 'Baton API',
      version: '0.1.0',
      description: 'Customer chat, agent inbox and live updates (WebSocket /api/live).',
    },
  });

  app.all('/api/*', (c) =>
    c.json(
      errorBody('not_found', `No API route ${c.req.method} ${c.req.path}. See /openapi.json for the list.`),
      404,
    ),
  );

  const webRoot = options.webRoot;
  if (webRoot && existsSync(join(webRoot, 'index.html'))) {
    app.use(
      '/*',
      serveStatic({ root: webRoot, onFound: (path, c) => c.header('Cache-Control', cacheFor(path)) }),
    );
    const page = (file: string) => async (c: Context) => {
      c.header('Cache-Control', 'no-cache');
      return c.html(await readFile(join(webRoot, file), 'utf8'));
    };
    // The customer chat is its own small build; the staff app routes on the client from index.html.
    app.get('/chat', page('chat.html'));
    app.get('/chat/*', page('chat.html'));
    app.get('*', page('index.html'));
  }
  return app;
};
