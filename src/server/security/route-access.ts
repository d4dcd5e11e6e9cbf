/**
 * Who may call each API route (SPEC §1, §11), in one table: the role matrix, and for API keys the
 * scopes that open each route. A middleware checks it before any route validates input, so a wrong
 * role or a key without the scope gets 403 `forbidden` whatever it sent, and route-access.test.ts
 * walks every route the app registers for every role and every scope. A route missing from the
 * table fails that test: a new route must say who may call it.
 * The use cases keep their own checks (what a role may do to this conversation); this table is the
 * coarse gate in front of them.
 */
import { getCookie } from 'hono/cookie';
import { createMiddleware } from 'hono/factory';
import { matchedRoutes } from 'hono/route';
import { authenticateApiKey } from '../../app/company/api-keys.ts';
import { type ApiKeyScope, isApiKeyToken, keyRefusal } from '../../core/auth/api-key-scopes.ts';
import { DomainError } from '../../core/errors.ts';
import { type AgentRole, agentRoles } from '../../core/model.ts';
import { staffSession } from '../auth/agent-sessions.ts';
import { SESSION_COOKIE, sessionTokenOf } from '../routes/require-agent.ts';
import type { ServerDeps, ServerEnv } from '../server-env.ts';

export type RouteAccess =
  /** Anyone, signed in or not (health, sign-in, the OpenAPI document). */
  | { readonly kind: 'public' }
  /** Customers: starting a conversation is open; the rest needs the conversation's signed token. */
  | { readonly kind: 'customer' }
  /**
   * Signed-in staff with one of these roles, or an API key (`Authorization: Bearer baton_key_…`)
   * with one of these scopes; no scopes: not open to keys.
   */
  | { readonly kind: 'staff'; readonly roles: readonly AgentRole[]; readonly scopes: readonly ApiKeyScope[] };

const open: RouteAccess = { kind: 'public' };
const customer: RouteAccess = { kind: 'customer' };
type StaffAccess = Extract<RouteAccess, { kind: 'staff' }>;
const staff = (...roles: readonly AgentRole[]): StaffAccess => ({ kind: 'staff', roles, scopes: [] });
/** The same roles, and API keys with one of these scopes. */
const orKey = (access: StaffAccess, ...scopes: readonly ApiKeyScope[]): StaffAccess => ({
  ...access,
  scopes,
});
/** Everyone on the desk: reading the inbox, the ops console and the planner. */
const allStaff = staff(...agentRoles);
/** Speaking to customers and moving conversations: not QA, who review (SPEC §1). */
const responders = staff('agent', 'specialist', 'ops', 'admin');
/** Taking a colleague's conversation (SPEC §1: specialists take over). */
const takeOver = staff('specialist', 'ops', 'admin');
/** Policy, wording and the LLM: Knowledge & ops, and admins. */
const owners = staff('ops', 'admin');
/** People and their access: the admin's (SPEC §1). */
const admins = staff('admin');
/** Reviewing the AI (SPEC §8) and reading the desk's numbers (§9): QA, ops and admins. */
const reviewers = staff('qa', 'ops', 'admin');

export const routeAccess: Readonly<Record<string, RouteAccess>> = {
  'GET /api/health': open,
  'GET /metrics': open, // guarded by BATON_METRICS_TOKEN when set
  'GET /openapi.json': open,
  'POST /api/auth/sign-in': open,
  'POST /api/auth/sign-out': open,
  // First-run set-up and invitation or reset links: the one-time token in the body is the key.
  'GET /api/setup': open,
  'POST /api/setup': open,
  'POST /api/people-links/open': open,
  'POST /api/people-links/accept': open,
  'POST /api/widget/conversations': customer,
  'GET /api/widget/conversations/:id': customer,
  'POST /api/widget/conversations/:id/messages': customer,
  'POST /api/widget/conversations/:id/rating': customer,
  'POST /api/widget/conversations/:id/resolve': customer,
  'GET /api/agents/me': orKey(
    allStaff,
    'conversations:read',
    'conversations:write',
    'knowledge:write',
    'metrics:read',
  ),
  'PUT /api/agents/me/status': allStaff,
  'GET /api/inbox/teams': orKey(allStaff, 'conversations:read'),
  'GET /api/inbox/agents': orKey(allStaff, 'conversations:read'),
  'GET /api/inbox/conversations': orKey(allStaff, 'conversations:read'),
  'GET /api/inbox/conversations/:id': orKey(allStaff, 'conversations:read'),
  'GET /api/inbox/categories': orKey(allStaff, 'conversations:read'),
  'POST /api/inbox/conversations/:id/notes': orKey(allStaff, 'conversations:write'),
  'POST /api/inbox/conversations/:id/category': orKey(allStaff, 'conversations:write'),
  'POST /api/inbox/conversations/:id/verdict': allStaff,
  'POST /api/inbox/conversations/:id/messages/:messageId/flags': allStaff,
  'POST /api/inbox/conversations/:id/replies': orKey(responders, 'conversations:write'),
  'POST /api/inbox/conversations/:id/typing': responders,
  'POST /api/inbox/conversations/:id/pick-up': orKey(responders, 'conversations:write'),
  'POST /api/inbox/conversations/:id/resolve': orKey(responders, 'conversations:write'),
  'PUT /api/inbox/conversations/:id/hold': orKey(responders, 'conversations:write'),
  'GET /api/inbox/tags': orKey(allStaff, 'conversations:read'),
  'PUT /api/inbox/conversations/:id/tags/:name': orKey(responders, 'conversations:write'),
  'DELETE /api/inbox/conversations/:id/tags/:name': orKey(responders, 'conversations:write'),
  'POST /api/inbox/conversations/:id/reassign': orKey(responders, 'conversations:write'),
  'POST /api/inbox/conversations/:id/take-over': takeOver,
  // Resolve, assign, move and tag: what the single routes allow, each conversation checked again.
  'POST /api/inbox/bulk': orKey(responders, 'conversations:write'),
  // Read marks are a person's own: not open to API keys.
  'GET /api/inbox/unread': allStaff,
  'POST /api/inbox/conversations/:id/read': allStaff,
  'POST /api/inbox/conversations/:id/presence': allStaff,
  'GET /api/canned-replies': allStaff,
  'POST /api/canned-replies': owners,
  'PUT /api/canned-replies/:id': owners,
  'DELETE /api/canned-replies/:id': owners,
  'GET /api/planner/defaults': allStaff,
  'GET /api/planner/from-history': allStaff,
  'POST /api/planner/plan': allStaff,
  'GET /api/ops/policy': allStaff,
  'GET /api/ops/policy/versions': allStaff,
  'GET /api/ops/policy/versions/:version': allStaff,
  'GET /api/ops/policy/diff': allStaff,
  'GET /api/ops/handoff-templates': allStaff,
  'GET /api/ops/integrations': allStaff,
  'GET /api/ops/llm-settings': allStaff,
  'PUT /api/ops/policy': owners,
  'POST /api/ops/policy/check': owners,
  'POST /api/ops/policy/rollback': owners,
  'POST /api/ops/policy/backtest': owners,
  'GET /api/ops/policy/draft': reviewers,
  'POST /api/ops/policy/draft/publish': owners,
  'POST /api/ops/policy/draft/discard': owners,
  'PUT /api/ops/handoff-templates': owners,
  'POST /api/ops/handoff-templates/check': owners,
  'PUT /api/ops/llm-settings': owners,
  'POST /api/ops/llm-settings/test': owners,
  // Outbound webhooks (issue 12): where the desk's events go is Knowledge & ops' and admins' call.
  'GET /api/ops/webhooks': owners,
  'POST /api/ops/webhooks': owners,
  'PATCH /api/ops/webhooks/:id': owners,
  'DELETE /api/ops/webhooks/:id': owners,
  'POST /api/ops/webhooks/:id/test': owners,
  'GET /api/ops/webhooks/deliveries': owners,
  'POST /api/ops/webhooks/deliveries/:id/retry': owners,
  'GET /api/metrics': orKey(reviewers, 'metrics:read'),
  'GET /api/metrics/series': orKey(reviewers, 'metrics:read'),
  'GET /api/metrics/conversations': orKey(reviewers, 'metrics:read'),
  'GET /api/review/queue': reviewers,
  'GET /api/review/conversations/:id': reviewers,
  'PUT /api/review/conversations/:id/label': reviewers,
  'GET /api/coaching/gaps': reviewers,
  'GET /api/coaching/calibration': reviewers,
  'GET /api/coaching/threshold-suggestions': reviewers,
  'GET /api/coaching/report': reviewers,
  'GET /api/coaching/settings': reviewers,
  'PUT /api/coaching/settings': owners,
  'POST /api/coaching/threshold-suggestions/:category/backtest': reviewers,
  'POST /api/coaching/threshold-suggestions/:category/accept': owners,
  'POST /api/coaching/threshold-suggestions/:category/dismiss': owners,
  'PUT /api/coaching/threshold-suggestions/settings': owners,
  'POST /api/coaching/gaps/:id/draft': reviewers,
  'POST /api/coaching/articles': orKey(owners, 'knowledge:write'),
  'GET /api/coaching/knowledge-audit': reviewers,
  'PUT /api/coaching/knowledge-audit/settings': owners,
  'GET /api/people': admins,
  'POST /api/people/invitations': admins,
  'PATCH /api/people/:id': admins,
  'POST /api/people/:id/deactivate': admins,
  'POST /api/people/:id/password-reset': admins,
  'PUT /api/people/me/password': allStaff,
  'GET /api/people/me/sessions': allStaff,
  // The knowledge base: every staff role reads it; a key that may write it may read it too.
  'GET /api/knowledge/articles': orKey(allStaff, 'knowledge:write'),
  'GET /api/knowledge/articles/:id': orKey(allStaff, 'knowledge:write'),
  'POST /api/knowledge/articles': orKey(owners, 'knowledge:write'),
  'PUT /api/knowledge/articles/:id': orKey(owners, 'knowledge:write'),
  'POST /api/knowledge/articles/:id/unpublish': orKey(owners, 'knowledge:write'),
  'POST /api/knowledge/articles/:id/republish': orKey(owners, 'knowledge:write'),
  'POST /api/knowledge/articles/:id/reviewed': orKey(owners, 'knowledge:write'),
  'DELETE /api/knowledge/articles/:id': orKey(owners, 'knowledge:write'),
  'POST /api/knowledge/import': orKey(owners, 'knowledge:write'),
  'GET /api/teams': owners,
  'PUT /api/teams/:key': admins,
  'DELETE /api/teams/:key': admins,
  // Response targets per team (issue 15): the whole desk reads them (the inbox's timers); ops set them.
  'GET /api/response-targets': orKey(allStaff, 'conversations:read'),
  'PUT /api/response-targets/:teamKey': owners,
  'GET /api/settings': admins,
  'PUT /api/settings': admins,
  'GET /api/widget/settings': open,
  'GET /api/settings/api-keys': admins,
  'POST /api/settings/api-keys': admins,
  'POST /api/settings/api-keys/:id/revoke': admins,
};

/** The route a request reached (its registered method and path), past the middlewares. */
const reachedRoute = (routes: readonly { method: string; path: string }[]): string | null => {
  // The web app's catch-all (`GET *`, registered last when web files are served) also matches every
  // API path: skipping it keeps the gate on the API route itself, not off for every GET.
  const route = routes.findLast((r) => r.method !== 'ALL' && r.path !== '*' && r.path !== '/*');
  return route ? `${route.method} ${route.path}` : null;
};

const roleNames = (roles: readonly AgentRole[]): string =>
  roles.length === 1 ? (roles[0] ?? '') : `${roles.slice(0, -1).join(', ')} or ${roles.at(-1) ?? ''}`;

/** The account an API key acts as, when the key is live and has a scope the route accepts. */
const keyAgent = async (deps: ServerDeps, access: StaffAccess, token: string) => {
  const { key, agent } = await authenticateApiKey(
    deps.app.store,
    deps.app.workspace.id,
    token,
    deps.app.now(),
  );
  await deps.rateLimits.apiKeyRequest(key.id);
  const refusal = keyRefusal(key.scopes, access.scopes);
  if (refusal !== null) throw new DomainError('forbidden', refusal);
  return agent;
};

/** Signs staff in for staff routes and refuses the wrong role with 403, before any validation. */
export const enforceRouteAccess = (deps: ServerDeps) =>
  createMiddleware<ServerEnv>(async (c, next) => {
    const route = reachedRoute(matchedRoutes(c));
    const access = route ? routeAccess[route] : undefined;
    if (access?.kind === 'staff') {
      const token = sessionTokenOf(getCookie(c, SESSION_COOKIE), c.req.header('authorization'));
      if (token !== undefined && isApiKeyToken(token)) {
        c.set('agent', await keyAgent(deps, access, token));
        return next();
      }
      const { agent } = await staffSession(deps.app.store, token, deps.app.now());
      // The workspace router sends a session to its own workspace; anything else is not this desk's.
      if (agent.workspaceId !== deps.app.workspace.id) {
        throw new DomainError('unauthenticated', 'Your session is not valid here. Sign in again.');
      }
      if (!access.roles.includes(agent.role)) {
        throw new DomainError(
          'forbidden',
          `This needs the role ${roleNames(access.roles)}; you are signed in as ${agent.role}. Ask an admin if you need it.`,
        );
      }
      c.set('agent', agent);
    }
    await next();
  });
