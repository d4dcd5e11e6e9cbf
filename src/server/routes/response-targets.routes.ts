/** First- and next-response targets per team (issue 15): every staff role reads them; ops and admins set them. */
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import {
  responseTargetsListSchema,
  responseTargetsRequestSchema,
} from '../../api/response-target-schemas.ts';
import { teamKeySchema } from '../../api/team-schemas.ts';
import { responseTargetsView, saveResponseTargets } from '../../app/response-targets.ts';
import { errorResponses } from '../http-errors.ts';
import type { ServerDeps, ServerEnv } from '../server-env.ts';
import { requireAgent } from './require-agent.ts';

const json = <T extends z.ZodType>(schema: T) => ({ 'application/json': { schema } });
const session = [{ agentSession: [] }];

export const responseTargetRoutes = (deps: ServerDeps) => {
  const routes = new OpenAPIHono<ServerEnv>();
  const ctx = deps.app;
  routes.use('/api/response-targets', requireAgent(deps));
  routes.use('/api/response-targets/*', requireAgent(deps));

  routes.openapi(
    createRoute({
      method: 'get',
      path: '/api/response-targets',
      summary: 'Each team’s first- and next-response targets in minutes, and whether they are its own',
      security: session,
      responses: {
        200: { description: 'Targets', content: json(responseTargetsListSchema) },
        ...errorResponses,
      },
    }),
    async (c) => c.json(await responseTargetsView(ctx, c.var.agent), 200),
  );

  routes.openapi(
    createRoute({
      method: 'put',
      path: '/api/response-targets/{teamKey}',
      summary: 'Set a team’s first- and next-response targets, as its next version (ops, admin)',
      security: session,
      request: {
        params: z.object({ teamKey: teamKeySchema }),
        body: { content: json(responseTargetsRequestSchema), required: true },
      },
      responses: {
        200: { description: 'Saved', content: json(responseTargetsListSchema) },
        ...errorResponses,
      },
    }),
    async (c) => {
      const { teamKey } = c.req.valid('param');
      return c.json(await saveResponseTargets(ctx, c.var.agent, teamKey, c.req.valid('json')), 200);
    },
  );

  return routes;
};
