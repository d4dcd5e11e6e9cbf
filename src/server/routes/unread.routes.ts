/** Unread markers: the signed-in person's unread conversations and counts, and marking one read. */
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { unreadViewSchema } from '../../api/unread-schemas.ts';
import { markConversationRead, unreadFor } from '../../app/unread.ts';
import { errorResponses } from '../http-errors.ts';
import type { ServerDeps, ServerEnv } from '../server-env.ts';
import { requireAgent } from './require-agent.ts';

const json = <T extends z.ZodType>(schema: T) => ({ 'application/json': { schema } });
const idParams = z.object({ id: z.string().min(1).max(100) });
const session = [{ agentSession: [] }];

export const unreadRoutes = (deps: ServerDeps) => {
  const routes = new OpenAPIHono<ServerEnv>();
  const ctx = deps.app;
  routes.use('/api/inbox/unread', requireAgent(deps));
  routes.use('/api/inbox/conversations/*', requireAgent(deps));

  routes.openapi(
    createRoute({
      method: 'get',
      path: '/api/inbox/unread',
      summary:
        'Conversations with customer messages or colleagues’ replies you have not read, and counts per view and team',
      security: session,
      responses: { 200: { description: 'Unread', content: json(unreadViewSchema) }, ...errorResponses },
    }),
    async (c) => c.json(await unreadFor(ctx, c.var.agent), 200),
  );

  routes.openapi(
    createRoute({
      method: 'post',
      path: '/api/inbox/conversations/{id}/read',
      summary: 'You have read the conversation: it is no longer unread for you until something new arrives',
      security: session,
      request: { params: idParams },
      responses: { 204: { description: 'Marked read' }, ...errorResponses },
    }),
    async (c) => {
      await markConversationRead(ctx, c.var.agent, c.req.valid('param').id);
      return c.body(null, 204);
    },
  );
  return routes;
};
