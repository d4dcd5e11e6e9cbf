/** The policy draft a threshold suggestion became (issue 14 item 6): read it (qa, ops, admin), publish or discard it (ops, admin). */
import { createRoute, OpenAPIHono, type z } from '@hono/zod-openapi';
import { policyViewSchema } from '../../api/ops-schemas.ts';
import { policyDraftActionSchema, policyDraftResponseSchema } from '../../api/policy-draft-schemas.ts';
import { errorBodySchema } from '../../api/schemas.ts';
import { discardPolicyDraft, policyDraftView, publishPolicyDraft } from '../../app/ops/policy-draft.ts';
import { errorResponses } from '../http-errors.ts';
import type { ServerDeps, ServerEnv } from '../server-env.ts';
import { requireAgent } from './require-agent.ts';

const json = <T extends z.ZodType>(schema: T) => ({ 'application/json': { schema } });
const session = [{ agentSession: [] }];
const path = '/api/ops/policy/draft';

export const policyDraftRoutes = (deps: ServerDeps) => {
  const routes = new OpenAPIHono<ServerEnv>();
  routes.use(path, requireAgent(deps));
  routes.use(`${path}/*`, requireAgent(deps));
  const { store } = deps.app;

  routes.openapi(
    createRoute({
      method: 'get',
      path,
      summary: 'The workspace’s policy draft from an accepted threshold suggestion, or null',
      security: session,
      responses: {
        200: { description: 'The draft', content: json(policyDraftResponseSchema) },
        ...errorResponses,
      },
    }),
    async (c) => c.json(await policyDraftView(store, c.get('agent')), 200),
  );

  routes.openapi(
    createRoute({
      method: 'post',
      path: `${path}/publish`,
      summary: 'Publishes the named draft as the next policy version, with its note (ops and admins)',
      security: session,
      request: { body: { content: json(policyDraftActionSchema), required: true } },
      responses: {
        200: { description: 'The newly published version', content: json(policyViewSchema) },
        ...errorResponses,
        422: {
          description: 'The draft no longer validates: code policy_invalid',
          content: json(errorBodySchema),
        },
      },
    }),
    async (c) =>
      c.json(await publishPolicyDraft(store, c.get('agent'), c.req.valid('json').draft, deps.app.now()), 200),
  );

  routes.openapi(
    createRoute({
      method: 'post',
      path: `${path}/discard`,
      summary: 'Discards the named draft; the published policy is untouched (ops and admins)',
      security: session,
      request: { body: { content: json(policyDraftActionSchema), required: true } },
      responses: {
        200: { description: 'No draft any more', content: json(policyDraftResponseSchema) },
        ...errorResponses,
      },
    }),
    async (c) =>
      c.json(await discardPolicyDraft(store, c.get('agent'), c.req.valid('json').draft, deps.app.now()), 200),
  );
  return routes;
};
