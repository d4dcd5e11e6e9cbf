/** Teams (issue 10): ops and admins read them with whether each is open now; admins create and edit them. */
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import {
  teamDetailSchema,
  teamKeySchema,
  teamListSchema,
  teamRequestSchema,
} from '../../api/team-schemas.ts';
import { deleteTeam, listTeams, saveTeam } from '../../app/company/teams.ts';
import type { Team } from '../../core/model.ts';
import { isOpen } from '../../core/wait/business-hours.ts';
import { errorResponses } from '../http-errors.ts';
import type { ServerDeps, ServerEnv } from '../server-env.ts';
import { requireAgent } from './require-agent.ts';

const json = <T extends z.ZodType>(schema: T) => ({ 'application/json': { schema } });
const session = [{ agentSession: [] }];

const presentTeam = (team: Team, now: Date) => ({
  key: team.key,
  name: team.name,
  categories: [...team.categories],
  businessHours: team.businessHours && {
    timeZone: team.businessHours.timeZone,
    days: Object.fromEntries(
      Object.entries(team.businessHours.days).map(([day, window]) => [day, window ? [...window] : undefined]),
    ),
    holidays: [...(team.businessHours.holidays ?? [])],
  },
  open: team.businessHours === null || isOpen(team.businessHours, now),
});

export const teamRoutes = (deps: ServerDeps) => {
  const routes = new OpenAPIHono<ServerEnv>();
  const ctx = deps.app;
  routes.use('/api/teams', requireAgent(deps));
  routes.use('/api/teams/*', requireAgent(deps));

  routes.openapi(
    createRoute({
      method: 'get',
      path: '/api/teams',
      summary:
        'The teams with their categories, hours and holidays, and the categories they may own (ops, admin)',
      security: session,
      responses: { 200: { description: 'Teams', content: json(teamListSchema) }, ...errorResponses },
    }),
    async (c) => {
      const { teams, categories } = await listTeams(ctx, c.var.agent);
      return c.json({ teams: teams.map((team) => presentTeam(team, ctx.now())), categories }, 200);
    },
  );

  routes.openapi(
    createRoute({
      method: 'put',
      path: '/api/teams/{key}',
      summary: 'Create or change a team: name, categories owned, business hours and holidays (admin)',
      security: session,
      request: {
        params: z.object({ key: teamKeySchema }),
        body: { content: json(teamRequestSchema), required: true },
      },
      responses: { 200: { description: 'Saved', content: json(teamDetailSchema) }, ...errorResponses },
    }),
    async (c) => {
      const saved = await saveTeam(ctx, c.var.agent, {
        key: c.req.valid('param').key,
        ...c.req.valid('json'),
      });
      return c.json(presentTeam(saved, ctx.now()), 200);
    },
  );

  routes.openapi(
    createRoute({
      method: 'delete',
      path: '/api/teams/{key}',
      summary: 'Delete a team nothing points at (no open conversations, people or policy routes) (admin)',
      security: session,
      request: { params: z.object({ key: teamKeySchema }) },
      responses: { 204: { description: 'Deleted' }, ...errorResponses },
    }),
    async (c) => {
      await deleteTeam(ctx, c.var.agent, c.req.valid('param').key);
      return c.body(null, 204);
    },
  );

  return routes;
};
