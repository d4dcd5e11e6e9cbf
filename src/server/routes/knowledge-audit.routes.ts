/** The knowledge audit (SPEC §8): read it (qa, ops, admin); set how often articles are reviewed (ops, admin). */
import { createRoute, OpenAPIHono, type z } from '@hono/zod-openapi';
import {
  knowledgeAuditSchema,
  knowledgeAuditSettingsRequestSchema,
} from '../../api/knowledge-audit-schemas.ts';
import { knowledgeAuditView, saveKnowledgeAuditSettings } from '../../app/coaching/knowledge-audit-view.ts';
import { errorResponses } from '../http-errors.ts';
import type { ServerDeps, ServerEnv } from '../server-env.ts';
import { requireAgent } from './require-agent.ts';

const json = <T extends z.ZodType>(schema: T) => ({ 'application/json': { schema } });
const session = [{ agentSession: [] }];
const base = '/api/coaching/knowledge-audit';

export const knowledgeAuditRoutes = (deps: ServerDeps) => {
  const routes = new OpenAPIHono<ServerEnv>();
  routes.use(base, requireAgent(deps));
  routes.use(`${base}/*`, requireAgent(deps));

  routes.openapi(
    createRoute({
      method: 'get',
      path: base,
      summary:
        'Contradicting facts, near-duplicate articles and reviews overdue, each linking to the articles',
      security: session,
      responses: {
        200: { description: 'The audit of the published articles', content: json(knowledgeAuditSchema) },
        ...errorResponses,
      },
    }),
    async (c) => c.json(await knowledgeAuditView(deps.app, c.get('agent')), 200),
  );

  routes.openapi(
    createRoute({
      method: 'put',
      path: `${base}/settings`,
      summary: 'Sets how many days an article may go unreviewed before the audit lists it (ops and admins)',
      security: session,
      request: { body: { content: json(knowledgeAuditSettingsRequestSchema), required: true } },
      responses: {
        200: { description: 'The audit under the new setting', content: json(knowledgeAuditSchema) },
        ...errorResponses,
      },
    }),
    async (c) => c.json(await saveKnowledgeAuditSettings(deps.app, c.get('agent'), c.req.valid('json')), 200),
  );
  return routes;
};
