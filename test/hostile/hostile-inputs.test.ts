/**
 * The hostile-input suite (issue 12): the written corpus and generated inputs against every route
 * of a running Baton, on PGlite and on a PostgreSQL server. Each request must get a 4xx with a
 * stable snake_case code, change nothing in the store, and leave the server healthy.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  availableTestStoreKinds,
  createTestDatabase,
  type TestDatabase,
} from '../../src/adapters/store/testing.ts';
import { eventually, request } from '../support/http.ts';
import { startTestBaton, type TestBaton } from '../support/test-baton.ts';
import { type HostileCase, hostileCorpus } from './corpus.ts';

interface Fixture {
  readonly baton: TestBaton;
  readonly workspaceId: string;
  readonly conversationId: string;
  readonly customerToken: string;
  readonly aiMessageId: string;
  readonly adminToken: string;
}

const openFixture = async (baton: TestBaton): Promise<Fixture> => {
  const workspace = await baton.store.workspaces.getBySlug('acme');
  if (!workspace) throw new Error('the demo workspace is missing');
  const admin = baton.agents.find((a) => a.role === 'admin');
  if (!admin) throw new Error('the demo has no admin');
  const signedIn = await request(baton.url, 'POST', '/api/auth/sign-in', {
    body: { email: admin.email, password: admin.password },
  });
  const started = await request(baton.url, 'POST', '/api/widget/conversations', {
    body: { name: 'Hostile' },
  });
  const conversationId = (started.body.conversation as { id: string }).id;
  const customerToken = String(started.body.token);
  const say = (text: string) =>
    request(baton.url, 'POST', `/api/widget/conversations/${conversationId}/messages`, {
      token: customerToken,
      body: { text },
    });
  await say('where is my order?');
  const aiMessage = await eventually(
    async () => (await baton.store.messages.list(conversationId)).find((m) => m.author === 'ai'),
    60_000,
  );
  await say('I want to talk to a real person');
  await eventually(async () => {
    const conversation = await baton.store.conversations.getById(conversationId);
    return conversation?.state === 'queued' || conversation?.state === 'assigned' ? conversation : null;
  }, 60_000);
  // Let the AI turn and the assignment that follow a handoff finish, so later snapshots are still.
  await baton.baton.app.aiTurns.idle();
  await new Promise((resolve) => setTimeout(resolve, 1_000));
  await baton.baton.app.aiTurns.idle();
  return {
    baton,
    workspaceId: workspace.id,
    conversationId,
    customerToken,
    aiMessageId: aiMessage.id,
    adminToken: String(signedIn.body.token),
  };
};

/** Everything a refused request could have changed. */
const snapshot = async ({ baton, workspaceId, conversationId }: Fixture) => {
  const store = baton.store;
  const [
    conversations,
    messages,
    events,
    conversation,
    policies,
    templates,
    widget,
    agents,
    keys,
    hooks,
    deliveries,
    articles,
    teams,
    replies,
    responseTargets,
  ] = await Promise.all([
    store.conversations.list(workspaceId, { limit: 1000 }),
    store.messages.list(conversationId),
    store.events.list(conversationId),
    store.conversations.getById(conversationId),
    store.policies.list(workspaceId),
    store.settings.list(workspaceId, 'handoff_templates'),
    store.settings.list(workspaceId, 'widget'),
    store.agents.list(workspaceId),
    store.apiKeys.list(workspaceId),
    store.webhooks.listEndpoints(workspaceId),
    store.webhooks.listDeliveries(workspaceId, { limit: 1000 }),
    store.articles.records(workspaceId),
    store.teams.list(workspaceId),
    store.cannedReplies.list(workspaceId),
    store.settings.list(workspaceId, 'response_targets:billing'),
  ]);
  return {
    conversations: conversations.length,
    messages: messages.length,
    events: events.length,
    state: conversation?.state,
    assignee: conversation?.assigneeId,
    category: conversation?.category,
    policies: policies.length,
    templates: templates.length,
    widget: widget.length,
    statuses: agents.map((a) => `${a.id}:${a.status}`).sort(),
    webhooks: hooks.length,
    deliveries: deliveries.map((d) => `${d.id}:${d.attempts}`).sort(),
    articles: articles.map((a) => `${a.id}:${a.version}`).sort(),
    teams: teams.map((t) => JSON.stringify(t)).sort(),
    cannedReplies: replies.length,
    responseTargets: responseTargets.length,
    apiKeys: keys.length,
  };
};

const send = async (fixture: Fixture, hostile: HostileCase) => {
  const path = hostile.path.replace('{conv}', fixture.conversationId).replace('{ai}', fixture.aiMessageId);
  const token =
    hostile.as === 'admin' ? fixture.adminToken : hostile.as === 'customer' ? fixture.customerToken : null;
  const raw = hostile.raw instanceof Uint8Array ? new Blob([new Uint8Array(hostile.raw)]) : hostile.raw;
  const body = raw ?? (hostile.body === undefined ? undefined : JSON.stringify(hostile.body));
  const init = {
    method: hostile.method,
    headers: {
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    ...(body === undefined ? {} : { body }),
  };
  // A kept-alive connection the server closed as idle at the moment it was reused resets once;
  // that is the client's pool, not the server (which `healthy` checks), so it is tried again once.
  const response = await fetch(`${fixture.baton.url}${path}`, init).catch(() =>
    fetch(`${fixture.baton.url}${path}`, init),
  );
  const text = await response.text();
  let parsed: unknown = null;
  try {
    parsed = JSON.parse(text);
  } catch {
    // reported below: every error answer must be JSON
  }
  const code =
    typeof parsed === 'object' && parsed !== null
      ? Reflect.get(Reflect.get(parsed, 'error') ?? {}, 'code')
      : undefined;
  return { status: response.status, code, text };
};

const healthy = async (fixture: Fixture) => {
  const res = await fetch(`${fixture.baton.url}/api/health`);
  expect(res.status).toBe(200);
  expect(fixture.baton.errors).toEqual([]);
};

describe.each(availableTestStoreKinds())('hostile input on %s', (kind) => {
  let database: TestDatabase | undefined;
  let fixture: Fixture;
  beforeAll(async () => {
    database = kind === 'postgres' ? await createTestDatabase() : undefined;
    const baton = await startTestBaton(database ? { databaseUrl: database.url } : {});
    fixture = await openFixture(baton);
  });
  afterAll(async () => {
    await fixture?.baton.close();
    await database?.drop();
  });

  const corpus = hostileCorpus();

  it('has at least 200 written cases across every route that takes input', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(200);
    const routes = new Set(corpus.map((c) => `${c.method} ${c.path.replace(/\?.*$/, '')}`));
    expect(routes.size).toBeGreaterThanOrEqual(20);
  });

  it('refuses every written case with a 4xx and a stable code, stores nothing, and stays up', async () => {
    const failures: string[] = [];
    for (const [index, hostile] of corpus.entries()) {
      const before = await snapshot(fixture);
      const result = await send(fixture, hostile);
      const after = await snapshot(fixture);
      const refused = result.status >= 400 && result.status < 500;
      const stable = typeof result.code === 'string' && /^[a-z][a-z_]*$/.test(result.code);
      if (!refused || !stable)
        failures.push(`${hostile.name}: ${result.status} ${result.text.slice(0, 160)}`);
      else if (JSON.stringify(before) !== JSON.stringify(after)) {
        failures.push(`${hostile.name}: ${result.status} ${String(result.code)} but the store changed`);
      }
      if (index % 50 === 0) await healthy(fixture);
    }
    expect(failures).toEqual([]);
    await healthy(fixture);
  }, 600_000);

  it('validates a reply before picking the conversation up: a NUL leaves it where the queue put it', async () => {
    const { baton, conversationId, adminToken } = fixture;
    const path = `/api/inbox/conversations/${conversationId}`;
    const conversation = await baton.store.conversations.getById(conversationId);
    const teamKey = conversation?.teamKey ?? (await baton.store.teams.list(fixture.workspaceId))[0]?.key;
    // Away, so the team's queue never hands it to the admin: only a reply could.
    const away = await request(baton.url, 'PUT', '/api/agents/me/status', {
      token: adminToken,
      body: { status: 'away' },
    });
    expect(away.status).toBe(200);
    const admin = (away.body as { id?: string }).id;
    // Without the id the last check below would pass whatever happened.
    expect(admin).toMatch(/^[0-9a-f-]{36}$/);
    const requeued = await request(baton.url, 'POST', `${path}/reassign`, {
      token: adminToken,
      body: { teamKey },
    });
    expect(requeued.status).toBe(200);
    // The team's queue may hand it straight to an available teammate; either way the admin's
    // refused reply must leave it exactly where the queue put it.
    const before = await baton.store.conversations.getById(conversationId);
    const reply = await request(baton.url, 'POST', `${path}/replies`, {
      token: adminToken,
      body: { text: 'Sorry about that\u0000' },
    });
    expect(reply.status).toBe(400);
    expect(reply.body.error?.code).toBe('invalid_characters');
    const after = await baton.store.conversations.getById(conversationId);
    expect([after?.state, after?.assigneeId]).toEqual([before?.state, before?.assigneeId]);
    expect(after?.assigneeId).not.toBe(admin);
    await request(baton.url, 'PUT', '/api/agents/me/status', {
      token: adminToken,
      body: { status: 'available' },
    });
  });

  it('answers any JSON body on any route without a 5xx, and any text as a message without one', async () => {
    const bodyRoutes = [
      ...new Set(corpus.filter((c) => c.method !== 'GET').map((c) => `${c.method} ${c.path}`)),
    ];
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...bodyRoutes),
        fc.jsonValue({ maxDepth: 4 }),
        async (route, value) => {
          const [method = 'POST', path = ''] = route.split(' ');
          const as = path.includes('/widget/conversations/') ? 'customer' : 'admin';
          const hostile: HostileCase = {
            name: 'generated',
            method: method === 'PUT' ? 'PUT' : 'POST',
            path,
            as,
            body: value,
          };
          const result = await send(fixture, hostile);
          expect(result.status, result.text.slice(0, 200)).toBeLessThan(500);
        },
      ),
      { numRuns: 150 },
    );
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'binary', maxLength: 40 }), async (text) => {
        const result = await send(fixture, {
          name: 'generated text',
          method: 'POST',
          path: '/api/widget/conversations/{conv}/messages',
          as: 'customer',
          body: { text },
        });
        expect([201, 400], result.text.slice(0, 200)).toContain(result.status);
      }),
      { numRuns: 100 },
    );
    await healthy(fixture);
  }, 600_000);
});
