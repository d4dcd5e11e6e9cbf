/** The workspace settings page's API (issue 10): admins read and save; the chat reads its look without signing in. */
import { createRoute, OpenAPIHono, type z } from '@hono/zod-openapi';
import {
  savedSettingsSchema,
  saveSettingsRequestSchema,
  settingsViewSchema,
  widgetAppearanceSchema,
} from '../../api/settings-schemas.ts';
import { saveSettings, settingsView, widgetSettingsOf } from '../../app/company/workspace-settings.ts';
import { errorResponses } from '../http-errors.ts';
import type { ServerDeps, ServerEnv } from '../server-env.ts';
import { requireAgent } from './require-agent.ts';

const json = <T extends z.ZodType>(schema: T) => ({ 'application/json': { schema } });

export const settingsRoutes = (deps: ServerDeps) => {
  const routes = new OpenAPIHono<ServerEnv>();
  const ctx = deps.app;
  routes.use('/api/settings', requireAgent(deps));

  routes.openapi(
    createRoute({
      method: 'get',
      path: '/api/settings',
      summary: "The workspace's chat look, counting windows and costs, with every earlier version (admins)",
      responses: { 200: { description: 'Settings', content: json(settingsViewSchema) }, ...errorResponses },
    }),
    async (c) => c.json(await settingsView(ctx, c.var.agent), 200),
  );

  routes.openapi(
    createRoute({
      method: 'put',
      path: '/api/settings',
      summary: 'Save the settings: each changed setting gets a new version with you as its author (admins)',
      request: { body: { content: json(saveSettingsRequestSchema), required: true } },
      responses: { 200: { description: 'Saved', content: json(savedSettingsSchema) }, ...errorResponses },
    }),
    async (c) => c.json(await saveSettings(ctx, c.var.agent, c.req.valid('json')), 200),
  );

  routes.openapi(
    createRoute({
      method: 'get',
      path: '/api/widget/settings',
      summary:
        "The chat's greeting, colour, corner and button text, for the chat page and the widget loader on your site",
      responses: {
        200: { description: 'Appearance', content: json(widgetAppearanceSchema) },
        ...errorResponses,
      },
    }),
    async (c) => {
      const { greeting, colour, position, launcherText } = await widgetSettingsOf(
        ctx.store,
        ctx.workspace.id,
      );
      // The loader runs on the company's own site: a public read, no credentials, so any origin may read it.
      c.header('access-control-allow-origin', '*');
      return c.json({ greeting, colour, position, launcherText }, 200);
    },
  );
  return routes;
};
