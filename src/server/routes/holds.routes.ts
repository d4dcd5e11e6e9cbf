/** Snooze and waiting on the customer: an agent puts a conversation on hold or takes it off. */
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { holdRequestSchema } from '../../api/hold-schemas.ts';
import { conversationSummarySchema } from '../../api/schemas.ts';
import { setHold } from '../../app/conversation-holds.ts';
import { summarise } from '../../app/inbox-views.ts';
import type { HoldRequest } from '../../core/conversation/hold.ts';
import { errorResponses } from '../http-errors.ts';
import type { ServerDeps, ServerEnv } from '../server-env.ts';
import { requireAgent } from './require-agent.ts';

const json = <T extends z.ZodType>(schema: T) => ({ 'application/json': { schema } });

export const holdRoutes = (deps: ServerDeps) => {
  const routes = new OpenAPIHono<ServerEnv>();
  const ctx = deps.app;
  routes.use('/api/inbox/conversations/:id/hold', requireAgent(deps));
  routes.openapi(
    createRoute({
      method: 'put',
      path: '/api/inbox/conversations/{id}/hold',
      summary: 'Snooze until a time, mark waiting on the customer, or (kind none) take the hold off',
      description:
        'A held conversation leaves the queue and "mine" views (filter with ?hold=) and comes back when the snooze time passes or the customer writes.',
      security: [{ agentSession: [] }],
      request: {
        params: z.object({ id: z.string().min(1).max(100) }),
        body: { content: json(holdRequestSchema), required: true },
      },
      responses: {
        200: { description: 'Updated', content: json(conversationSummarySchema) },
        ...errorResponses,
      },
    }),
    async (c) => {
      const body = c.req.valid('json');
      const request: HoldRequest =
        body.kind === 'snoozed' ? { kind: 'snoozed', until: new Date(body.until) } : body;
      const held = await setHold(ctx, c.var.agent, c.req.valid('param').id, request);
      return c.json(await summarise(ctx, held), 200);
    },
  );
  return routes;
};
