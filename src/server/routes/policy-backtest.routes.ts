/** "Backtest this draft" in the ops console (SPEC §5): a draft policy against recorded conversations, nothing stored. */
import { createRoute, OpenAPIHono, type z } from '@hono/zod-openapi';
import { policyBacktestRequestSchema, policyBacktestSchema } from '../../api/policy-backtest-schemas.ts';
import { errorBodySchema } from '../../api/schemas.ts';
import { backtestPolicyDraft } from '../../app/ops/policy-draft-backtest.ts';
import { errorResponses } from '../http-errors.ts';
import type { ServerDeps, ServerEnv } from '../server-env.ts';
import { requireAgent } from './require-agent.ts';

const json = <T extends z.ZodType>(schema: T) => ({ 'application/json': { schema } });
const path = '/api/ops/policy/backtest';

export const policyBacktestRoutes = (deps: ServerDeps) => {
  const routes = new OpenAPIHono<ServerEnv>();
  routes.use(path, requireAgent(deps));
  routes.openapi(
    createRoute({
      method: 'post',
      path,
      summary: 'Decides recorded conversations again under the current policy and a draft (ops and admins)',
      description:
        'The last `days` days of decisions (null: all recorded), per category and reason under each policy, the conversations that change, and misses and needless handoffs where people judged them.',
      security: [{ agentSession: [] }],
      request: { body: { content: json(policyBacktestRequestSchema), required: true } },
      responses: {
        200: { description: 'The backtest', content: json(policyBacktestSchema) },
        ...errorResponses,
        422: {
          description: 'The draft is invalid: code policy_invalid, error.details lists every problem',
          content: json(errorBodySchema),
        },
      },
    }),
    async (c) => c.json(await backtestPolicyDraft(deps.app, c.get('agent'), c.req.valid('json')), 200),
  );
  return routes;
};
