/**
 * The workspace's LLM settings API (issue 11): which answerer it uses, its endpoint and model,
 * and a write-only API key stored encrypted. Signed-in agents read; ops and admins change.
 * The ops console's LLM section uses it; "Test connection" calls the provider from the server.
 */
import { createRoute, OpenAPIHono, type z } from '@hono/zod-openapi';
import { checkLlmConnection } from '../../adapters/ai/llm/llm-connection-check.ts';
import {
  llmConnectionResultSchema,
  llmSettingsViewSchema,
  saveLlmSettingsRequestSchema,
  testLlmConnectionRequestSchema,
} from '../../api/llm-settings-schemas.ts';
import { llmSettingsView, saveLlmSettings, testLlmConnection } from '../../app/ops/llm-settings.ts';
import { errorResponses } from '../http-errors.ts';
import type { ServerDeps, ServerEnv } from '../server-env.ts';
import { requireAgent } from './require-agent.ts';

const json = <T extends z.ZodType>(schema: T) => ({ 'application/json': { schema } });
const session = [{ agentSession: [] }];

export const llmSettingsRoutes = (deps: ServerDeps) => {
  const routes = new OpenAPIHono<ServerEnv>();
  routes.use('/api/ops/llm-settings', requireAgent(deps));
  routes.use('/api/ops/llm-settings/*', requireAgent(deps));
  const environment = deps.settings.environmentLlm ?? null;

  routes.openapi(
    createRoute({
      method: 'get',
      path: '/api/ops/llm-settings',
      summary:
        'The workspace LLM settings: mode, endpoint, model, whether a key is set, and what turns use now',
      security: session,
      responses: {
        200: { description: 'The LLM settings (never the key)', content: json(llmSettingsViewSchema) },
        ...errorResponses,
      },
    }),
    async (c) => c.json(await llmSettingsView(deps.app.store, c.get('agent').workspaceId, environment), 200),
  );

  routes.openapi(
    createRoute({
      method: 'put',
      path: '/api/ops/llm-settings',
      summary: 'Saves the workspace LLM settings (ops and admins); the key is stored encrypted',
      description:
        'mode `environment` follows BATON_LLM_*; `embedded` never calls a model; `llm` uses baseUrl and model. ' +
        'apiKey: a new key, null to remove the stored one, or leave it out to keep it.',
      security: session,
      request: { body: { content: json(saveLlmSettingsRequestSchema), required: true } },
      responses: {
        200: {
          description: 'Saved; the next turns use it within seconds',
          content: json(llmSettingsViewSchema),
        },
        ...errorResponses,
      },
    }),
    async (c) =>
      c.json(
        await saveLlmSettings(deps.app.store, c.get('agent'), c.req.valid('json'), {
          secret: deps.settings.secret,
          environment,
          now: deps.app.now(),
        }),
        200,
      ),
  );
  routes.openapi(
    createRoute({
      method: 'post',
      path: '/api/ops/llm-settings/test',
      summary: 'Calls the model endpoint once with this model and key (or the stored key): does it answer?',
      description: 'Ops and admins. Nothing is saved. A failure is a 200 with ok false and why.',
      security: session,
      request: { body: { content: json(testLlmConnectionRequestSchema), required: true } },
      responses: {
        200: { description: 'What the endpoint did', content: json(llmConnectionResultSchema) },
        ...errorResponses,
      },
    }),
    async (c) =>
      c.json(
        await testLlmConnection(deps.app.store, c.get('agent'), c.req.valid('json'), {
          secret: deps.settings.secret,
          check: checkLlmConnection,
        }),
        200,
      ),
  );
  return routes;
};
