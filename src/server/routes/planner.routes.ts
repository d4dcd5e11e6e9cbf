/**
 * The team planner (SPEC §10): default inputs and reference scenarios, inputs read from the
 * workspace's history, and a plan with its automation curve.
 */
import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { createRoute, OpenAPIHono, type z } from '@hono/zod-openapi';
import {
  type PlannerScenario,
  plannerDefaultsSchema,
  plannerHistoryQuerySchema,
  plannerHistorySchema,
  planRequestSchema,
  planResponseSchema,
} from '../../api/planner-schemas.ts';
import { plannerInputFromHistory } from '../../app/planner-history.ts';
import { defaultPlanInput, parsePlanInput } from '../../core/staffing/index.ts';
import { createPlannerPool } from '../compute/planner-pool.ts';
import { errorResponses } from '../http-errors.ts';
import type { ServerDeps, ServerEnv } from '../server-env.ts';
import { requireAgent } from './require-agent.ts';

const json = <T extends z.ZodType>(schema: T) => ({ 'application/json': { schema } });
const session = [{ agentSession: [] }];

/** examples/plan/*.json: the reference scenarios of docs/planner.md. */
export const scenariosDir = fileURLToPath(new URL('../../../examples/plan/', import.meta.url));

/** Reads and validates every reference scenario, smallest team first (file names sort that way by size word). */
export const loadScenarios = async (dir: string = scenariosDir): Promise<PlannerScenario[]> => {
  const files = (await readdir(dir)).filter((f) => f.endsWith('.json'));
  const scenarios = await Promise.all(
    files.map(async (file) => {
      const input = parsePlanInput(JSON.parse(await readFile(`${dir}${file}`, 'utf8')));
      const id = file.replace(/\.json$/, '');
      return { id, name: input.name, input, size: Number(/(\d+)-agents/.exec(id)?.[1] ?? 0) };
    }),
  );
  return scenarios.sort((a, b) => a.size - b.size).map(({ size: _size, ...scenario }) => scenario);
};

export const plannerRoutes = (deps: ServerDeps) => {
  const routes = new OpenAPIHono<ServerEnv>();
  routes.use('/api/planner/*', requireAgent(deps));
  const planner = createPlannerPool();
  let scenarios: Promise<PlannerScenario[]> | undefined;

  routes.openapi(
    createRoute({
      method: 'get',
      path: '/api/planner/defaults',
      summary: 'The default plan input and the reference scenarios, every default filled in',
      security: session,
      responses: {
        200: { description: 'Inputs to start from', content: json(plannerDefaultsSchema) },
        ...errorResponses,
      },
    }),
    async (c) => {
      scenarios ??= loadScenarios();
      const loaded = await scenarios.catch((error: unknown) => {
        scenarios = undefined;
        throw error;
      });
      return c.json({ defaultInput: parsePlanInput(defaultPlanInput()), scenarios: loaded }, 200);
    },
  );

  routes.openapi(
    createRoute({
      method: 'get',
      path: '/api/planner/from-history',
      summary:
        "Plan inputs measured from the workspace's recorded conversations, with what backs each figure",
      description:
        'Weekly volume per category and channel, median human handle time and AI resolution share per ' +
        'category, and an intraday profile when there is enough data. Figures the history is too thin ' +
        'for keep their defaults and are listed in `usedDefaultFor`; a workspace with no history gets ' +
        'the default input with every figure flagged.',
      security: session,
      request: { query: plannerHistoryQuerySchema },
      responses: {
        200: { description: 'The derived input and its evidence', content: json(plannerHistorySchema) },
        ...errorResponses,
      },
    }),
    async (c) => {
      const { days, minSamples } = c.req.valid('query');
      const history = await plannerInputFromHistory(deps.app, { days, minSamples });
      const { from, to, ...span } = history.window;
      return c.json({ ...history, window: { ...span, from: from.toISOString(), to: to.toISOString() } }, 200);
    },
  );

  routes.openapi(
    createRoute({
      method: 'post',
      path: '/api/planner/plan',
      summary:
        'Head count per role before and after automation, each line explained, and head count vs automation rate',
      description: 'Computes only; changes nothing. Any signed-in agent may call it.',
      security: session,
      request: { body: { content: json(planRequestSchema), required: true } },
      responses: {
        200: { description: 'The plan and its automation curve', content: json(planResponseSchema) },
        ...errorResponses,
      },
    }),
    async (c) => c.json(await planner.compute(c.req.valid('json')), 200),
  );

  return routes;
};
