/**
 * Turn-caches benchmark (issue 9, "caches by version"): what reading a workspace's triage inputs —
 * policy, handoff wording, knowledge articles, confirmed-category history, category model — costs
 * per AI turn, before and after the caches, in the same run on the same database. "Before" is the
 * pre-cache read pattern reproduced below (every turn read the current policy, every article with
 * its body, every `category_confirmed` event since the beginning and the wording, and retrained
 * the model on the event loop when the history had grown). Statements are counted at the driver.
 *
 *   npx tsx bench/turn-caches/run.ts [--turns 200] [--history 500]
 *   bash scripts/with-postgres.sh npx tsx bench/turn-caches/run.ts
 */
import { parseArgs } from 'node:util';
import pg from 'pg';
import { seedDemoCompany } from '../../demo/seed.ts';
import { openStore } from '../../src/adapters/store/open-store.ts';
import { createTestDatabase } from '../../src/adapters/store/testing.ts';
import { workerCategoryTrainer } from '../../src/adapters/turn/category-trainer.ts';
import { currentTemplatesOverride } from '../../src/app/ops/handoff-templates.ts';
import { createWorkspaceTriage } from '../../src/app/workspace-triage.ts';
import type { Store } from '../../src/core/ports/store.ts';
import {
  type LabelledText,
  policyCategoryDefinitions,
  trainCategoryModel,
  validatePolicy,
} from '../../src/core/triage/index.ts';

const { values } = parseArgs({
  options: { turns: { type: 'string', default: '200' }, history: { type: 'string', default: '500' } },
});
const TURNS = Number(values.turns);
const HISTORY = Number(values.history);

/** Every statement any pg client (the server pool, PGlite's shim) sends. */
let statements = 0;
const query = pg.Client.prototype.query;
pg.Client.prototype.query = function counted(this: pg.Client, ...args: Parameters<typeof query>) {
  statements += 1;
  return Reflect.apply(query, this, args);
} as typeof query;

/** The read pattern before the caches, as the turn engine ran it per turn (issue 9, "what was found"). */
const uncachedTriage = (store: Store, workspaceId: string) => {
  let cached: { key: string } | null = null;
  return async () => {
    const [current, articles, events, templates] = await Promise.all([
      store.policies.current(workspaceId),
      store.articles.list(workspaceId),
      store.events.listByType(workspaceId, ['category_confirmed'], new Date(0)),
      currentTemplatesOverride(store, workspaceId),
    ]);
    const validation = validatePolicy(current?.document);
    if (validation.kind !== 'valid') throw new Error('the demo policy should validate');
    const latest = new Map<string, LabelledText>();
    for (const event of events) {
      const { category, text } = event.data;
      if (typeof category === 'string' && typeof text === 'string' && text.trim())
        latest.set(event.conversationId, { text, category });
    }
    const last = events[events.length - 1];
    const key = `${current?.version}|${articles.length}:${Math.max(0, ...articles.map((a) => a.updatedAt.getTime()))}|${events.length}:${last?.at.getTime() ?? 0}`;
    if (cached?.key !== key) {
      trainCategoryModel({
        categories: policyCategoryDefinitions(validation.policy),
        articles: articles.map((a) => ({ title: a.title, body: a.body, category: a.category, tags: a.tags })),
        ...(latest.size > 0 ? { history: [...latest.values()] } : {}),
      });
      cached = { key };
    }
    return templates;
  };
};

const PRODUCTS = ['subscription box', 'gift card', 'parcel', 'invoice', 'password', 'refund'];
const PROBLEMS = [
  'never arrived',
  'was charged twice',
  'does not work',
  'is missing',
  'shows the wrong amount',
];
const CATEGORIES = ['shipping', 'billing', 'account_access', 'refund', 'order_status'];

/** Confirmed categories on `count` conversations, in Acme's own words (generated, not sampled). */
const addHistory = async (store: Store, workspaceId: string, count: number) => {
  const customer = await store.customers.create({ workspaceId, name: 'Bench customer' });
  for (let n = 0; n < count; n += 1) {
    const conversation = await store.conversations.create(
      { workspaceId, customerId: customer.id },
      {
        type: 'conversation_started',
        actor: { kind: 'customer', id: customer.id },
        data: { channel: 'widget' },
      },
    );
    await confirm(store, conversation.id, n);
  }
  return customer;
};

const confirm = (store: Store, conversationId: string, n: number) =>
  store.events.append(conversationId, {
    type: 'category_confirmed',
    actor: { kind: 'system' },
    data: {
      category: CATEGORIES[n % CATEGORIES.length],
      previous: null,
      text: `my ${PRODUCTS[n % PRODUCTS.length]} ${PROBLEMS[n % PROBLEMS.length]} (case ${n})`,
    },
  });

const timeTurns = async (turn: () => Promise<unknown>) => {
  const before = statements;
  const started = performance.now();
  for (let i = 0; i < TURNS; i += 1) await turn();
  return {
    statementsPerTurn: (statements - before) / TURNS,
    msPerTurn: (performance.now() - started) / TURNS,
  };
};

/** Watches the event loop: the longest gap between 5 ms ticks, minus the 5 ms, is the longest stall. */
const stallProbe = () => {
  let last = performance.now();
  let longest = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    longest = Math.max(longest, now - last - 5);
    last = now;
  }, 5);
  return async (): Promise<number> => {
    // One more tick, so a stall that just ended is counted.
    await new Promise((r) => setTimeout(r, 20));
    clearInterval(timer);
    return Math.max(0, longest);
  };
};

/** One turn right after an agent confirmed a category: its time and the longest the event loop stalled meanwhile. */
const turnAfterConfirmation = async (store: Store, workspaceId: string, turn: () => Promise<unknown>) => {
  const customer = await store.customers.create({ workspaceId, name: 'Bench customer' });
  const conversation = await store.conversations.create(
    { workspaceId, customerId: customer.id },
    {
      type: 'conversation_started',
      actor: { kind: 'customer', id: customer.id },
      data: { channel: 'widget' },
    },
  );
  await confirm(store, conversation.id, HISTORY + 1);
  await new Promise((r) => setTimeout(r, 50));
  const stalls = stallProbe();
  const started = performance.now();
  await turn();
  const ms = performance.now() - started;
  return { ms, maxStallMs: await stalls() };
};

const round = (value: number, digits = 2) => Number(value.toFixed(digits));
const ratio = (after: number, before: number) => Number((after / before).toPrecision(2));

const runOn = async (label: string, store: Store) => {
  await seedDemoCompany(store);
  const workspace = await store.workspaces.getBySlug('acme');
  if (!workspace) throw new Error('no workspace');
  await addHistory(store, workspace.id, HISTORY);
  const before = uncachedTriage(store, workspace.id);
  const after = createWorkspaceTriage(store, workspace.id, {
    trainer: workerCategoryTrainer,
    reportError: (error) => console.error(error),
  });
  const afterTurn = async () => {
    await after.load();
    await after.articles();
  };
  await before();
  await afterTurn();
  await after.settled();

  const steadyBefore = await timeTurns(before);
  const steadyAfter = await timeTurns(afterTurn);
  const confirmedAfter = await turnAfterConfirmation(store, workspace.id, afterTurn);
  // While the worker retrains, measure how long the event loop stalls until the new model is in.
  const stalls = stallProbe();
  const retrainStarted = performance.now();
  await after.settled();
  const retrainMs = performance.now() - retrainStarted;
  const retrainStall = await stalls();
  // Stop the caches first, so their background retraining does not compete with the baseline's.
  after.close();
  const confirmedBefore = await turnAfterConfirmation(store, workspace.id, before);

  return [
    {
      database: label,
      measure: `statements per turn (${HISTORY} confirmed conversations)`,
      before: round(steadyBefore.statementsPerTurn),
      after: round(steadyAfter.statementsPerTurn),
    },
    {
      database: label,
      measure: 'ms per turn, nothing changed',
      before: round(steadyBefore.msPerTurn, 3),
      after: round(steadyAfter.msPerTurn, 3),
      'after ÷ before': ratio(steadyAfter.msPerTurn, steadyBefore.msPerTurn),
    },
    {
      database: label,
      measure: 'ms for the turn after a confirmation',
      before: round(confirmedBefore.ms, 1),
      after: round(confirmedAfter.ms, 1),
      'after ÷ before': ratio(confirmedAfter.ms, confirmedBefore.ms),
    },
    {
      database: label,
      measure: 'longest event-loop stall in that turn, ms',
      before: round(confirmedBefore.maxStallMs, 1),
      after: round(confirmedAfter.maxStallMs, 1),
    },
    {
      database: label,
      measure: 'retraining on the worker: ms until ready / longest stall, ms',
      before: '—',
      after: `${round(retrainMs, 0)} / ${round(retrainStall, 1)}`,
    },
  ];
};

console.log(`turns ${TURNS}, history ${HISTORY} confirmed conversations, ${new Date().toISOString()}`);
const rows = [];
const embedded = await openStore({ memory: true });
rows.push(...(await runOn('PGlite', embedded)));
await embedded.close();
const serverUrl = process.env.BATON_TEST_DATABASE_URL;
if (serverUrl) {
  const database = await createTestDatabase();
  const store = await openStore({ databaseUrl: database.url });
  rows.push(...(await runOn('PostgreSQL', store)));
  await store.close();
  await database.drop();
} else {
  console.log('(no BATON_TEST_DATABASE_URL: PostgreSQL skipped; run under scripts/with-postgres.sh)');
}
console.table(rows);
