/** The HTTP application: API routes, the OpenAPI document, errors, and the built web app. */
import { OpenAPIHono } from '@hono/zod-openapi';
import { compress } from 'hono/compress';
import { maxKnowledgeImportBytes } from '../api/knowledge-schemas.ts';
import { errorHandler, validationHook } from './error-handling.ts';
import { errorBody } from './http-errors.ts';
import { metricsHandler } from './observability/metrics-route.ts';
import { createOperationalMetrics } from './observability/operational-metrics.ts';
import { type RequestObservability, requestObservability } from './observability/request-observability.ts';
import { apiKeyRoutes } from './routes/api-keys.routes.ts';
import { authRoutes } from './routes/auth.routes.ts';
import { cannedReplyRoutes } from './routes/canned-replies.routes.ts';
import { coachingRoutes } from './routes/coaching.routes.ts';
import { holdRoutes } from './routes/holds.routes.ts';
import { inboxRoutes } from './routes/inbox.routes.ts';
import { knowledgeRoutes } from './routes/knowledge.routes.ts';
import { knowledgeAuditRoutes } from './routes/knowledge-audit.routes.ts';
import { llmSettingsRoutes } from './routes/llm-settings.routes.ts';
import { metricsRoutes } from './routes/metrics.routes.ts';
import { metricsDrillDownRoutes } from './routes/metrics-drill-down.routes.ts';
import { opsRoutes } from './routes/ops.routes.ts';
import { peopleRoutes } from './routes/people.routes.ts';
import { plannerRoutes } from './routes/planner.routes.ts';
import { policyBacktestRoutes } from './routes/policy-backtest.routes.ts';
import { policyDraftRoutes } from './routes/policy-draft.routes.ts';
import { presenceRoutes } from './routes/presence.routes.ts';
import { responseTargetRoutes } from './routes/response-targets.routes.ts';
import { reviewRoutes } from './routes/review.routes.ts';
import { settingsRoutes } from './routes/settings.routes.ts';
import { setupRoutes } from './routes/setup.routes.ts';
import { tagRoutes } from './routes/tags.routes.ts';
import { teamRoutes } from './routes/teams.routes.ts';
import { thresholdSuggestionRoutes } from './routes/threshold-suggestions.routes.ts';
import { unreadRoutes } from './routes/unread.routes.ts';
import { webhookRoutes } from './routes/webhooks.routes.ts';
import { widgetRoutes } from './routes/widget.routes.ts';
import { limitBody } from './security/body-limit.ts';
import { enforceRouteAccess } from './security/route-access.ts';
import { securityHeaders } from './security/security-headers.ts';
import { requireUtf8Body } from './security/utf8-body.ts';
import { limitCustomerMessages, limitNewConversations } from './security/widget-limits.ts';
import type { ServerDeps, ServerEnv } from './server-env.ts';
import { closedSetupGate } from './setup/setup-gate.ts';
import { serveWebApp } from './web-app-files.ts';

const MAX_BODY_BYTES = 256 * 1024;

export interface HttpAppOptions {
  /** Folder of the built web app (web/dist); the API runs without it. */
  readonly webRoot?: string;
  /** Request ids, request logs and Prometheus metrics; a fresh registry and no log lines without it. */
  readonly observability?: RequestObservability & { readonly metricsToken?: string | undefined };
}

export const buildHttpApp = (deps: ServerDeps, options: HttpAppOptions = {}) => {
  const app = new OpenAPIHono<ServerEnv>({ defaultHook: validationHook });

  const observability = options.observability ?? { metrics: createOperationalMetrics() };
  app.use('*', ...requestObservability(observability));
  // gzip for what is read (lists, the web app's files: a JS bundle shrinks to about a third). A
  // write's reply is a small acknowledgement, and hono cannot see a JSON body's length to apply its
  // threshold: compressing it through a stream cost more CPU than anything else per customer
  // message (issue 9) to save a few hundred bytes.
  const gzip = compress();
  app.use('*', (c, next) => (c.req.method === 'GET' ? gzip(c, next) : next()));
  app.use(
    '*',
    securityHeaders({
      widgetFrameAncestors: deps.settings.widgetFrameAncestors ?? ['*'],
      https: deps.settings.secureCookies,
    }),
  );
  const tooLarge = (maxSize: number, what: string) =>
    limitBody(maxSize, (c) => {
      // The rest of the body is never read, so the connection cannot carry another request: say so.
      c.header('Connection', 'close');
      return c.json(errorBody('payload_too_large', `${what} is over ${maxSize / 1024} KiB. Send less.`), 413);
    });
  const apiBodyLimit = tooLarge(MAX_BODY_BYTES, 'The request body');
  // A knowledge import carries whole files; it has its own, larger bound.
  const importBodyLimit = tooLarge(maxKnowledgeImportBytes, 'This import');
  app.use('/api/*', (c, next) =>
    c.req.path === '/api/knowledge/import' ? importBodyLimit(c, next) : apiBodyLimit(c, next),
  );

  app.use('/api/*', requireUtf8Body);
  // Who may call which route (the role matrix), before any route reads its input.
  app.use('/api/*', enforceRouteAccess(deps));

  app.onError(errorHandler(deps.app.reportError));

  app.get('/api/health', (c) => c.json({ ok: true }));
  // Before the web app's catch-all, which would otherwise answer /metrics with index.html.
  app.get('/metrics', metricsHandler(observability.metrics, observability.metricsToken));
  app.use('/api/widget/conversations', limitNewConversations(deps));
  app.use('/api/widget/conversations/:id/messages', limitCustomerMessages(deps));
  app.route('/', widgetRoutes(deps));
  app.route('/', authRoutes(deps));
  app.route('/', inboxRoutes(deps));
  app.route('/', cannedReplyRoutes(deps));
  app.route('/', holdRoutes(deps));
  app.route('/', tagRoutes(deps));
  app.route('/', unreadRoutes(deps));
  app.route('/', presenceRoutes(deps));
  app.route('/', plannerRoutes(deps));
  app.route('/', opsRoutes(deps));
  app.route('/', llmSettingsRoutes(deps));
  app.route('/', reviewRoutes(deps));
  app.route('/', coachingRoutes(deps));
  app.route('/', thresholdSuggestionRoutes(deps));
  app.route('/', policyBacktestRoutes(deps));
  app.route('/', policyDraftRoutes(deps));
  app.route('/', knowledgeAuditRoutes(deps));
  app.route('/', metricsRoutes(deps));
  app.route('/', metricsDrillDownRoutes(deps));
  app.route('/', setupRoutes<ServerEnv['Variables']>(closedSetupGate));
  app.route('/', peopleRoutes(deps));
  app.route('/', webhookRoutes(deps));
  app.route('/', knowledgeRoutes(deps));
  app.route('/', teamRoutes(deps));
  app.route('/', responseTargetRoutes(deps));
  app.route('/', apiKeyRoutes(deps));
  app.route('/', settingsRoutes(deps));

  app.openAPIRegistry.registerComponent('securitySchemes', 'customerToken', {
    type: 'http',
    scheme: 'bearer',
  });
  app.openAPIRegistry.registerComponent('securitySchemes', 'agentSession', {
    type: 'apiKey',
    in: 'cookie',
    name: 'baton_session',
  });
  app.openAPIRegistry.registerComponent('securitySchemes', 'apiKey', {
    type: 'http',
    scheme: 'bearer',
    description: 'An API key (baton_key_…) from Settings; each route says which scopes it accepts.',
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

  serveWebApp(app, options.webRoot);
  return app;
};
