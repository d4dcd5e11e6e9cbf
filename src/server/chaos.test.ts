/**
 * Crash under load (SPEC §11): two Baton processes on one PostgreSQL database; one is killed with
 * SIGKILL in the middle of a burst of customer messages and started again. Afterwards every
 * acknowledged message is stored once and has exactly one AI outcome — the dead process's leased
 * turns are taken over when their leases expire. Not timed: it waits until the work is done.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BatonProcess, startBatonProcess } from '../../test/support/baton-processes.ts';
import { eventually, request, sendIdempotent } from '../../test/support/http.ts';
import { customerMessageFates, eventTrail, openTurnJobs } from '../../test/support/turn-outcomes.ts';
import { createTestDatabase, type TestDatabase } from '../adapters/store/testing.ts';

const enabled = Boolean(process.env.BATON_TEST_DATABASE_URL);

const CUSTOMERS = 30;
const QUESTIONS = [
  'how long does standard shipping take?',
  'how do I reset my password?',
  'what payment methods do you accept?',
];

let database: TestDatabase;
const processes: BatonProcess[] = [];

beforeAll(async () => {
  if (!enabled) return;
  database = await createTestDatabase();
  processes.push(await startBatonProcess(database.url));
  processes.push(await startBatonProcess(database.url));
}, 180_000);

afterAll(async () => {
  for (const p of processes) await p.stop();
  await database?.drop();
});

describe.skipIf(!enabled)('a Baton process killed mid-burst', () => {
  it('leaves every acknowledged message stored once with exactly one AI outcome', async () => {
    const [victim, survivor] = processes;
    if (!victim || !survivor) throw new Error('processes did not start');
    const conversations = await Promise.all(
      Array.from({ length: CUSTOMERS }, async () => {
        const started = await request(survivor.url, 'POST', '/api/widget/conversations', { body: {} });
        return { id: (started.body.conversation as { id: string }).id, token: String(started.body.token) };
      }),
    );

    const acknowledged: string[] = [];
    let killed: Promise<void> | null = null;
    const burst = conversations.map(async ({ id, token }, c) => {
      for (const [i, text] of QUESTIONS.entries()) {
        // Alternate between the processes; a failed send goes to the other one with the same key.
        const bases = (c + i) % 2 === 0 ? [victim.url, survivor.url] : [survivor.url, victim.url];
        const key = randomUUID();
        const sent = await sendIdempotent(bases, `/api/widget/conversations/${id}/messages`, {
          token,
          body: { text, idempotencyKey: key },
        });
        if (sent && (sent.status === 201 || sent.status === 200)) acknowledged.push(key);
        if (acknowledged.length >= (CUSTOMERS * QUESTIONS.length) / 3 && killed === null)
          killed = victim.kill();
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    });
    await Promise.all(burst);
    expect(killed).not.toBeNull();
    await killed;
    processes[0] = await startBatonProcess(database.url);

    await eventually(async () => ((await openTurnJobs(database.url)) === 0 ? true : null), 120_000);
    const fates = await customerMessageFates(database.url);
    const byKey = new Map(fates.map((f) => [f.idempotencyKey, f]));
    expect(acknowledged.length).toBeGreaterThan(CUSTOMERS);
    for (const key of acknowledged) {
      const fate = byKey.get(key);
      const trail = fate ? await eventTrail(database.url, fate.conversationId) : 'not stored';
      expect(fate, trail).toMatchObject({ copies: 1, jobState: 'done', outcomes: 1 });
      expect(fate?.aiMessages).toBeLessThanOrEqual(1);
    }
  }, 400_000);
});
