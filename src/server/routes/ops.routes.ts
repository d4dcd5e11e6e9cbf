/**
 * The ops console API (SPEC §5, §6, §1 "Knowledge & ops"): the escalation policy with its audit
 * trail, the handoff wording, and integration health. Any signed-in agent reads; only ops and
 * admins change (the use cases check `canChangePolicy`).
 */
import { createRoute, OpenAPIHono, type z } from '@hono/zod-openapi';
import {
  handoffTemplatesViewSchema,
  integrationsHealthResponseSchema,
  policyCheckRequestSchema,
  policyCheckResponseSchema,
  policyDiffQuerySchema,
  policyDiffResponseSchema,
  policyVersionParamsSchema,
  policyVersionsResponseSchema,
  policyViewSchema,
  publishPolicyRequestSchema,
  publishTemplatesRequestSchema,
  rollbackPolicyRequestSchema,
  templatesCheckRequestSchema,
  templatesCheckResponseSchema,
} from '../../api/ops-schemas.ts';
import { errorBodySchema } from '../../api/schemas.ts';
import {
  handoffTemplatesView,
  lintTemplatesOverride,
  publishTemplates,
} from '../../app/ops/handoff-templates.ts';
import { integrationsHealth } from '../../app/ops/integration-health-view.ts';
import { checkPolicy, currentPolicyView, policyHistory, publishPolicy } from '../../app/ops/policy-admin.ts';
import { policyDiff, policyVersionView, rollbackPolicy } from '../../app/ops/policy-versions.ts';
import { errorBody, errorResponses } from '../http-errors.ts';
import type { ServerDeps, ServerEnv } from '../server-env.ts';
import { requireAgent } from './require-agent.ts';

const json = <T extends z.ZodType>(schema: T) => ({ 'application/json': { schema } });
const session = [{ agentSession: [] }];
const refused = (what: string) => ({
  422: { description: `${what} (error.details lists every problem)`, content: json(errorBodySchema) },
});

export const opsRoutes = (deps: ServerDeps) => {
  const routes = new OpenAPIHono<ServerEnv>();
  routes.use('/api/ops/*', requireAgent(deps));
  const { store } = deps.app;

  routes.openapi(
    createRoute({
      method: 'get',
      path: '/api/ops/policy',
      summary:
        'The current escalation policy: version, YAML for editing, the whole document, author and note',
      security: session,
      responses: {
        200: { description: 'The current policy', content: json(policyViewSchema) },
        ...errorResponses,
      },
    }),
    async (c) => c.json(await currentPolicyView(store, c.get('agent')), 200),
  );

  routes.openapi(
    createRoute({
      method: 'get',
      path: '/api/ops/policy/versions',
      summary: 'The policy audit trail: every published version with who, when and why, newest first',
      security: session,
      responses: {
        200: { description: 'Published versions', content: json(policyVersionsResponseSchema) },
        ...errorResponses,
      },
    }),
    async (c) => c.json({ versions: await policyHistory(store, c.get('agent').workspaceId) }, 200),
  );

  routes.openapi(
    createRoute({
      method: 'get',
      path: '/api/ops/policy/versions/{version}',
      summary: 'One published policy version: YAML, document, author, why, and whether it is current',
      security: session,
      request: { params: policyVersionParamsSchema },
      responses: {
        200: { description: 'The version', content: json(policyViewSchema) },
        ...errorResponses,
      },
    }),
    async (c) => c.json(await policyVersionView(store, c.get('agent'), c.req.valid('param').version), 200),
  );

  routes.openapi(
    createRoute({
      method: 'get',
      path: '/api/ops/policy/diff',
      summary: 'What changed between two published versions, line by line in the editable YAML',
      security: session,
      request: { query: policyDiffQuerySchema },
      responses: {
        200: { description: 'The changed lines with context', content: json(policyDiffResponseSchema) },
        ...errorResponses,
      },
    }),
    async (c) => {
      const { from, to } = c.req.valid('query');
      return c.json(await policyDiff(store, c.get('agent').workspaceId, from, to), 200);
    },
  );

  routes.openapi(
    createRoute({
      method: 'post',
      path: '/api/ops/policy/rollback',
      summary: 'Publishes an earlier version again as the next version (ops and admins), with a required why',
      description:
        'The new version records the agent as author, the note as why, and which version it restores.',
      security: session,
      request: { body: { content: json(rollbackPolicyRequestSchema), required: true } },
      responses: {
        200: { description: 'The newly published version', content: json(policyViewSchema) },
        ...errorResponses,
        ...refused('That version no longer validates: code policy_invalid'),
      },
    }),
    async (c) =>
      c.json(await rollbackPolicy(store, c.get('agent'), c.req.valid('json'), deps.app.now()), 200),
  );

  routes.openapi(
    createRoute({
      method: 'post',
      path: '/api/ops/policy/check',
      summary: 'Validates policy YAML without publishing it: every problem with its path',
      security: session,
      request: { body: { content: json(policyCheckRequestSchema), required: true } },
      responses: {
        200: { description: 'Whether it would publish', content: json(policyCheckResponseSchema) },
        ...errorResponses,
      },
    }),
    (c) => {
      const result = checkPolicy(c.req.valid('json').yaml);
      return c.json(
        result.kind === 'valid' ? { ok: true, problems: [] } : { ok: false, problems: [...result.problems] },
        200,
      );
    },
  );

  routes.openapi(
    createRoute({
      method: 'put',
      path: '/api/ops/policy',
      summary: 'Publishes a new policy version (ops and admins); refused with every problem when invalid',
      description:
        'The note says why; the signed-in agent is recorded as author. Nothing is stored on error.',
      security: session,
      request: { body: { content: json(publishPolicyRequestSchema), required: true } },
      responses: {
        200: { description: 'The newly published version', content: json(policyViewSchema) },
        ...errorResponses,
        ...refused('The policy is invalid: code policy_invalid'),
      },
    }),
    async (c) => c.json(await publishPolicy(store, c.get('agent'), c.req.valid('json'), deps.app.now()), 200),
  );

  routes.openapi(
    createRoute({
      method: 'get',
      path: '/api/ops/handoff-templates',
      summary: 'The shipped handoff wording, the saved override and its history',
      security: session,
      responses: {
        200: { description: 'Handoff wording', content: json(handoffTemplatesViewSchema) },
        ...errorResponses,
      },
    }),
    async (c) => c.json(await handoffTemplatesView(store, c.get('agent')), 200),
  );

  routes.openapi(
    createRoute({
      method: 'post',
      path: '/api/ops/handoff-templates/check',
      summary: 'Lints a template override for the three parts of a handoff without saving it',
      security: session,
      request: { body: { content: json(templatesCheckRequestSchema), required: true } },
      responses: {
        200: { description: 'Lint problems', content: json(templatesCheckResponseSchema) },
        ...errorResponses,
      },
    }),
    (c) => {
      const problems = lintTemplatesOverride(c.req.valid('json').override);
      return c.json({ ok: problems.length === 0, problems }, 200);
    },
  );

  routes.openapi(
    createRoute({
      method: 'put',
      path: '/api/ops/handoff-templates',
      summary:
        'Saves a handoff wording override (ops and admins); refused when the linter finds a part missing',
      security: session,
      request: { body: { content: json(publishTemplatesRequestSchema), required: true } },
      responses: {
        200: { description: 'Saved; the next handoff uses it', content: json(handoffTemplatesViewSchema) },
        ...errorResponses,
        ...refused('A template leaves out a handoff part: code templates_invalid'),
      },
    }),
    async (c) => {
      const result = await publishTemplates(store, c.get('agent'), c.req.valid('json'), deps.app.now());
      if (result.kind === 'saved') return c.json(result.view, 200);
      const missing = [...new Set(result.problems.flatMap((problem) => problem.missing))];
      const message = `The templates were not saved: ${result.problems.length} case(s) leave out ${missing.join(', ') || 'a part'}. Fix the listed templates.`;
      return c.json(errorBody('templates_invalid', message, result.problems), 422);
    },
  );

  routes.openapi(
    createRoute({
      method: 'get',
      path: '/api/ops/integrations',
      summary: 'Account lookup health over the last hour: calls, failures, time-outs, error rate, latency',
      security: session,
      responses: {
        200: { description: 'Per integration', content: json(integrationsHealthResponseSchema) },
        ...errorResponses,
      },
    }),
    async (c) => c.json(await integrationsHealth(store, c.get('agent').workspaceId, deps.app.now()), 200),
  );

  return routes;
};
