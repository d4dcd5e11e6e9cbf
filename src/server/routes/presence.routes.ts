/** Collision detection: announcing that you are viewing a conversation, or left it. */
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { presenceRequestSchema } from '../../api/presence-schemas.ts';
import { announcePresence } from '../../app/presence.ts';
import { errorResponses } from '../http-errors.ts';
import type { ServerDeps, ServerEnv } from '../server-env.ts';
import { requireAgent } from './require-agent.ts';

const json = <T extends z.ZodType>(schema: T) => ({ 'application/json': { schema } });
const idParams = z.object({ id: z.string().min(1).max(100) });

export const presenceRoutes = (deps: ServerDeps) => {
  const routes = new OpenAPIHono<ServerEnv>();
  routes.use('/api/inbox/conversations/*', requireAgent(deps));
  routes.openapi(
    createRoute({
      method: 'post',
      path: '/api/inbox/conversations/{id}/presence',
      summary:
        'You are viewing the conversation (repeat every ~15 s), or left it: colleagues see "<name> is viewing"',
      description:
        'Staff only; the customer never hears of it. Writing a reply is announced by the typing call.',
      security: [{ agentSession: [] }],
      request: { params: idParams, body: { content: json(presenceRequestSchema), required: true } },
      responses: { 204: { description: 'Announced' }, ...errorResponses },
    }),
    async (c) => {
      await announcePresence(deps.app, c.var.agent, c.req.valid('param').id, c.req.valid('json').activity);
      return c.body(null, 204);
    },
  );
  return routes;
};
