/** Canned replies: agents read their teams' (filled for a conversation); ops and admins keep them. */
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import {
  cannedRepliesListSchema,
  cannedRepliesQuerySchema,
  cannedReplyRequestSchema,
  cannedReplyViewSchema,
} from '../../api/canned-reply-schemas.ts';
import {
  cannedRepliesFor,
  createCannedReply,
  deleteCannedReply,
  updateCannedReply,
} from '../../app/canned-replies.ts';
import { knownPlaceholders } from '../../core/canned-replies/placeholders.ts';
import { errorResponses } from '../http-errors.ts';
import type { ServerDeps, ServerEnv } from '../server-env.ts';
import { requireAgent } from './require-agent.ts';

const json = <T extends z.ZodType>(schema: T) => ({ 'application/json': { schema } });
const idParams = z.object({ id: z.string().min(1).max(100) });
const session = [{ agentSession: [] }];
const body = { content: json(cannedReplyRequestSchema), required: true };

export const cannedReplyRoutes = (deps: ServerDeps) => {
  const routes = new OpenAPIHono<ServerEnv>();
  const ctx = deps.app;
  const shapes = deps.settings.lookupShapes ?? [];
  routes.use('/api/canned-replies', requireAgent(deps));
  routes.use('/api/canned-replies/*', requireAgent(deps));

  routes.openapi(
    createRoute({
      method: 'get',
      path: '/api/canned-replies',
      summary: 'Your teams’ canned replies; with ?conversation= filled in for it (its team’s first)',
      security: session,
      request: { query: cannedRepliesQuerySchema },
      responses: {
        200: {
          description: 'Replies, and the placeholders a reply may use',
          content: json(cannedRepliesListSchema),
        },
        ...errorResponses,
      },
    }),
    async (c) => {
      const replies = await cannedRepliesFor(ctx, c.var.agent, c.req.valid('query').conversation);
      const placeholders = [...knownPlaceholders(shapes)];
      return c.json(
        { replies: replies.map((r) => ({ ...r, unfilled: [...r.unfilled] })), placeholders },
        200,
      );
    },
  );

  routes.openapi(
    createRoute({
      method: 'post',
      path: '/api/canned-replies',
      summary: 'Save a team’s canned reply (ops and admins); unknown placeholders are refused',
      security: session,
      request: { body },
      responses: { 201: { description: 'Saved', content: json(cannedReplyViewSchema) }, ...errorResponses },
    }),
    async (c) => {
      const reply = await createCannedReply(ctx, c.var.agent, c.req.valid('json'), shapes);
      return c.json({ ...reply, unfilled: [...reply.unfilled] }, 201);
    },
  );

  routes.openapi(
    createRoute({
      method: 'put',
      path: '/api/canned-replies/{id}',
      summary: 'Change a canned reply (ops and admins)',
      security: session,
      request: { params: idParams, body },
      responses: { 200: { description: 'Saved', content: json(cannedReplyViewSchema) }, ...errorResponses },
    }),
    async (c) => {
      const reply = await updateCannedReply(
        ctx,
        c.var.agent,
        c.req.valid('param').id,
        c.req.valid('json'),
        shapes,
      );
      return c.json({ ...reply, unfilled: [...reply.unfilled] }, 200);
    },
  );

  routes.openapi(
    createRoute({
      method: 'delete',
      path: '/api/canned-replies/{id}',
      summary: 'Delete a canned reply (ops and admins)',
      security: session,
      request: { params: idParams },
      responses: { 204: { description: 'Deleted' }, ...errorResponses },
    }),
    async (c) => {
      await deleteCannedReply(ctx, c.var.agent, c.req.valid('param').id);
      return c.body(null, 204);
    },
  );

  return routes;
};
