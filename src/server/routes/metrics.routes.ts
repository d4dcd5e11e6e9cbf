/** GET /api/metrics: the SPEC §9 numbers for a window and filters (ops, admins and QA). */
import { createRoute, OpenAPIHono, type z } from '@hono/zod-openapi';
import { metricsQuerySchema, metricsResponseSchema, metricsWindowOf } from '../../api/metrics-schemas.ts';
import { metricsForAgent } from '../../app/metrics-report.ts';
import { errorResponses } from '../http-errors.ts';
import type { ServerDeps, ServerEnv } from '../server-env.ts';
import { requireAgent } from './require-agent.ts';

const json = <T extends z.ZodType>(schema: T) => ({ 'application/json': { schema } });

export const metricsRoutes = (deps: ServerDeps) => {
  const routes = new OpenAPIHono<ServerEnv>();
  routes.use('/api/metrics', requireAgent(deps));
  routes.openapi(
    createRoute({
      method: 'get',
      path: '/api/metrics',
      summary:
        'The SPEC §9 metrics for a window (first customer message from ≤ t < to), by category, team, channel',
      security: [{ agentSession: [] }],
      request: { query: metricsQuerySchema },
      responses: {
        200: {
          description: 'The report, with the keys of the baton replay report',
          content: json(metricsResponseSchema),
        },
        ...errorResponses,
      },
    }),
    async (c) => {
      const query = c.req.valid('query');
      const asOf = deps.app.now();
      const { from, to } = metricsWindowOf(query, asOf);
      const filter = { from, to, category: query.category, teamKey: query.team, channel: query.channel };
      const { report, recounting } = await metricsForAgent(deps.app.store, c.get('agent'), filter, asOf);
      const echo = {
        category: query.category ?? null,
        team: query.team ?? null,
        channel: query.channel ?? null,
      };
      const window = { from: from.toISOString(), to: to.toISOString(), asOf: asOf.toISOString() };
      return c.json({ ...report, recounting, query: { ...window, ...echo } }, 200);
    },
  );
  return routes;
};
