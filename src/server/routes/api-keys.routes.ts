/** API keys (issue 10, SPEC §11): admins list, create (the secret shown once) and revoke keys. */
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import {
  apiKeyListSchema,
  apiKeyViewSchema,
  createdApiKeySchema,
  newApiKeySchema,
} from '../../api/api-key-schemas.ts';
import { createApiKey, listApiKeys, revokeApiKey } from '../../app/company/api-keys.ts';
import type { ApiKey } from '../../core/auth/api-key-scopes.ts';
import { errorResponses } from '../http-errors.ts';
import type { ServerDeps, ServerEnv } from '../server-env.ts';
import { requireAgent } from './require-agent.ts';

const json = <T extends z.ZodType>(schema: T) => ({ 'application/json': { schema } });
const idParam = z.object({ id: z.string().min(1).max(100) });

const presentKey = (key: ApiKey) => ({
  id: key.id,
  name: key.name,
  prefix: key.prefix,
  scopes: [...key.scopes],
  createdAt: key.createdAt.toISOString(),
  lastUsedAt: key.lastUsedAt?.toISOString() ?? null,
  revokedAt: key.revokedAt?.toISOString() ?? null,
});

export const apiKeyRoutes = (deps: ServerDeps) => {
  const routes = new OpenAPIHono<ServerEnv>();
  const ctx = deps.app;
  routes.use('/api/settings/api-keys', requireAgent(deps));
  routes.use('/api/settings/api-keys/*', requireAgent(deps));

  routes.openapi(
    createRoute({
      method: 'get',
      path: '/api/settings/api-keys',
      summary: "The workspace's API keys, revoked ones included, newest first (admins)",
      responses: { 200: { description: 'Keys', content: json(apiKeyListSchema) }, ...errorResponses },
    }),
    async (c) => c.json({ keys: (await listApiKeys(ctx, c.var.agent)).map(presentKey) }, 200),
  );

  routes.openapi(
    createRoute({
      method: 'post',
      path: '/api/settings/api-keys',
      summary: 'Create a key with scopes; its secret is in this answer only (admins)',
      request: { body: { content: json(newApiKeySchema), required: true } },
      responses: { 201: { description: 'Created', content: json(createdApiKeySchema) }, ...errorResponses },
    }),
    async (c) => {
      const { key, secret } = await createApiKey(ctx, c.var.agent, c.req.valid('json'));
      return c.json({ key: presentKey(key), secret }, 201);
    },
  );

  routes.openapi(
    createRoute({
      method: 'post',
      path: '/api/settings/api-keys/{id}/revoke',
      summary: 'Revoke a key: it stops working at once, on every process (admins)',
      request: { params: idParam },
      responses: { 200: { description: 'Revoked', content: json(apiKeyViewSchema) }, ...errorResponses },
    }),
    async (c) => c.json(presentKey(await revokeApiKey(ctx, c.var.agent, c.req.valid('param').id)), 200),
  );
  return routes;
};
