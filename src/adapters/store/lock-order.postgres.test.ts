/**
 * Lock order between a customer's message and the facts refresher, on a PostgreSQL server (the
 * embedded database has one connection, so the two never overlap there). The refresher takes a
 * conversation's stale mark and then writes its facts, whose foreign-key check share-locks the
 * conversation's key; the message locks the conversation and then marks it stale, waiting for the
 * refresher. Neither may hold a lock the other then needs, or PostgreSQL aborts one as a deadlock.
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deriveConversationFacts } from '../../core/metrics/index.ts';
import type { Store } from '../../core/ports/store.ts';
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

/** Waits until some session of this database waits for a lock. */
const someoneWaitsForALock = async () => {
  for (let tries = 0; tries < 200; tries += 1) {
    const { rows } = await watcher.query(
      `SELECT count(*)::int AS waiting FROM pg_stat_activity
       WHERE datname = current_database() AND wait_event_type = 'Lock'`,
    );
    if (rows[0].waiting > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error('no session came to wait for a lock');
};

describe.skipIf(!serverConfigured)('a customer message and the facts refresher on one conversation', () => {
  it.each([
    ['with no hold', false],
    ['waiting on the customer', true],
  ])('both finish when the message waits for the mark the refresher holds (%s)', async (_, held) => {
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
    let sent: ReturnType<Store['messages']['appendCustomerMessage']> | undefined;
    await store.transaction(async (tx) => {
      expect(await tx.metrics.takeStale(workspace.id, 10)).toEqual([conversation.customerId]);
      sent = store.messages.appendCustomerMessage({
        workspaceId: workspace.id,
        conversationId: conversation.id,
        customerId: conversation.customerId,
        body: 'Is my parcel on its way?',
        idempotencyKey: null,
      });
      await someoneWaitsForALock();
      const events = await tx.metrics.eventsOfCustomers(workspace.id, [conversation.customerId]);
      await tx.metrics.saveFacts(workspace.id, deriveConversationFacts(events));
    });
    expect((await sent)?.kind).toBe('stored');
    expect(await store.metrics.staleCount(workspace.id)).toBe(1);
  });
});
