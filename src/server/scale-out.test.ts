/**
 * SPEC §12 scale-out: two Baton processes share one PostgreSQL database. A customer connected to
 * one hears, live, the reply an agent sends through the other.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { eventually, request } from '../../test/support/http.ts';
import { startTestBaton, type TestBaton } from '../../test/support/test-baton.ts';
import { createTestDatabase, type TestDatabase } from '../adapters/store/testing.ts';

const enabled = Boolean(process.env.BATON_TEST_DATABASE_URL);
if (!enabled)
  console.warn('BATON_TEST_DATABASE_URL is unset: the scale-out test is skipped (npm test sets it).');

let database: TestDatabase;
const processes: TestBaton[] = [];

beforeAll(async () => {
  if (!enabled) return;
  database = await createTestDatabase();
  // One after the other: the first seeds the demo company, the second finds it there.
  processes.push(await startTestBaton({ databaseUrl: database.url }));
  processes.push(await startTestBaton({ databaseUrl: database.url }));
});

afterAll(async () => {
  for (const p of processes) await p.close();
  await database?.drop();
});

describe.skipIf(!enabled)('two Baton processes on one PostgreSQL database', () => {
  it('delivers an agent reply sent through one process to the customer connected to the other', async () => {
    const [a, b] = processes;
    if (!a || !b) throw new Error('processes did not start');
    const started = await request(a.url, 'POST', '/api/widget/conversations', { body: {} });
    const id = (started.body.conversation as { id: string }).id;
    const token = String(started.body.token);
    const ws = new WebSocket(`${a.url.replace('http', 'ws')}/api/live?conversation=${id}&token=${token}`);
    const received: { type: string; message?: { body: string } }[] = [];
    ws.on('message', (data) => received.push(JSON.parse(String(data))));
    await eventually(async () => received.find((u) => u.type === 'ready'));

    await request(a.url, 'POST', `/api/widget/conversations/${id}/messages`, {
      token,
      body: { text: 'I want to talk to a real person' },
    });
    await eventually(async () => {
      const view = await request(b.url, 'GET', `/api/widget/conversations/${id}`, { token });
      return view.body.state !== 'ai' ? view : null;
    });

    const signedIn = await request(b.url, 'POST', '/api/auth/sign-in', {
      body: { email: 'sam@acme.test', password: 'sam-demo-pass' },
    });
    await request(b.url, 'POST', `/api/inbox/conversations/${id}/replies`, {
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
