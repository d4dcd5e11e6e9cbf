/** Threshold suggestions (SPEC §8): read them (qa, ops, admin), backtest one, accept it as a policy draft (ops, admin). */
import { createRoute, OpenAPIHono, type z } from '@hono/zod-openapi';
import { acceptSuggestionResponseSchema } from '../../api/policy-draft-schemas.ts';
import {
  acceptSuggestionRequestSchema,
  dismissSuggestionRequestSchema,
  suggestionBacktestRequestSchema,
  suggestionBacktestSchema,
  suggestionParamsSchema,
  suggestionSettingsRequestSchema,
  suggestionsQuerySchema,
  thresholdSuggestionsSchema,
} from '../../api/threshold-suggestion-schemas.ts';
import {
  acceptThresholdSuggestion,
  backtestThresholdSuggestion,
  dismissThresholdSuggestion,
  saveTargetPrecision,
  thresholdSuggestionsView,
} from '../../app/coaching/threshold-suggestions-view.ts';
import { errorResponses } from '../http-errors.ts';
import type { ServerDeps, ServerEnv } from '../server-env.ts';
import { requireAgent } from './require-agent.ts';

const json = <T extends z.ZodType>(schema: T) => ({ 'application/json': { schema } });
const session = [{ agentSession: [] }];
const base = '/api/coaching/threshold-suggestions';

export const thresholdSuggestionRoutes = (deps: ServerDeps) => {
  const routes = new OpenAPIHono<ServerEnv>();
  routes.use(`${base}/*`, requireAgent(deps));
  routes.use(base, requireAgent(deps));

  routes.openapi(
    createRoute({
      method: 'get',
      path: base,
      summary: 'Per category, the answer threshold that meets a target precision on the last four weeks',
      security: session,
      request: { query: suggestionsQuerySchema },
      responses: {
        200: { description: 'Suggestions in category order', content: json(thresholdSuggestionsSchema) },
        ...errorResponses,
      },
    }),
    async (c) => {
      const { targetPrecision } = c.req.valid('query');
      return c.json(await thresholdSuggestionsView(deps.app, c.get('agent'), targetPrecision), 200);
    },
  );

  routes.openapi(
    createRoute({
      method: 'post',
      path: `${base}/{category}/backtest`,
      summary: 'Replays the recent history with the suggested threshold: before and after',
      security: session,
      request: {
        params: suggestionParamsSchema,
        body: { content: json(suggestionBacktestRequestSchema), required: true },
      },
      responses: {
        200: { description: 'The backtest (nothing stored)', content: json(suggestionBacktestSchema) },
        ...errorResponses,
      },
    }),
    async (c) => {
      const request = { ...c.req.valid('json'), category: c.req.valid('param').category };
      return c.json(await backtestThresholdSuggestion(deps.app, c.get('agent'), request), 200);
    },
  );

  routes.openapi(
    createRoute({
      method: 'post',
      path: `${base}/{category}/accept`,
      summary: 'Stores the backtested threshold as the policy draft (replacing any), with who and why',
      description:
        'Nothing changes for customers: ops publish the draft (POST /api/ops/policy/draft/publish) or discard it.',
      security: session,
      request: {
        params: suggestionParamsSchema,
        body: { content: json(acceptSuggestionRequestSchema), required: true },
      },
      responses: {
        200: {
          description: 'The draft, and the one it replaced',
          content: json(acceptSuggestionResponseSchema),
        },
        ...errorResponses,
      },
    }),
    async (c) => {
      const request = { ...c.req.valid('json'), category: c.req.valid('param').category };
      return c.json(await acceptThresholdSuggestion(deps.app, c.get('agent'), request), 200);
    },
  );
  routes.openapi(
    createRoute({
      method: 'post',
      path: `${base}/{category}/dismiss`,
      summary: 'Dismisses a suggestion with why (ops, admins); hidden until its evidence changes',
      security: session,
      request: {
        params: suggestionParamsSchema,
        body: { content: json(dismissSuggestionRequestSchema), required: true },
      },
      responses: {
        200: { description: 'The suggestions without it', content: json(thresholdSuggestionsSchema) },
        ...errorResponses,
      },
    }),
    async (c) => {
      const request = { ...c.req.valid('json'), category: c.req.valid('param').category };
      return c.json(await dismissThresholdSuggestion(deps.app, c.get('agent'), request), 200);
    },
  );

  routes.openapi(
    createRoute({
      method: 'put',
      path: `${base}/settings`,
      summary: 'Stores the target precision the suggestions aim for in this workspace (ops, admins)',
      security: session,
      request: { body: { content: json(suggestionSettingsRequestSchema), required: true } },
      responses: {
        200: {
          description: 'The suggestions at the saved target',
          content: json(thresholdSuggestionsSchema),
        },
        ...errorResponses,
      },
    }),
    async (c) =>
      c.json(await saveTargetPrecision(deps.app, c.get('agent'), c.req.valid('json').targetPrecision), 200),
  );
  return routes;
};
