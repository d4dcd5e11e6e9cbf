/**
 * SPEC §12 scale-out: two Baton server processes share one PostgreSQL database. Customers talk to
 * either; every message gets exactly one AI outcome; a customer connected to one process hears,
 * live, the reply an agent sends through the other.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { type BatonProcess, startBatonProcess } from '../../test/support/baton-processes.ts';
import { eventually, request, sendIdempotent } from '../../test/support/http.ts';
import { customerMessageFates, eventTrail, openTurnJobs } from '../../test/support/turn-outcomes.ts';
import { createTestDatabase, type TestDatabase } from '../adapters/store/testing.ts';

const enabled = Boolean(process.env.BATON_TEST_DATABASE_URL);
if (!enabled)
  console.warn('BATON_TEST_DATABASE_URL is unset: the scale-out test is skipped (npm test sets it).');

const CUSTOMERS = 50;
const QUESTIONS = ['how long does standard shipping take?', 'how do I reset my password?'];

let database: TestDatabase;
const processes: BatonProcess[] = [];

beforeAll(async () => {
  if (!enabled) return;
  database = await createTestDatabase();
  // One after the other: the first seeds the demo company, the second finds it there.
  processes.push(await startBatonProcess(database.url));
  processes.push(await startBatonProcess(database.url));
}, 180_000);

afterAll(async () => {
  for (const p of processes) await p.stop();
  await database?.drop();
});

const lastAiMessageCount = async (url: string, id: string, token: string) => {
  const view = await request(url, 'GET', `/api/widget/conversations/${id}`, { token });
  return (view.body.messages as { author: string }[]).filter((m) => m.author === 'ai').length;
};

describe.skipIf(!enabled)('two Baton processes on one PostgreSQL database', () => {
  it('gives every message of 50 customers, sent to either process, exactly one AI outcome', async () => {
    const [a, b] = processes;
    if (!a || !b) throw new Error('processes did not start');
    const customer = async (index: number) => {
      const [first, second] = index % 2 === 0 ? [a, b] : [b, a];
      const started = await request(first.url, 'POST', '/api/widget/conversations', { body: {} });
      const id = (started.body.conversation as { id: string }).id;
      const token = String(started.body.token);
      for (const [turn, process] of [first, second].entries()) {
        const sent = await sendIdempotent([process.url], `/api/widget/conversations/${id}/messages`, {
          token,
          body: { text: QUESTIONS[turn], idempotencyKey: randomUUID() },
        });
        expect(sent?.status).toBe(201);
        // The answer may come from either process; the customer asks again once it is there.
        await eventually(
          async () => ((await lastAiMessageCount(process.url, id, token)) > turn ? true : null),
          180_000,
        );
      }
    };
    await Promise.all(Array.from({ length: CUSTOMERS }, (_, i) => customer(i)));
    await eventually(async () => ((await openTurnJobs(database.url)) === 0 ? true : null), 60_000);

    const fates = await customerMessageFates(database.url);
    expect(fates).toHaveLength(CUSTOMERS * 2);
    for (const fate of fates) {
      const trail = await eventTrail(database.url, fate.conversationId);
      expect(fate, trail).toMatchObject({ copies: 1, jobState: 'done', outcomes: 1, aiMessages: 1 });
    }
  }, 600_000);

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
    const samToken = String(signedIn.body.token);
    // Automatic assignment may have given it to a colleague: Sam, an admin, takes it over.
    expect(
      (await request(b.url, 'POST', `/api/inbox/conversations/${id}/take-over`, { token: samToken })).status,
    ).toBe(200);
    const reply = await request(b.url, 'POST', `/api/inbox/conversations/${id}/replies`, {
      token: samToken,
      body: { text: 'Hello from the other process' },
    });
    expect(reply.status).toBe(201);
    const heard = await eventually(async () =>
      received.find((u) => u.type === 'message' && u.message?.body === 'Hello from the other process'),
    );
    expect(heard).toBeDefined();
    ws.close();
  }, 120_000);
});
