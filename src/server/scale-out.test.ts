/**
 * SPEC §12 scale-out: two Baton processes share one PostgreSQL database. A customer connected to
 * one hears, live, the reply an agent sends through the other.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { demoIntegrations } from '../../demo/integrations.ts';
import { seedDemoCompany } from '../../demo/seed.ts';
import { eventually, request } from '../../test/support/http.ts';
import { TEST_SECRET } from '../../test/support/test-baton.ts';
import { createPostgresLiveBus, type PostgresLiveBus } from '../adapters/live/postgres-live-bus.ts';
import { openStore } from '../adapters/store/open-store.ts';
import { createTestDatabase, type TestDatabase } from '../adapters/store/testing.ts';
import type { Store } from '../core/ports/store.ts';
import { type RunningBaton, startBatonServer } from './baton-server.ts';
import { parseIntegrationList } from './integrations-config.ts';
import { buildTurnEngine } from './turn-engine-factory.ts';

const enabled = Boolean(process.env.BATON_TEST_DATABASE_URL);
if (!enabled)
  console.warn('BATON_TEST_DATABASE_URL is unset: the scale-out test is skipped (npm test sets it).');

interface Process {
  store: Store;
  live: PostgresLiveBus;
  baton: RunningBaton;
}

let database: TestDatabase;
const processes: Process[] = [];

const startProcess = async (url: string): Promise<Process> => {
  const store = await openStore({ databaseUrl: url, poolSize: 4 });
  const workspace = await store.workspaces.getBySlug('acme');
  if (!workspace) throw new Error('seed first');
  const live = await createPostgresLiveBus(url, () => {});
  const baton = await startBatonServer({
    store,
    workspaceSlug: 'acme',
    turnEngine: buildTurnEngine(store, workspace, {
      integrations: parseIntegrationList(demoIntegrations('http://127.0.0.1:9'), 'demo'),
      secrets: {},
    }),
    settings: {
      secret: TEST_SECRET,
      identitySecret: TEST_SECRET,
      sessionTtlHours: 1,
      customerTokenTtlDays: 1,
      secureCookies: false,
    },
    port: 0,
    host: '127.0.0.1',
    maxMessageChars: 4000,
    live,
    reportError: () => {},
  });
  return { store, live, baton };
};

beforeAll(async () => {
  if (!enabled) return;
  database = await createTestDatabase();
  const seeding = await openStore({ databaseUrl: database.url });
  await seedDemoCompany(seeding);
  await seeding.close();
  processes.push(await startProcess(database.url), await startProcess(database.url));
});

afterAll(async () => {
  for (const p of processes) {
    await p.baton.close();
    await p.live.close();
    await p.store.close();
  }
  await database?.drop();
});

describe.skipIf(!enabled)('two Baton processes on one PostgreSQL database', () => {
  it('delivers an agent reply sent through one process to the customer connected to the other', async () => {
    const [a, b] = processes;
    if (!a || !b) throw new Error('processes did not start');
    const started = await request(a.baton.url, 'POST', '/api/widget/conversations', { body: {} });
    const id = (started.body.conversation as { id: string }).id;
    const token = String(started.body.token);
    const ws = new WebSocket(
      `${a.baton.url.replace('http', 'ws')}/api/live?conversation=${id}&token=${token}`,
    );
    const received: { type: string; message?: { body: string } }[] = [];
    ws.on('message', (data) => received.push(JSON.parse(String(data))));
    await eventually(async () => received.find((u) => u.type === 'ready'));

    await request(a.baton.url, 'POST', `/api/widget/conversations/${id}/messages`, {
      token,
      body: { text: 'I want to talk to a real person' },
    });
    await eventually(async () => {
      const view = await request(b.baton.url, 'GET', `/api/widget/conversations/${id}`, { token });
      return view.body.state !== 'ai' ? view : null;
    });

    const signedIn = await request(b.baton.url, 'POST', '/api/auth/sign-in', {
      body: { email: 'sam@acme.test', password: 'sam-demo-pass' },
    });
    await request(b.baton.url, 'POST', `/api/inbox/conversations/${id}/replies`, {
      token: String(signedIn.body.token),
      body: { text: 'Hello from the other process' },
    });
    const reply = await eventually(async () =>
      received.find((u) => u.type === 'message' && u.message?.body === 'Hello from the other process'),
    );
    expect(reply).toBeDefined();
    ws.close();
  });
});
