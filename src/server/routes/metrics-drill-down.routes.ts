/**
 * GET /api/metrics/series and GET /api/metrics/conversations: the analytics page's charts over time
 * and the conversations behind any of their numbers (ops, admins, QA, or a `metrics:read` key).
 */
import { createRoute, OpenAPIHono, type z } from '@hono/zod-openapi';
import {
  metricConversationsQuerySchema,
  metricConversationsResponseSchema,
  metricsSeriesQuerySchema,
  metricsSeriesResponseSchema,
  metricsWindowOf,
  seriesWindowProblem,
} from '../../api/metrics-schemas.ts';
import { metricConversationsForAgent, metricsSeriesForAgent } from '../../app/metrics-drill-down.ts';
import { DomainError } from '../../core/errors.ts';
import { errorResponses } from '../http-errors.ts';
import type { ServerDeps, ServerEnv } from '../server-env.ts';
import { toMetricConversation, toSeriesPeriod, windowEcho } from './metrics-drill-down.views.ts';
import { requireAgent } from './require-agent.ts';

const json = <T extends z.ZodType>(schema: T) => ({ 'application/json': { schema } });

type FilterQuery = { from?: Date; to?: Date; category?: string; team?: string; channel?: string };

const filterOf = (query: FilterQuery, asOf: Date) => {
  const { from, to } = metricsWindowOf(query, asOf);
  return { from, to, category: query.category, teamKey: query.team, channel: query.channel };
};

export const metricsDrillDownRoutes = (deps: ServerDeps) => {
  const routes = new OpenAPIHono<ServerEnv>();
  routes.use('/api/metrics/*', requireAgent(deps));
  routes.openapi(
    createRoute({
      method: 'get',
      path: '/api/metrics/series',
      summary: 'Each rate’s two counts per UTC day or ISO week of the window, with the report’s filters',
      security: [{ agentSession: [] }],
      request: { query: metricsSeriesQuerySchema },
      responses: {
        200: {
          description: 'One entry per period the window touches',
          content: json(metricsSeriesResponseSchema),
        },
        ...errorResponses,
      },
    }),
    async (c) => {
      const query = c.req.valid('query');
      const asOf = deps.app.now();
      const filter = filterOf(query, asOf);
      const problem = seriesWindowProblem(filter, query.by);
      if (problem) throw new DomainError('invalid_input', problem);
      const series = await metricsSeriesForAgent(deps.app.store, c.get('agent'), filter, asOf, query.by);
      return c.json(
        { by: query.by, query: windowEcho(query, filter, asOf), series: series.map(toSeriesPeriod) },
        200,
      );
    },
  );
  routes.openapi(
    createRoute({
      method: 'get',
      path: '/api/metrics/conversations',
      summary: 'The conversations one number counted (a rate’s counts or of side), newest first, paged',
      security: [{ agentSession: [] }],
      request: { query: metricConversationsQuerySchema },
      responses: {
        200: {
          description: 'A page of the conversations and their total',
          content: json(metricConversationsResponseSchema),
        },
        ...errorResponses,
      },
    }),
    async (c) => {
      const { metric, part, limit, offset, ...query } = c.req.valid('query');
      const asOf = deps.app.now();
      const filter = filterOf(query, asOf);
      const page = await metricConversationsForAgent(
        deps.app.store,
        c.get('agent'),
        filter,
        asOf,
        { metric, part },
        { limit, offset },
      );
      const conversations = page.conversations.map(toMetricConversation);
      return c.json(
        {
          metric,
          part,
          query: windowEcho(query, filter, asOf),
          total: page.total,
          limit,
          offset,
          conversations,
        },
        200,
      );
    },
  );
  return routes;
};
