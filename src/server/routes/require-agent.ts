/** Middleware: the signed-in agent from the session cookie or a bearer token. */
import { getCookie } from 'hono/cookie';
import { createMiddleware } from 'hono/factory';
import type { Agent } from '../../core/model.ts';
import { agentForSession } from '../auth/agent-sessions.ts';
import type { ServerDeps, ServerEnv } from '../server-env.ts';

export const SESSION_COOKIE = 'baton_session';

export const sessionTokenOf = (
  cookie: string | undefined,
  authorization: string | undefined,
): string | undefined =>
  cookie ?? (authorization?.startsWith('Bearer ') ? authorization.slice(7).trim() : undefined);

export const requireAgent = (deps: ServerDeps) =>
  createMiddleware<ServerEnv>(async (c, next) => {
    // The route-access gate (security/route-access.ts) has usually signed the agent in already.
    const known: Agent | undefined = c.get('agent');
    if (known) return next();
    const token = sessionTokenOf(getCookie(c, SESSION_COOKIE), c.req.header('authorization'));
    c.set('agent', await agentForSession(deps.app.store, token, deps.app.now()));
    await next();
  });
