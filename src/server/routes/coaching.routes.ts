/** The coaching API (SPEC §8): knowledge gaps, a draft article and publishing it; confidence calibration. */
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { calibrationViewSchema } from '../../api/calibration-schemas.ts';
import {
  coachingSettingsUpdateSchema,
  coachingSettingsViewSchema,
} from '../../api/coaching-settings-schemas.ts';
import {
  articleDraftSchema,
  knowledgeGapsSchema,
  publishArticleRequestSchema,
  publishedArticleSchema,
} from '../../api/gaps-schemas.ts';
import { weeklyReportQuerySchema, weeklyReportResponseSchema } from '../../api/weekly-report-schemas.ts';
import { calibrationView } from '../../app/coaching/calibration-view.ts';
import { coachingSettingsView, saveCoachingSettings } from '../../app/coaching/coaching-settings.ts';
import { draftGapArticle, knowledgeGaps, publishGapArticle } from '../../app/coaching/knowledge-gaps-view.ts';
import { weeklyReportView } from '../../app/coaching/weekly-report-view.ts';
import { errorResponses } from '../http-errors.ts';
import type { ServerDeps, ServerEnv } from '../server-env.ts';
import { requireAgent } from './require-agent.ts';

const json = <T extends z.ZodType>(schema: T) => ({ 'application/json': { schema } });
const session = [{ agentSession: [] }];

export const coachingRoutes = (deps: ServerDeps) => {
  const routes = new OpenAPIHono<ServerEnv>();
  routes.use('/api/coaching/*', requireAgent(deps));

  routes.openapi(
    createRoute({
      method: 'get',
      path: '/api/coaching/gaps',
      summary: 'Knowledge gaps of the last four weeks (qa, ops, admin): size, trend, example questions',
      security: session,
      responses: {
        200: { description: 'The gaps, largest first', content: json(knowledgeGapsSchema) },
        ...errorResponses,
      },
    }),
    async (c) => c.json({ gaps: await knowledgeGaps(deps.app, c.get('agent')) }, 200),
  );

  routes.openapi(
    createRoute({
      method: 'post',
      path: '/api/coaching/gaps/{id}/draft',
      summary: 'A draft article for a gap, assembled from the agents’ replies in its conversations',
      security: session,
      request: { params: z.object({ id: z.string().min(1).max(300) }) },
      responses: {
        200: { description: 'The draft (not stored)', content: json(articleDraftSchema) },
        ...errorResponses,
      },
    }),
    async (c) => c.json(await draftGapArticle(deps.app, c.get('agent'), c.req.valid('param').id), 200),
  );

  routes.openapi(
    createRoute({
      method: 'post',
      path: '/api/coaching/articles',
      summary:
        'Publishes an article written as Markdown with front matter (ops and admins), as baton import does',
      security: session,
      request: { body: { content: json(publishArticleRequestSchema), required: true } },
      responses: {
        200: { description: 'Published', content: json(publishedArticleSchema) },
        ...errorResponses,
      },
    }),
    async (c) => c.json(await publishGapArticle(deps.app, c.get('agent'), c.req.valid('json').markdown), 200),
  );
  routes.openapi(
    createRoute({
      method: 'get',
      path: '/api/coaching/calibration',
      summary:
        'Confidence calibration per category from reviewed answers: reliability and ECE before and after',
      security: session,
      responses: {
        200: { description: 'Per category', content: json(calibrationViewSchema) },
        ...errorResponses,
      },
    }),
    async (c) => c.json(await calibrationView(deps.app, c.get('agent')), 200),
  );
  routes.openapi(
    createRoute({
      method: 'get',
      path: '/api/coaching/report',
      summary: 'The weekly review report (qa, ops, admin), the week just finished unless one is named',
      security: session,
      request: { query: weeklyReportQuerySchema },
      responses: {
        200: { description: 'The report as Markdown and JSON', content: json(weeklyReportResponseSchema) },
        ...errorResponses,
      },
    }),
    async (c) => c.json(await weeklyReportView(deps.app, c.get('agent'), c.req.valid('query').week), 200),
  );
  routes.openapi(
    createRoute({
      method: 'get',
      path: '/api/coaching/settings',
      summary: 'The coaching settings: weekly review capacity and report cadence (qa, ops, admin)',
      security: session,
      responses: {
        200: { description: 'The settings', content: json(coachingSettingsViewSchema) },
        ...errorResponses,
      },
    }),
    async (c) => c.json(await coachingSettingsView(deps.app, c.get('agent')), 200),
  );
  routes.openapi(
    createRoute({
      method: 'put',
      path: '/api/coaching/settings',
      summary: 'Changes the coaching settings (ops, admin), a new version of each setting that changed',
      security: session,
      request: { body: { content: json(coachingSettingsUpdateSchema), required: true } },
      responses: {
        200: { description: 'The settings now', content: json(coachingSettingsViewSchema) },
        ...errorResponses,
      },
    }),
    async (c) => c.json(await saveCoachingSettings(deps.app, c.get('agent'), c.req.valid('json')), 200),
  );
  return routes;
};
