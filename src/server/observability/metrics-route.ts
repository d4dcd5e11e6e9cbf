/**
 * GET /metrics in Prometheus text format. Open by default, like most exporters on an internal
 * network; with a metrics token set, scrapers must send it as a bearer token.
 */
import { timingSafeEqual } from 'node:crypto';
import type { Context } from 'hono';
import type { OperationalMetrics } from './operational-metrics.ts';

const sameSecret = (given: string, expected: string): boolean => {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
};

export const metricsHandler =
  (metrics: OperationalMetrics, token: string | undefined) =>
  async (c: Context): Promise<Response> => {
    if (token !== undefined) {
      const given = c.req.header('authorization')?.replace(/^Bearer\s+/i, '') ?? '';
      if (!sameSecret(given, token)) {
        return c.json(
          {
            error: {
              code: 'unauthenticated',
              message: 'Send the metrics token as "Authorization: Bearer <BATON_METRICS_TOKEN>".',
            },
          },
          401,
        );
      }
    }
    return c.body(await metrics.registry.metrics(), 200, { 'content-type': metrics.registry.contentType });
  };
