/** The first-run set-up: whether it is needed, and creating the workspace and first admin. */
import { createRoute, OpenAPIHono, type z } from '@hono/zod-openapi';
import { setupRequestSchema, setupResponseSchema, setupStatusSchema } from '../../api/company-schemas.ts';
import { errorResponses } from '../http-errors.ts';
import type { SetupGate } from '../setup/setup-gate.ts';

const json = <T extends z.ZodType>(schema: T) => ({ 'application/json': { schema } });

export const setupRoutes = <E extends object>(gate: SetupGate) => {
  const routes = new OpenAPIHono<{ Variables: E }>();
  routes.openapi(
    createRoute({
      method: 'get',
      path: '/api/setup',
      summary: 'Whether this install still waits for its first set-up',
      responses: { 200: { description: 'Set-up status', content: json(setupStatusSchema) } },
    }),
    (c) => c.json({ needed: gate.needed() }, 200),
  );
  routes.openapi(
    createRoute({
      method: 'post',
      path: '/api/setup',
      summary: 'Create the workspace and its first admin with the one-time set-up link',
      request: { body: { content: json(setupRequestSchema), required: true } },
      responses: { 201: { description: 'Set up', content: json(setupResponseSchema) }, ...errorResponses },
    }),
    async (c) => {
      const { workspace, admin } = await gate.complete(c.req.valid('json'));
      return c.json(
        {
          workspace: { slug: workspace.slug, name: workspace.name },
          admin: { email: admin.email, name: admin.name },
          signInPath: '/agent',
        },
        201,
      );
    },
  );
  return routes;
};
