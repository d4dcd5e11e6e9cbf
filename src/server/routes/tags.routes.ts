/** Conversation tags: the workspace's tags with counts, and tagging or untagging a conversation. */
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { conversationSummarySchema } from '../../api/schemas.ts';
import { workspaceTagsResponseSchema } from '../../api/tag-schemas.ts';
import { changeConversationTag, listWorkspaceTags } from '../../app/conversation-tags.ts';
import { errorResponses } from '../http-errors.ts';
import type { ServerDeps, ServerEnv } from '../server-env.ts';
import { requireAgent } from './require-agent.ts';

const json = <T extends z.ZodType>(schema: T) => ({ 'application/json': { schema } });
const session = [{ agentSession: [] }];
const tagParams = z.object({ id: z.string().min(1).max(100), name: z.string().min(1).max(200) });

const tagRoute = (method: 'put' | 'delete', summary: string) =>
  createRoute({
    method,
    path: '/api/inbox/conversations/{id}/tags/{name}',
    summary,
    description:
      'Idempotent. The name is trimmed and lower-cased; 1–32 letters, digits, spaces, "-" or "_" (else 400 `tag_invalid`). ' +
      'A conversation carries at most 20 tags (409 `too_many_tags`). Writes a `tag_added` / `tag_removed` event.',
    security: session,
    request: { params: tagParams },
    responses: {
      200: { description: 'The conversation with its tags', content: json(conversationSummarySchema) },
      ...errorResponses,
    },
  });

export const tagRoutes = (deps: ServerDeps) => {
  const routes = new OpenAPIHono<ServerEnv>();
  const ctx = deps.app;
  routes.use('/api/inbox/tags', requireAgent(deps));
  routes.use('/api/inbox/conversations/:id/tags/*', requireAgent(deps));

  routes.openapi(
    createRoute({
      method: 'get',
      path: '/api/inbox/tags',
      summary: 'The workspace’s tags by name, with how many conversations carry each',
      security: session,
      responses: {
        200: { description: 'Tags', content: json(workspaceTagsResponseSchema) },
        ...errorResponses,
      },
    }),
    async (c) => c.json({ tags: await listWorkspaceTags(ctx) }, 200),
  );

  routes.openapi(tagRoute('put', 'Tag the conversation (agents, specialists, ops, admins)'), async (c) => {
    const { id, name } = c.req.valid('param');
    return c.json(await changeConversationTag(ctx, c.var.agent, id, name, 'add'), 200);
  });

  routes.openapi(tagRoute('delete', 'Take a tag off the conversation'), async (c) => {
    const { id, name } = c.req.valid('param');
    return c.json(await changeConversationTag(ctx, c.var.agent, id, name, 'remove'), 200);
  });
  return routes;
};
