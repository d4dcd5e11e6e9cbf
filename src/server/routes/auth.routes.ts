/** Agent sign-in, sign-out, who am I, and availability. */
import { createRoute, OpenAPIHono, type z } from '@hono/zod-openapi';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import {
  agentViewSchema,
  setStatusRequestSchema,
  signInRequestSchema,
  signInResponseSchema,
} from '../../api/schemas.ts';
import { setAgentStatus } from '../../app/agent-actions.ts';
import type { Agent } from '../../core/model.ts';
import { hashSessionToken, signIn, signOut } from '../auth/agent-sessions.ts';
import { errorResponses } from '../http-errors.ts';
import { clientAddress } from '../security/client-ip.ts';
import type { ServerDeps, ServerEnv } from '../server-env.ts';
import { requireAgent, SESSION_COOKIE, sessionTokenOf } from './require-agent.ts';

const json = <T extends z.ZodType>(schema: T) => ({ 'application/json': { schema } });

export const presentAgent = (agent: Agent) => ({
  id: agent.id,
  email: agent.email,
  name: agent.name,
  role: agent.role,
  teamKeys: [...agent.teamKeys],
  status: agent.status,
  capacity: agent.capacity,
  demo: agent.demo,
});

export const authRoutes = (deps: ServerDeps) => {
  const routes = new OpenAPIHono<ServerEnv>();
  const ctx = deps.app;

  routes.openapi(
    createRoute({
      method: 'post',
      path: '/api/auth/sign-in',
      summary: 'Sign in as an agent; sets the session cookie and returns a bearer token',
      request: { body: { content: json(signInRequestSchema), required: true } },
      responses: {
        200: { description: 'Signed in', content: json(signInResponseSchema) },
        ...errorResponses,
      },
    }),
    async (c) => {
      const credentials = c.req.valid('json');
      const { agent, token, expiresAt } = await signIn(
        ctx.store,
        ctx.workspace.id,
        credentials,
        ctx.now(),
        deps.settings.sessionTtlHours,
        { guard: deps.rateLimits.signIn, address: clientAddress(c, deps.settings.trustedProxyHops ?? 0) },
      );
      setCookie(c, SESSION_COOKIE, token, {
        httpOnly: true,
        sameSite: 'Lax',
        secure: deps.settings.secureCookies,
        path: '/',
        expires: expiresAt,
      });
      return c.json({ agent: presentAgent(agent), token, expiresAt: expiresAt.toISOString() }, 200);
    },
  );

  routes.openapi(
    createRoute({
      method: 'post',
      path: '/api/auth/sign-out',
      summary: 'End the session',
      responses: { 204: { description: 'Signed out' } },
    }),
    async (c) => {
      const token = sessionTokenOf(getCookie(c, SESSION_COOKIE), c.req.header('authorization'));
      await signOut(ctx.store, token);
      if (token) deps.sessionSockets?.end(hashSessionToken(token));
      deleteCookie(c, SESSION_COOKIE, { path: '/' });
      return c.body(null, 204);
    },
  );

  routes.use('/api/agents/*', requireAgent(deps));

  routes.openapi(
    createRoute({
      method: 'get',
      path: '/api/agents/me',
      summary: 'The signed-in agent',
      responses: { 200: { description: 'You', content: json(agentViewSchema) }, ...errorResponses },
    }),
    (c) => c.json(presentAgent(c.var.agent), 200),
  );

  routes.openapi(
    createRoute({
      method: 'put',
      path: '/api/agents/me/status',
      summary: 'Set yourself available or away (only available agents are assigned automatically)',
      request: { body: { content: json(setStatusRequestSchema), required: true } },
      responses: { 200: { description: 'Updated', content: json(agentViewSchema) }, ...errorResponses },
    }),
    async (c) =>
      c.json(presentAgent(await setAgentStatus(ctx, c.var.agent, c.req.valid('json').status)), 200),
  );

  return routes;
};
