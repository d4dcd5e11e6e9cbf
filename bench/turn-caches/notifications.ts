/**
 * Live notifications per answered message on PostgreSQL (issue 9: "one NOTIFY per change"): one
 * Baton process on a PostgreSQL server, customers with the chat's WebSocket open sending questions
 * one after another; a separate LISTEN connection counts what crosses the `baton_live` channel.
 *
 *   bash scripts/with-postgres.sh npx tsx bench/turn-caches/notifications.ts [--customers 5] [--messages 4]
 */
import { parseArgs } from 'node:util';
import pg from 'pg';
import { WebSocket } from 'ws';
import { createTestDatabase } from '../../src/adapters/store/testing.ts';
import { request } from '../../test/support/http.ts';
import { startTestBaton } from '../../test/support/test-baton.ts';

const { values } = parseArgs({
  options: { customers: { type: 'string', default: '5' }, messages: { type: 'string', default: '4' } },
});
const CUSTOMERS = Number(values.customers);
const MESSAGES = Number(values.messages);
const QUESTIONS = [
  'where is my order?',
  'how long does standard shipping take?',
  'how do I reset my password?',
];

if (!process.env.BATON_TEST_DATABASE_URL) throw new Error('Run under scripts/with-postgres.sh');
const database = await createTestDatabase();
const baton = await startTestBaton({ databaseUrl: database.url });
const listener = new pg.Client({ connectionString: database.url });
await listener.connect();
let notifications = 0;
let bytes = 0;
listener.on('notification', (message) => {
  if (message.channel !== 'baton_live') return;
  notifications += 1;
  bytes += Buffer.byteLength(message.payload ?? '');
});
await listener.query('LISTEN baton_live');

const customer = async (): Promise<number> => {
  const started = await request(baton.url, 'POST', '/api/widget/conversations', { body: {} });
  const id = (started.body.conversation as { id: string }).id;
  const token = String(started.body.token);
  const ws = new WebSocket(`${baton.url.replace('http', 'ws')}/api/live?conversation=${id}&token=${token}`);
  const waiting: Array<() => void> = [];
  ws.on('message', (data) => {
    const update = JSON.parse(String(data)) as { type: string; message?: { author: string } };
    if (update.type === 'message' && update.message?.author === 'ai') waiting.shift()?.();
  });
  await new Promise((resolve) => ws.once('message', resolve));
  for (let i = 0; i < MESSAGES; i += 1) {
    const answered = new Promise<void>((resolve) => waiting.push(resolve));
    await request(baton.url, 'POST', `/api/widget/conversations/${id}/messages`, {
      token,
      body: { text: QUESTIONS[i % QUESTIONS.length] },
    });
    await answered;
  }
  ws.close();
  return MESSAGES;
};

const before = { notifications, bytes };
const answers = (await Promise.all(Array.from({ length: CUSTOMERS }, customer))).reduce((a, b) => a + b, 0);
await new Promise((r) => setTimeout(r, 300));
console.table([
  {
    customers: CUSTOMERS,
    answers,
    'NOTIFY per answered message': Number(((notifications - before.notifications) / answers).toFixed(2)),
    'payload bytes per answered message': Math.round((bytes - before.bytes) / answers),
  },
]);
await listener.end();
await baton.close();
await database.drop();
