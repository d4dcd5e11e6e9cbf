/**
 * The role matrix (SPEC §1, §11), walked over every route the app registers: each route must be in
 * the access table, and for every role — anonymous, a customer, agent, specialist, qa, ops, admin —
 * a signed-out call gets 401, a wrong role 403 `forbidden` (whatever the body), and an allowed role
 * gets past the gate. Requests carry an empty body, so allowed calls mostly stop at validation.
 * The same walk runs for API keys: a key with each scope passes the routes that accept that scope
 * and gets 403 `forbidden` naming the scope needed everywhere else; a revoked or unknown key gets 401.
 * It runs on PGlite and, under scripts/with-postgres.sh (CI), on a PostgreSQL server too.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addStaff, agentToken, signInAs } from '../../../test/support/desk.ts';
import { request } from '../../../test/support/http.ts';
import { TEST_SECRET, type TestBaton } from '../../../test/support/test-baton.ts';
import { startTestBatonOn, testKinds } from '../../../test/support/test-kinds.ts';
import type { TestStoreKind } from '../../adapters/store/testing.ts';
import { type ApiKeyScope, apiKeyScopes } from '../../core/auth/api-key-scopes.ts';
import { type AgentRole, agentRoles } from '../../core/model.ts';
import { buildHttpApp } from '../app.ts';
import { noRateLimits } from './rate-limits.ts';
import { routeAccess } from './route-access.ts';

let baton: TestBaton;
const tokens = new Map<AgentRole, string>();
let conversationId: string;
let customerToken: string;
const keys = new Map<ApiKeyScope, string>();
let revokedKey: string;

const createKey = async (name: string, scopes: readonly ApiKeyScope[]) => {
  const created = await request(baton.url, 'POST', '/api/settings/api-keys', {
    token: tokens.get('admin') ?? '',
    body: { name, scopes },
  });
  expect(created.status).toBe(201);
  return created.body as { key: { id: string }; secret: string };
};

/** A demo desk on this database with a session per role and a key per scope (and a revoked key). */
const setUp = async (kind: TestStoreKind) => {
  baton = await startTestBatonOn(kind);
  const qa = await addStaff(baton, { email: 'rita.review@acme.test', role: 'qa', teamKeys: ['billing'] });
  const ops = await addStaff(baton, { email: 'olive@acme.test', role: 'ops', teamKeys: [] });
  tokens.set('agent', await agentToken(baton, 'maya@acme.test'));
  tokens.set('specialist', await agentToken(baton, 'leo@acme.test'));
  tokens.set('admin', await agentToken(baton, 'sam@acme.test'));
  tokens.set('qa', await signInAs(baton, qa.email, qa.password));
  tokens.set('ops', await signInAs(baton, ops.email, ops.password));
  // A conversation nobody's team has yet: every role may see it, so only the role decides.
  const started = await request(baton.url, 'POST', '/api/widget/conversations', { body: {} });
  conversationId = (started.body.conversation as { id: string }).id;
  customerToken = String(started.body.token);
  for (const scope of apiKeyScopes) keys.set(scope, (await createKey(`Only ${scope}`, [scope])).secret);
  const revoked = await createKey('Retired', apiKeyScopes);
  revokedKey = revoked.secret;
  const revoking = await request(baton.url, 'POST', `/api/settings/api-keys/${revoked.key.id}/revoke`, {
    token: tokens.get('admin') ?? '',
  });
  expect(revoking.status).toBe(200);
};

/** Every method and path the HTTP app registers (the route table of app.ts), once each. */
const registeredRoutes = (): string[] => {
  const app = buildHttpApp({
    app: baton.baton.app,
    settings: {
      secret: TEST_SECRET,
      identitySecret: TEST_SECRET,
      sessionTtlHours: 1,
      customerTokenTtlDays: 1,
      secureCookies: false,
    },
    rateLimits: noRateLimits,
  });
  return [...new Set(app.routes.filter((r) => r.method !== 'ALL').map((r) => `${r.method} ${r.path}`))];
};

const concrete = (path: string): string =>
  path.replace(':messageId', randomUUID()).replace(':version', '1').replace(':id', conversationId);

const call = (route: string, auth: { cookie?: string; token?: string }) => {
  const [method = 'GET', path = '/'] = route.split(' ');
  // A customer's message and rating are valid, so only who sends them decides the answer.
  const body = path.endsWith('/rating')
    ? { rating: 5 }
    : path.startsWith('/api/widget/')
      ? { text: 'Is my parcel on its way?' }
      : {};
  return request(baton.url, method, concrete(path), { ...auth, ...(method === 'GET' ? {} : { body }) });
};

const staffRoutes = Object.entries(routeAccess).flatMap(([route, access]) =>
  access.kind === 'staff' ? [{ route, roles: access.roles, scopes: access.scopes }] : [],
);

// The same walk on every database this run reaches: PGlite, and PostgreSQL under with-postgres.sh.
describe.each(testKinds())('the role matrix on %s', (kind) => {
  beforeAll(() => setUp(kind), 180_000);
  afterAll(async () => baton?.close());

  it('covers every registered route, and nothing that is not one', () => {
    const registered = registeredRoutes().sort();
    // A new route must say who may call it: add it to routeAccess in security/route-access.ts.
    expect(registered.filter((route) => !(route in routeAccess))).toEqual([]);
    expect(Object.keys(routeAccess).filter((route) => !registered.includes(route))).toEqual([]);
  });

  it('answers 401 to staff routes signed out, or with a customer token instead of a session', async () => {
    for (const { route } of staffRoutes) {
      const anonymous = await call(route, {});
      expect({ route, status: anonymous.status }).toEqual({ route, status: 401 });
      const asCustomer = await call(route, { token: customerToken });
      expect({ route, status: asCustomer.status }).toEqual({ route, status: 401 });
    }
  });

  it('answers 403 forbidden to every wrong role and lets every allowed role through', async () => {
    for (const role of agentRoles) {
      const cookie = `baton_session=${tokens.get(role)}`;
      for (const { route, roles } of staffRoutes) {
        const res = await call(route, { cookie });
        if (roles.includes(role)) {
          expect({ route, role, gate: [401, 403].includes(res.status) ? 'refused' : 'passed' }).toEqual({
            route,
            role,
            gate: 'passed',
          });
        } else {
          expect({ route, role, status: res.status, code: res.body.error?.code }).toEqual({
            route,
            role,
            status: 403,
            code: 'forbidden',
          });
        }
      }
    }
  });

  it('answers 403 forbidden naming the scope to every key without it, and lets every key with it through', async () => {
    for (const scope of apiKeyScopes) {
      const token = keys.get(scope) ?? '';
      for (const { route, scopes } of staffRoutes) {
        const res = await call(route, { token });
        if (scopes.includes(scope)) {
          expect({ route, scope, gate: [401, 403].includes(res.status) ? 'refused' : 'passed' }).toEqual({
            route,
            scope,
            gate: 'passed',
          });
          continue;
        }
        expect({ route, scope, status: res.status, code: res.body.error?.code }).toEqual({
          route,
          scope,
          status: 403,
          code: 'forbidden',
        });
        const needed = scopes.length === 0 ? 'signed-in person' : `scope ${scopes.join(' or ')}`;
        expect({ route, scope, message: res.body.error?.message }).toEqual({
          route,
          scope,
          message: expect.stringContaining(needed),
        });
      }
    }
  });

  it('answers 401 to a revoked key and to a key nobody made, on every staff route', async () => {
    const madeUp = `baton_key_${randomUUID().replaceAll('-', '')}`;
    for (const { route } of staffRoutes) {
      const revoked = await call(route, { token: revokedKey });
      expect({ route, status: revoked.status, message: revoked.body.error?.message }).toEqual({
        route,
        status: 401,
        message: expect.stringContaining('revoked'),
      });
      expect({ route, status: (await call(route, { token: madeUp })).status }).toEqual({
        route,
        status: 401,
      });
    }
  });

  it('opens every staff route to some role, and every scope to some route', () => {
    for (const { route, roles } of staffRoutes)
      expect({ route, roles: roles.length > 0 }).toEqual({ route, roles: true });
    const used = new Set(staffRoutes.flatMap(({ scopes }) => scopes));
    expect(apiKeyScopes.filter((scope) => !used.has(scope))).toEqual([]);
  });

  it("keeps a customer's routes to the conversation's own token", async () => {
    const other = await request(baton.url, 'POST', '/api/widget/conversations', { body: {} });
    const otherToken = String(other.body.token);
    for (const [route, access] of Object.entries(routeAccess)) {
      if (access.kind !== 'customer' || !route.includes(':id')) continue;
      expect((await call(route, {})).status).toBe(401);
      expect((await call(route, { cookie: `baton_session=${tokens.get('admin')}` })).status).toBe(401);
      expect((await call(route, { token: otherToken })).status).toBe(403);
      expect([401, 403]).not.toContain((await call(route, { token: customerToken })).status);
    }
  });

  it('leaves public routes open to anyone', async () => {
    for (const [route, access] of Object.entries(routeAccess)) {
      if (access.kind !== 'public' || route.startsWith('POST /api/auth/sign-out')) continue;
      const [method = 'GET', path = '/'] = route.split(' ');
      const res = await fetch(`${baton.url}${path}`, {
        method,
        ...(method === 'GET' ? {} : { headers: { 'content-type': 'application/json' }, body: '{}' }),
      });
      await res.arrayBuffer();
      expect({ route, refused: res.status === 401 || res.status === 403 }).toEqual({ route, refused: false });
    }
  });
});
