/** The review queue API (SPEC §8): the week's sample and flags, one conversation, and its label. */
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import {
  reviewConversationSchema,
  reviewLabelRequestSchema,
  reviewLabelViewSchema,
  reviewQueueSchema,
  reviewWeekQuerySchema,
} from '../../api/review-schemas.ts';
import { labelConversation, reviewConversation, reviewQueue } from '../../app/coaching/review-queue.ts';
import { errorResponses } from '../http-errors.ts';
import type { ServerDeps, ServerEnv } from '../server-env.ts';
import { requireAgent } from './require-agent.ts';

const json = <T extends z.ZodType>(schema: T) => ({ 'application/json': { schema } });
const session = [{ agentSession: [] }];
const idParams = z.object({ id: z.string().min(1).max(100) });

export const reviewRoutes = (deps: ServerDeps) => {
  const routes = new OpenAPIHono<ServerEnv>();
  routes.use('/api/review/*', requireAgent(deps));

  routes.openapi(
    createRoute({
      method: 'get',
      path: '/api/review/queue',
      summary: 'The week’s review queue (qa, ops, admin): flags and the stratified sample with weights',
      security: session,
      request: { query: reviewWeekQuerySchema },
      responses: { 200: { description: 'The queue', content: json(reviewQueueSchema) }, ...errorResponses },
    }),
    async (c) => c.json(await reviewQueue(deps.app, c.get('agent'), c.req.valid('query').week), 200),
  );

  routes.openapi(
    createRoute({
      method: 'get',
      path: '/api/review/conversations/{id}',
      summary: 'One conversation to review: transcript, sources, decision trace and labels',
      security: session,
      request: { params: idParams },
      responses: {
        200: { description: 'The conversation', content: json(reviewConversationSchema) },
        ...errorResponses,
      },
    }),
    async (c) => c.json(await reviewConversation(deps.app, c.get('agent'), c.req.valid('param').id), 200),
  );

  routes.openapi(
    createRoute({
      method: 'put',
      path: '/api/review/conversations/{id}/label',
      summary: 'Labels a conversation (once per reviewer; labelling again changes the label)',
      security: session,
      request: { params: idParams, body: { content: json(reviewLabelRequestSchema), required: true } },
      responses: {
        200: { description: 'The stored label', content: json(reviewLabelViewSchema) },
        ...errorResponses,
      },
    }),
    async (c) =>
      c.json(
        await labelConversation(deps.app, c.get('agent'), c.req.valid('param').id, c.req.valid('json')),
        200,
      ),
  );
  return routes;
};
