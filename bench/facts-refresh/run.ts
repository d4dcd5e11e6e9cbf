/**
 * Facts refresh benchmark: what the refresh that counts a customer's new message costs when that
 * customer has a long history. A workspace holds `--days` days of other customers' conversations
 * (`--per-day` a day, counted and rolled up) and one returning customer with `--history` earlier
 * conversations spread over the same days. Then, alternately, a customer with one conversation and
 * the returning customer each write a message, and the refresh that counts it is timed: the first
 * is the baseline of the same run, the second is printed as a ratio to it.
 *
 *   npx tsx bench/facts-refresh/run.ts [--history 300] [--days 120] [--per-day 40] [--rounds 7] [--db pglite|postgres]
 *   bash scripts/with-postgres.sh npx tsx bench/facts-refresh/run.ts --db postgres
 */
import { parseArgs } from 'node:util';
import { openStore } from '../../src/adapters/store/open-store.ts';
import { createTestDatabase, type TestDatabase } from '../../src/adapters/store/testing.ts';
import { refreshConversationFacts } from '../../src/app/conversation-facts.ts';
import type { Customer } from '../../src/core/model.ts';
import type { Store } from '../../src/core/ports/store.ts';

const { values } = parseArgs({
  options: {
    history: { type: 'string', default: '300' },
    days: { type: 'string', default: '120' },
    'per-day': { type: 'string', default: '40' },
    rounds: { type: 'string', default: '7' },
    db: { type: 'string', default: 'pglite' },
  },
});
const whole = (name: string, text: string | undefined): number => {
  const value = Number(text);
  if (!Number.isInteger(value) || value <= 0) {
    process.stderr.write(`--${name} must be a whole number above 0 (got ${text}).\n`);
    process.exit(2);
  }
  return value;
};
const HISTORY = whole('history', values.history);
const DAYS = whole('days', values.days);
const PER_DAY = whole('per-day', values['per-day']);
const ROUNDS = whole('rounds', values.rounds);
if (values.db !== 'pglite' && values.db !== 'postgres') {
  process.stderr.write('--db must be pglite or postgres.\n');
  process.exit(2);
}

const DAY_MS = 86_400_000;
// History ends three days ago: the rollup rebuilds only days older than the last two.
const firstDay = Date.now() - (DAYS + 3) * DAY_MS;

let database: TestDatabase | null = null;
let store: Store;
if (values.db === 'postgres') {
  database = await createTestDatabase();
  store = await openStore({ databaseUrl: database.url });
} else {
  store = await openStore({ memory: true });
}
const workspace = await store.workspaces.create({ slug: 'bench-facts', name: 'Bench facts' });
const workspaceId = workspace.id;

/** A customer asks, the AI answers, and the conversation is resolved by the AI an hour later. */
const answered = async (tx: Store, customer: Customer, at: number, category: string) => {
  const conversation = await tx.conversations.create(
    { workspaceId, customerId: customer.id },
    {
      type: 'conversation_started',
      actor: { kind: 'customer', id: customer.id },
      data: { channel: 'widget' },
      at: new Date(at),
    },
  );
  await tx.messages.append(
    {
      conversationId: conversation.id,
      author: 'customer',
      authorId: customer.id,
      body: 'Where is my parcel?',
      createdAt: new Date(at),
    },
    { kind: 'customer', id: customer.id },
  );
  await tx.events.append(conversation.id, {
    type: 'categorised',
    actor: { kind: 'ai' },
    data: { category },
    at: new Date(at + 60_000),
  });
  await tx.messages.append(
    {
      conversationId: conversation.id,
      author: 'ai',
      body: 'It ships within 3 days.',
      createdAt: new Date(at + 60_000),
    },
    { kind: 'ai' },
  );
  await tx.conversations.applyChange(
    conversation.id,
    'ai',
    { state: 'resolved', resolution: 'ai', category },
    {
      type: 'resolved',
      actor: { kind: 'system' },
      data: { by: 'ai_assumed', resolution: 'ai', teamKey: null },
      at: new Date(at + 3_600_000),
    },
  );
  return conversation;
};

const seedStarted = performance.now();
const categories = ['shipping', 'billing', 'returns', 'account'];
for (let day = 0; day < DAYS; day += 1) {
  await store.transaction(async (tx) => {
    for (let i = 0; i < PER_DAY; i += 1) {
      const customer = await tx.customers.create({ workspaceId, name: `Customer ${day}-${i}` });
      await answered(tx, customer, firstDay + day * DAY_MS + i * 60_000, categories[i % 4] ?? 'shipping');
    }
  });
}
const returning = await store.customers.create({ workspaceId, name: 'Returning customer' });
await store.transaction(async (tx) => {
  for (let i = 0; i < HISTORY; i += 1) {
    await answered(
      tx,
      returning,
      firstDay + Math.floor((i * DAYS) / HISTORY) * DAY_MS + 7_200_000,
      categories[i % 4] ?? 'shipping',
    );
  }
});
const newcomer = await store.customers.create({ workspaceId, name: 'New customer' });
const newcomerConversation = await answered(store, newcomer, Date.now() - 4 * DAY_MS, 'shipping');
const returningLatest = await answered(store, returning, Date.now() - 4 * DAY_MS + 60_000, 'shipping');
while ((await refreshConversationFacts(store, workspaceId)) > 0) {
  // counts everything seeded and rolls its days up
}
const seedSeconds = (performance.now() - seedStarted) / 1000;

let writes = 0;
/** An agent files the conversation under another category: a late event, as a rating or review is. */
const timedRefresh = async (conversationId: string): Promise<number> => {
  writes += 1;
  await store.events.append(conversationId, {
    type: 'categorised',
    actor: { kind: 'ai' },
    data: { category: writes % 4 < 2 ? 'billing' : 'shipping' },
  });
  const started = performance.now();
  await refreshConversationFacts(store, workspaceId);
  return performance.now() - started;
};

const baseline: number[] = [];
const longHistory: number[] = [];
for (let round = 0; round < ROUNDS + 1; round += 1) {
  const one = await timedRefresh(newcomerConversation.id);
  const many = await timedRefresh(returningLatest.id);
  // The first round warms the code paths up and is not counted.
  if (round === 0) continue;
  baseline.push(one);
  longHistory.push(many);
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;
const round1 = (x: number) => Math.round(x * 10) / 10;
const result = {
  db: values.db,
  history: HISTORY,
  days: DAYS,
  perDay: PER_DAY,
  conversations: DAYS * PER_DAY + HISTORY + 2,
  seedSeconds: round1(seedSeconds),
  baselineMs: round1(median(baseline)),
  longHistoryMs: round1(median(longHistory)),
  ratio: round1(median(longHistory) / median(baseline)),
};
await store.close();
await database?.drop();
process.stdout.write(
  `refresh after a one-conversation customer writes: ${result.baselineMs} ms (median of ${ROUNDS}); ` +
    `after a customer with ${HISTORY} earlier conversations writes: ${result.longHistoryMs} ms — ${result.ratio}× the baseline\n`,
);
process.stdout.write(`${JSON.stringify(result)}\n`);
