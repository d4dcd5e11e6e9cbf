/**
 * Message-path benchmark: N simulated customers over HTTP + WebSocket on loopback, each sending
 * questions one after another; measures from the customer's POST to the AI answer pushed over the
 * WebSocket. Runs on embedded PGlite and, when BATON_TEST_DATABASE_URL names a PostgreSQL server,
 * on PostgreSQL too; beside each, the raw single-row INSERT rate of the same database in the same
 * run, so the ratio (not the absolute number) is what to compare across machines.
 *
 *   npx tsx bench/message-path/run.ts [--customers 20] [--messages 5]
 *   bash scripts/with-postgres.sh npx tsx bench/message-path/run.ts
 */
import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import { WebSocket } from 'ws';
import { startMockAccountService } from '../../demo/account-service.ts';
import { demoIntegrations } from '../../demo/integrations.ts';
import { seedDemoCompany } from '../../demo/seed.ts';
import { openStore } from '../../src/adapters/store/open-store.ts';
import { createTestDatabase } from '../../src/adapters/store/testing.ts';
import type { Store } from '../../src/core/ports/store.ts';
import { startBatonServer } from '../../src/server/baton-server.ts';
import { parseIntegrationList } from '../../src/server/integrations-config.ts';
import { buildTurnEngine } from '../../src/server/turn-engine-factory.ts';

const { values } = parseArgs({
  options: { customers: { type: 'string', default: '20' }, messages: { type: 'string', default: '5' } },
});
const CUSTOMERS = Number(values.customers);
const MESSAGES = Number(values.messages);
const QUESTIONS = [
  'where is my order?',
  'how long does standard shipping take?',
  'how do I reset my password?',
  'what payment methods do you accept?',
  'how do I download an invoice?',
  'what is your refund policy?',
];

const percentile = (sorted: readonly number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;

/** Single-row INSERTs, one statement each, through the same store connection path. */
const insertRate = async (store: Store, seconds: number): Promise<number> => {
  const workspace = await store.workspaces.getBySlug('acme');
  if (!workspace) throw new Error('no workspace');
  const end = Date.now() + seconds * 1000;
  let count = 0;
  while (Date.now() < end) {
    await store.customers.create({ workspaceId: workspace.id, name: `bench-${count}` });
    count += 1;
  }
  return count / seconds;
};

const customer = async (base: string, latencies: number[]) => {
  const started = await fetch(`${base}/api/widget/conversations`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: '{}',
  }).then((r) => r.json() as Promise<{ token: string; conversation: { id: string } }>);
  const { token } = started;
  const id = started.conversation.id;
  const ws = new WebSocket(
    `${base.replace('http', 'ws')}/api/live?conversation=${id}&token=${encodeURIComponent(token)}`,
  );
  const waiting: Array<() => void> = [];
  ws.on('message', (data) => {
    const update = JSON.parse(String(data)) as { type: string; message?: { author: string } };
    if (update.type === 'message' && update.message?.author === 'ai') waiting.shift()?.();
  });
  await new Promise((resolve) => ws.once('message', resolve));
  for (let i = 0; i < MESSAGES; i += 1) {
    const answered = new Promise<void>((resolve) => waiting.push(resolve));
    const t0 = performance.now();
    await fetch(`${base}/api/widget/conversations/${id}/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ text: QUESTIONS[i % QUESTIONS.length], idempotencyKey: randomUUID() }),
    });
    await answered;
    latencies.push(performance.now() - t0);
  }
  ws.close();
};

const runOn = async (label: string, store: Store) => {
  await seedDemoCompany(store);
  const accounts = await startMockAccountService({ port: 0, host: '127.0.0.1' });
  const workspace = await store.workspaces.getBySlug('acme');
  if (!workspace) throw new Error('no workspace');
  const baton = await startBatonServer({
    store,
    workspaceSlug: 'acme',
    turnEngine: buildTurnEngine(store, workspace, {
      integrations: parseIntegrationList(demoIntegrations(accounts.url), 'demo integrations'),
      secrets: { ACCOUNT_SERVICE_TOKEN: 'demo-account-key' },
    }),
    settings: {
      secret: randomUUID() + randomUUID(),
      identitySecret: randomUUID() + randomUUID(),
      sessionTtlHours: 1,
      customerTokenTtlDays: 1,
      secureCookies: false,
    },
    port: 0,
    host: '127.0.0.1',
    maxMessageChars: 4000,
    rateLimits: 'off',
    reportError: (error) => console.error(error),
  });
  const inserts = await insertRate(store, 3);
  const latencies: number[] = [];
  const t0 = performance.now();
  await Promise.all(Array.from({ length: CUSTOMERS }, () => customer(baton.url, latencies)));
  const seconds = (performance.now() - t0) / 1000;
  await baton.close();
  await accounts.close();
  latencies.sort((a, b) => a - b);
  const throughput = latencies.length / seconds;
  return {
    database: label,
    customers: CUSTOMERS,
    answered: latencies.length,
    'answers/s': Number(throughput.toFixed(1)),
    'p50 ms': Number(percentile(latencies, 50).toFixed(1)),
    'p99 ms': Number(percentile(latencies, 99).toFixed(1)),
    'raw inserts/s': Number(inserts.toFixed(0)),
    'answers per 1k inserts': Number(((throughput / inserts) * 1000).toFixed(1)),
  };
};

const rows = [];
const embedded = await openStore({ memory: true });
rows.push(await runOn('PGlite (embedded, in memory)', embedded));
await embedded.close();
const serverUrl = process.env.BATON_TEST_DATABASE_URL;
if (serverUrl) {
  const database = await createTestDatabase();
  const store = await openStore({ databaseUrl: database.url });
  rows.push(await runOn('PostgreSQL server', store));
  await store.close();
  await database.drop();
} else {
  console.log('(no BATON_TEST_DATABASE_URL: PostgreSQL skipped; run under scripts/with-postgres.sh)');
}
console.table(rows);
