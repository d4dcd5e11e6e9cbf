import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { runLiveBusContract } from '../../app/live-bus.contract.ts';
import type { LiveSignal } from '../../app/live-bus.ts';
import { aConversation } from '../../core/model-fixtures.ts';
import type { LiveConversationView } from '../../core/ports/store.ts';
import { createTestDatabase, type TestDatabase } from '../store/testing.ts';
import { createPostgresLiveBus, packSignals } from './postgres-live-bus.ts';

const serverUrl = process.env.BATON_TEST_DATABASE_URL;
if (!serverUrl)
  console.warn('BATON_TEST_DATABASE_URL is unset: PostgreSQL live bus tests skipped (npm test sets it).');

let database: TestDatabase | null = null;
afterAll(async () => database?.drop());

runLiveBusContract(
  'PostgreSQL NOTIFY',
  {
    shared: true,
    async open() {
      database ??= await createTestDatabase();
      return createPostgresLiveBus(database.url, () => {});
    },
  },
  Boolean(serverUrl),
);

const signal = (conversationId: string): LiveSignal => ({
  workspaceId: '5d0f7a52-8c1e-4c8e-9d7f-1b2a3c4d5e6f',
  conversationId,
  messageIds: ['0b6c1e0e-1f43-4b53-9a57-5f0a4f3c2d1e'],
  conversationChanged: true,
  typing: null,
});

describe('packing signals into notifications', () => {
  it('puts a burst of signals into one payload while it fits, and splits it when not', () => {
    const few = Array.from({ length: 5 }, (_, i) => signal(`c${i}`));
    expect(packSignals(few)).toHaveLength(1);
    const many = Array.from({ length: 200 }, (_, i) => signal(`conversation-${i}`));
    const payloads = packSignals(many);
    expect(payloads.length).toBeGreaterThan(1);
    for (const payload of payloads) expect(Buffer.byteLength(payload)).toBeLessThan(8000);
    expect(payloads.flatMap((p) => JSON.parse(p))).toEqual(many);
  });
});

/** A plain client listening on the live channel: every notification's payload, as sent. */
const rawListener = async () => {
  database ??= await createTestDatabase();
  const raw = new pg.Client({ connectionString: database.url });
  await raw.connect();
  const notices: string[] = [];
  raw.on('notification', (message) => notices.push(message.payload ?? ''));
  await raw.query('LISTEN baton_live');
  return { url: database.url, raw, notices };
};

describe.skipIf(!serverUrl)('notifications per change on PostgreSQL', () => {
  it('sends one NOTIFY for a change announced in pieces (message, then conversation)', async () => {
    const { url, raw, notices } = await rawListener();
    const bus = await createPostgresLiveBus(url, () => {});
    try {
      bus.publish({ ...signal('x'), conversationChanged: false });
      bus.publish({ ...signal('x'), messageIds: [] });
      const deadline = Date.now() + 3000;
      while (notices.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      await new Promise((r) => setTimeout(r, 200));
      expect(notices).toHaveLength(1);
      expect(JSON.parse(notices[0] ?? '')).toEqual([{ ...signal('x'), origin: expect.any(String) }]);
    } finally {
      await bus.close();
      await raw.end();
    }
  });

  it('hands its own subscribers what was written, once, and sends other processes only the ids', async () => {
    const { url, raw, notices } = await rawListener();
    const bus = await createPostgresLiveBus(url, () => {});
    const other = await createPostgresLiveBus(url, () => {});
    const here: LiveSignal[] = [];
    const there: LiveSignal[] = [];
    bus.subscribe((heard) => here.push(heard));
    other.subscribe((heard) => there.push(heard));
    const at = new Date('2026-12-01T10:00:00.000Z');
    const written: LiveConversationView = {
      conversation: aConversation({
        id: 'c-y',
        workspaceId: 'w',
        customerId: 'cu',
        subject: 'as written',
        createdAt: at,
        updatedAt: at,
        lastMessageAt: at,
      }),
      customer: null,
      assigneeName: null,
      messages: [],
    };
    try {
      bus.publish({ ...signal('y'), written });
      const deadline = Date.now() + 3000;
      while ((notices.length === 0 || there.length === 0) && Date.now() < deadline)
        await new Promise((r) => setTimeout(r, 20));
      await new Promise((r) => setTimeout(r, 200));
      expect(here).toEqual([{ ...signal('y'), written }]);
      expect(there).toEqual([signal('y')]);
      expect(notices).toHaveLength(1);
      expect(notices[0]).not.toContain('as written');
    } finally {
      await bus.close();
      await other.close();
      await raw.end();
    }
  });
});
