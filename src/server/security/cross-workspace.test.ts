/**
 * Two workspaces in one Baton process (issue 10, docs/workspaces.md): the Acme demo and a company
 * set up beside it, each with its own admin, customer conversation, article, canned reply, API key
 * and webhook. For every staff route of the role matrix (routeAccess, so a new route is walked
 * too), one workspace's admin session and all-scopes key, aimed at the other's ids, never get a
 * success, and no answer carries the other workspace's text; the other workspace's data reads the
 * same afterwards. Sockets: a staff member hears their own workspace only. Exports and metrics
 * count only their own workspace's rows. Runs on PGlite and on a PostgreSQL server.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { agentToken } from '../../../test/support/desk.ts';
import { eventually, request } from '../../../test/support/http.ts';
import type { TestBaton } from '../../../test/support/test-baton.ts';
import { startTestBatonOn, testKinds } from '../../../test/support/test-kinds.ts';
import { setUpWorkspace } from '../../app/company/set-up-workspace.ts';
import { apiKeyScopes } from '../../core/auth/api-key-scopes.ts';
import { routeAccess } from './route-access.ts';

interface Desk {
  readonly slug: string;
  readonly admin: string;
  readonly key: string;
  /** Ids of this workspace's things, by the path parameter that names them. */
  readonly ids: Record<string, string>;
  readonly customerToken: string;
  /** Text only this workspace holds: another workspace's answers must never carry it. */
  readonly markers: readonly string[];
}

let baton: TestBaton;
let acme: Desk;
let northwind: Desk;

const NORTHWIND_ADMIN = {
  name: 'Nadia Okoro',
  email: 'nadia@northwind.example',
  password: 'steeped-leaves-42',
};

const api = (method: string, path: string, token: string, body?: unknown) =>
  request(baton.url, method, path, { token, ...(body === undefined ? {} : { body }) });

const created = async (pending: ReturnType<typeof api>): Promise<Record<string, unknown>> => {
  const res = await pending;
  expect(res.status, JSON.stringify(res.body)).toBeLessThan(300);
  return res.body;
};

const idOf = (body: Record<string, unknown>, field: string): string => {
  const inner = body[field];
  if (typeof inner !== 'object' || inner === null) throw new Error(`no ${field} in ${JSON.stringify(body)}`);
  return String(Reflect.get(inner, 'id'));
};

/** A workspace's own things, made through its own credentials; `tag` makes its text unique. */
const furnish = async (slug: string, admin: string, tag: string): Promise<Desk> => {
  const started = await created(
    request(baton.url, 'POST', '/api/widget/conversations', {
      body: { workspace: slug, name: `Customer ${tag}`, email: `customer.${tag}@example.com` },
    }),
  );
  const conversation = idOf(started, 'conversation');
  const customerToken = String(started.token);
  const sent = await created(
    api('POST', `/api/widget/conversations/${conversation}/messages`, customerToken, {
      text: `Where is parcel ${tag}? I would like a person please.`,
    }),
  );
  const article = await created(
    api('POST', '/api/knowledge/articles', admin, {
      title: `Returns at ${tag}`,
      category: null,
      tags: [],
      body: `Send returns to the ${tag} depot within 30 days.`,
    }),
  );
  const reply = await created(
    api('POST', '/api/canned-replies', admin, {
      teamKey: 'billing',
      title: `Greeting ${tag}`,
      body: `Hello from ${tag}.`,
    }),
  );
  const key = await created(
    api('POST', '/api/settings/api-keys', admin, { name: `Key ${tag}`, scopes: apiKeyScopes }),
  );
  const hook = await created(
    api('POST', '/api/ops/webhooks', admin, {
      url: `https://hooks.${tag}.example/baton`,
      eventTypes: ['resolved'],
      description: `Hook ${tag}`,
    }),
  );
  const me = await created(api('GET', '/api/agents/me', admin));
  return {
    slug,
    admin,
    key: String(key.secret),
    customerToken,
    ids: {
      conversation,
      message: idOf(sent, 'message'),
      article: String(article.id),
      cannedReply: String(reply.id),
      apiKey: idOf(key, 'key'),
      webhook: idOf(hook, 'endpoint'),
      person: String(me.id),
    },
    markers: [tag],
  };
};

/** A route's path with the target workspace's ids in it. */
const aimedAt = (path: string, target: Desk): string => {
  const { ids } = target;
  const idFor = (): string => {
    if (path.startsWith('/api/knowledge/')) return ids.article ?? '';
    if (path.startsWith('/api/canned-replies/')) return ids.cannedReply ?? '';
    if (path.startsWith('/api/settings/api-keys/')) return ids.apiKey ?? '';
    if (path.startsWith('/api/ops/webhooks/')) return ids.webhook ?? '';
    if (path.startsWith('/api/people/')) return ids.person ?? '';
    return ids.conversation ?? '';
  };
  return path
    .replace(':messageId', ids.message ?? '')
    .replace(':version', '1')
    .replace(':category', 'billing')
    .replace(':key', 'billing')
    .replace(':id', idFor());
};

/** What a workspace looks like to its own admin: compared before and after the other's walk. */
const snapshot = async (desk: Desk) => {
  const read = async (path: string) => (await api('GET', path, desk.admin)).body;
  return {
    conversation: await read(`/api/inbox/conversations/${desk.ids.conversation}`),
    articles: await read('/api/knowledge/articles'),
    people: await read('/api/people'),
    teams: await read('/api/teams'),
    keys: await read('/api/settings/api-keys'),
    hooks: await read('/api/ops/webhooks'),
    settings: await read('/api/settings'),
    policy: await read('/api/ops/policy'),
    replies: await read('/api/canned-replies'),
  };
};

const staffRoutes = Object.entries(routeAccess).flatMap(([route, access]) =>
  access.kind === 'staff' ? [route] : [],
);

/** Every staff route, with `from`'s admin session and all-scopes key, aimed at `to`'s things. */
const walk = async (from: Desk, to: Desk) => {
  const leaks: string[] = [];
  for (const route of staffRoutes) {
    const [method = 'GET', template = '/'] = route.split(' ');
    const path = aimedAt(template, to);
    // Policy versions, categories and team keys are per workspace but alike in both: only ids name the other's things.
    const named = /:(id|messageId)\b/.test(template);
    for (const credential of [from.admin, from.key]) {
      const res = await request(baton.url, method, path, {
        token: credential,
        ...(method === 'GET' ? {} : { body: {} }),
      });
      const text = JSON.stringify(res.body);
      const carried = to.markers.filter((marker) => text.includes(marker));
      if (carried.length > 0) leaks.push(`${route}: answer carries ${carried.join(', ')}`);
      // A route that names the other workspace's thing must not succeed on it.
      if (named && res.status < 300) leaks.push(`${route}: ${res.status} on the other workspace's id`);
    }
  }
  return leaks;
};

const decided = async (conversationId: string): Promise<void> => {
  for (let tries = 0; tries < 1200; tries += 1) {
    const events = await baton.store.events.list(conversationId);
    if (events.some((event) => event.type === 'decision_made')) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`conversation ${conversationId} got no AI decision in 120 s`);
};

describe.each(testKinds())('two workspaces in one process on %s', (kind) => {
  beforeAll(async () => {
    baton = await startTestBatonOn(kind);
    await setUpWorkspace(baton.store, { slug: 'northwind', name: 'Northwind Tea', admin: NORTHWIND_ADMIN });
    const signedIn = await request(baton.url, 'POST', '/api/auth/sign-in', {
      body: { email: NORTHWIND_ADMIN.email, password: NORTHWIND_ADMIN.password, workspace: 'northwind' },
    });
    expect(signedIn.status).toBe(200);
    acme = await furnish('acme', await agentToken(baton, 'sam@acme.test'), 'acmeprobe');
    northwind = await furnish('northwind', String(signedIn.body.token), 'northwindprobe');
    // Each probe message's AI turn must have finished before the walks compare snapshots: a turn
    // that lands mid-walk changes its own workspace's conversation, which is no leak.
    await decided(acme.ids.conversation ?? '');
    await decided(northwind.ids.conversation ?? '');
  }, 240_000);
  afterAll(async () => baton?.close());

  it('signs in to the workspace a slug names, and refuses a slug that names none', async () => {
    const elsewhere = await request(baton.url, 'POST', '/api/auth/sign-in', {
      body: { email: NORTHWIND_ADMIN.email, password: NORTHWIND_ADMIN.password },
    });
    // Without a slug the default (Acme) is asked, where this person has no account.
    expect(elsewhere.status).toBe(401);
    const unknown = await request(baton.url, 'POST', '/api/widget/conversations', {
      body: { workspace: 'no-such-desk' },
    });
    expect({ status: unknown.status, code: unknown.body.error?.code }).toEqual({
      status: 404,
      code: 'workspace_not_found',
    });
    const me = await api('GET', '/api/agents/me', northwind.admin);
    expect(me.body.email).toBe(NORTHWIND_ADMIN.email);
  });

  it("never lets one workspace's session or key read or change the other's data, on any staff route", async () => {
    // Each direction on its own: the walker's own key and sessions are used (and stamped) on its side.
    const before = await snapshot(northwind);
    expect(await walk(acme, northwind)).toEqual([]);
    expect(await snapshot(northwind)).toEqual(before);
    const beforeAcme = await snapshot(acme);
    expect(await walk(northwind, acme)).toEqual([]);
    expect(await snapshot(acme)).toEqual(beforeAcme);
  }, 600_000);

  it("keeps a customer's token to its own workspace's conversation", async () => {
    const crossed = await api(
      'GET',
      `/api/widget/conversations/${northwind.ids.conversation}`,
      acme.customerToken,
    );
    expect([403, 404]).toContain(crossed.status);
    const own = await api(
      'GET',
      `/api/widget/conversations/${northwind.ids.conversation}`,
      northwind.customerToken,
    );
    expect(own.status).toBe(200);
  });

  it('tells staff on the live socket about their own workspace only', async () => {
    const listen = async (token: string) => {
      const ws = new WebSocket(`${baton.url.replace('http', 'ws')}/api/live`, {
        headers: { cookie: `baton_session=${token}` },
      });
      const heard: string[] = [];
      ws.on('message', (data) => heard.push(String(data)));
      await new Promise<void>((resolve, reject) => {
        ws.on('open', () => resolve());
        ws.on('error', reject);
      });
      await eventually(async () => heard.find((text) => text.includes('"ready"')));
      return { ws, heard };
    };
    const acmeEars = await listen(acme.admin);
    const northwindEars = await listen(northwind.admin);
    const note = await api(
      'POST',
      `/api/inbox/conversations/${northwind.ids.conversation}/notes`,
      northwind.admin,
      {
        text: 'Checked the northwindprobe depot.',
      },
    );
    expect(note.status).toBeLessThan(300);
    // Heard in its own workspace first, so the silence on the other socket is not just slowness.
    await eventually(async () =>
      northwindEars.heard.find((text) => text.includes(northwind.ids.conversation ?? '-')),
    );
    await api('GET', '/api/health', acme.admin);
    expect(acmeEars.heard.filter((text) => text.includes(northwind.ids.conversation ?? '-'))).toEqual([]);
    acmeEars.ws.close();
    northwindEars.ws.close();
  });

  it("counts and exports only the caller's own workspace", async () => {
    const own = await api('GET', '/api/metrics', northwind.admin);
    expect(own.status).toBe(200);
    // Northwind has one conversation; Acme's demo history is nowhere in its numbers.
    expect(JSON.stringify(own.body)).not.toContain('acmeprobe');
    const people = await api('GET', '/api/people', northwind.admin);
    const emails = (people.body.people as { email: string }[]).map((person) => person.email);
    expect(emails.every((email) => !email.endsWith('@acme.test'))).toBe(true);
    const conversations = await api('GET', '/api/inbox/conversations', northwind.key);
    expect(JSON.stringify(conversations.body)).not.toContain('acmeprobe');
    expect(JSON.stringify(conversations.body)).toContain(northwind.ids.conversation);
  });
});
