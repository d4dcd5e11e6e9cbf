/**
 * A customer's message and the facts refresher on one conversation, on a PostgreSQL server (the
 * embedded database has one connection, so the two never overlap there). The refresher takes the
 * conversation's stale mark in a statement of its own and then, in its transaction, reads the events
 * and writes the facts (whose foreign-key check share-locks the conversation's key); the message
 * locks the conversation and marks it stale again. The message must not wait for the refresh — it
 * did while the refresher's transaction held the deleted mark — and neither may deadlock the other.
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deriveConversationFacts } from '../../core/metrics/index.ts';
import type { Store } from '../../core/ports/store.ts';
import { categorisedEvent } from './contract/example-events.ts';
import { buildConversation, buildWorkspace } from './contract/factories.ts';
import { openStore } from './open-store.ts';
import { createTestDatabase, type TestDatabase, testDatabaseUrl } from './testing.ts';

const serverConfigured = testDatabaseUrl() !== undefined;

let database: TestDatabase;
let store: Store;
let watcher: pg.Client;

beforeAll(async () => {
  if (!serverConfigured) return;
  database = await createTestDatabase();
  store = await openStore({ databaseUrl: database.url, poolSize: 5 });
  watcher = new pg.Client({ connectionString: database.url });
  await watcher.connect();
}, 60_000);

afterAll(async () => {
  await watcher?.end();
  await store?.close();
  await database?.drop();
});

/** Fails instead of hanging when `promise` waits for something that waits for it. */
const within = <T>(promise: Promise<T>, what: string): Promise<T> =>
  Promise.race([
    promise,
    new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`${what} did not finish`)), 10_000)),
  ]);

describe.skipIf(!serverConfigured)('a customer message and the facts refresher on one conversation', () => {
  it.each([
    ['with no hold', false],
    ['waiting on the customer', true],
  ])(
    'the message is stored while the refresh is under way, and marks the conversation again (%s)',
    async (_, held) => {
      const workspace = await buildWorkspace(store);
      const conversation = await buildConversation(store, workspace);
      if (held) {
        await store.conversations.applyChange(
          conversation.id,
          { state: conversation.state, version: conversation.version },
          { hold: { kind: 'waiting_on_customer' } },
          {
            type: 'hold_set',
            actor: { kind: 'system' },
            data: { kind: 'waiting_on_customer', until: null },
          },
        );
      }
      const take = await store.metrics.takeStale(workspace.id, 10, 60_000);
      expect(take.customerIds).toEqual([conversation.customerId]);
      await store.transaction(async (tx) => {
        const events = await tx.metrics.eventsOfCustomers(workspace.id, [conversation.customerId]);
        // Another connection, while this transaction is open and has read the events.
        const sent = await within(
          store.messages.appendCustomerMessage({
            workspaceId: workspace.id,
            conversationId: conversation.id,
            customerId: conversation.customerId,
            body: 'Is my parcel on its way?',
            idempotencyKey: null,
          }),
          'the customer message during a refresh',
        );
        expect(sent.kind).toBe('stored');
        await tx.metrics.saveFacts(workspace.id, deriveConversationFacts(events));
        await tx.metrics.clearStale(take);
      });
      const { rows } = await watcher.query(
        'SELECT count(*)::int AS marks FROM conversation_facts_stale WHERE conversation_id = $1 AND taken_by IS NULL',
        [conversation.id],
      );
      expect(rows[0].marks).toBe(1);
      expect(await store.metrics.staleCount(workspace.id)).toBe(1);
    },
  );

  it('leaves the mark an uncommitted event relies on to the next refresh', async () => {
    const workspace = await buildWorkspace(store);
    const conversation = await buildConversation(store, workspace);
    let commit = () => {};
    const gate = new Promise<void>((resolve) => {
      commit = resolve;
    });
    let appended = () => {};
    const written = new Promise<void>((resolve) => {
      appended = resolve;
    });
    // An agent's action: its event finds the conversation already marked, and commits later.
    const writer = store.transaction(async (tx) => {
      await tx.events.append(conversation.id, categorisedEvent('refund'));
      appended();
      await gate;
    });
    await within(written, 'the event write');
    // A refresh now would read the events without this one: it must not take (and clear) the mark.
    const during = await store.metrics.takeStale(workspace.id, 10, 60_000).finally(() => commit());
    await writer;
    expect(during.customerIds).toEqual([]);
    expect((await store.metrics.takeStale(workspace.id, 10, 60_000)).customerIds).toEqual([
      conversation.customerId,
    ]);
  });
});
