/**
 * Every HTTP request gets a request id (the caller's X-Request-Id when it sends a sane one, else a
 * new one, echoed in the response), one structured log line, and an observation in the request
 * histogram labelled by route pattern, so `/conversations/:id` is one series, not one per id.
 */
import type { MiddlewareHandler } from 'hono';
import { createMiddleware } from 'hono/factory';
import { requestId } from 'hono/request-id';
import { routePath } from 'hono/route';
import type { Logger } from 'pino';
import type { OperationalMetrics } from './operational-metrics.ts';

export const REQUEST_ID_HEADER = 'X-Request-Id';

export interface RequestObservability {
  readonly metrics: OperationalMetrics;
  /** Request log lines go here; none without it. */
  readonly log?: Logger | undefined;
}

/** Paths scraped or probed every few seconds: logged at debug so they do not drown the rest. */
const quietPaths = new Set(['/metrics', '/api/health']);

const measure = (
  observability: RequestObservability,
): MiddlewareHandler<{ Variables: { requestId: string } }> =>
  createMiddleware(async (c, next) => {
    const started = performance.now();
    await next();
    const seconds = (performance.now() - started) / 1000;
    // After the chain ran, the route index points at the handler that answered.
    const route = routePath(c);
    const status = c.res.status;
    observability.metrics.httpRequestDuration.observe(
      { method: c.req.method, route, status: String(status) },
      seconds,
    );
    const log = observability.log;
    if (!log) return;
    const line = {
      requestId: c.var.requestId,
      method: c.req.method,
      route,
      // The path only: query strings can carry tokens (the live socket's, for one).
      path: c.req.path,
      status,
      durationMs: Math.round(seconds * 10_000) / 10,
    };
    if (status >= 500) log.error(line, 'request failed');
    else if (quietPaths.has(c.req.path)) log.debug(line, 'request');
    else log.info(line, 'request');
  });

/** The middleware pair to mount first on the app: request id, then measurement and the log line. */
export const requestObservability = (observability: RequestObservability): MiddlewareHandler[] => [
  requestId({ headerName: REQUEST_ID_HEADER }),
  measure(observability),
];
