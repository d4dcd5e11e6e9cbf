/**
 * Facts kept current as events are written, on every database this run has (PGlite always,
 * PostgreSQL with scripts/with-postgres.sh): after each refresh the SQL report over the stored
 * facts equals the pure core's report over the same events, including a recontact that changes an
 * earlier conversation and a rating that arrives late.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildConversation, buildCustomer, buildWorkspace } from '../adapters/store/contract/factories.ts';
import { availableTestStoreKinds, openTestStore } from '../adapters/store/testing.ts';
import { computeMetrics, deriveConversationFacts, type MetricSettings } from '../core/metrics/index.ts';
import type { Customer, Workspace } from '../core/model.ts';
import type { Store } from '../core/ports/store.ts';
import { refreshConversationFacts } from './conversation-facts.ts';

const HOUR = 3600_000;
const start = new Date(Date.UTC(2026, 2, 2, 9));
const at = (hours: number) => new Date(start.getTime() + hours * HOUR);
const settings: MetricSettings = {
  asOf: at(24 * 20),
  humanHourlyCost: null,
  aiCostPerTurn: 0,
  baselineHandleSeconds: {},
};

/** A customer asks about shipping, the AI answers, and the customer goes quiet for a day. */
const answeredAndQuiet = async (store: Store, workspace: Workspace, customer: Customer, hour: number) => {
  const conversation = await buildConversation(store, workspace, { customer, at: at(hour) });
  const customerActor = { kind: 'customer', id: customer.id } as const;
  await store.messages.append(
    {
      conversationId: conversation.id,
      author: 'customer',
      authorId: customer.id,
      body: 'Where is my parcel?',
      createdAt: at(hour),
    },
    customerActor,
  );
  await store.events.append(conversation.id, {
    type: 'decision_made',
    actor: { kind: 'ai' },
    data: { action: 'answer', category: 'shipping', trace: {} },
    at: at(hour + 0.01),
  });
  await store.messages.append(
    {
      conversationId: conversation.id,
      author: 'ai',
      body: 'It ships in 3 days.',
      createdAt: at(hour + 0.01),
    },
    { kind: 'ai' },
  );
  await store.events.append(conversation.id, {
    type: 'categorised',
    actor: { kind: 'ai' },
    data: { category: 'shipping' },
    at: at(hour + 0.01),
  });
  const resolved = await store.conversations.applyChange(
    conversation.id,
    'ai',
    { state: 'resolved', resolution: 'ai', category: 'shipping' },
    {
      type: 'resolved',
      actor: { kind: 'system' },
      data: { by: 'ai_assumed', resolution: 'ai', teamKey: null },
      at: at(hour + 25),
    },
  );
  return { conversation, resolvedEventId: (await store.events.list(conversation.id)).at(-1)?.id, resolved };
};

describe.each(availableTestStoreKinds())('conversation facts kept current (%s)', (kind) => {
  let store: Store;
  beforeAll(async () => {
    store = await openTestStore(kind);
  });
  afterAll(async () => store?.close());

  const expectCoreEqualsSql = async (workspace: Workspace, customers: readonly Customer[]) => {
    const events = await store.metrics.eventsOfCustomers(
      workspace.id,
      customers.map((c) => c.id),
    );
    const expected = computeMetrics(deriveConversationFacts(events), settings);
    const report = await store.metrics.report(workspace.id, settings);
    expect(report).toEqual(expected);
    return report;
  };

  it('derives facts for written events, and again when a later event changes them', async () => {
    const workspace = await buildWorkspace(store);
    const customer = await buildCustomer(store, workspace);
    const first = await answeredAndQuiet(store, workspace, customer, 0);
    expect(await refreshConversationFacts(store, workspace.id)).toBe(1);
    expect(await store.metrics.staleCount(workspace.id)).toBe(0);
    const before = await expectCoreEqualsSql(workspace, [customer]);
    expect(before).toMatchObject({ conversations: 1, aiResolutionRate: 1, recontactRateAfterAi: 0 });

    // Two days later the same customer is back about shipping: the first resolution was not durable.
    await answeredAndQuiet(store, workspace, customer, 48);
    await refreshConversationFacts(store, workspace.id);
    const after = await expectCoreEqualsSql(workspace, [customer]);
    expect(after).toMatchObject({ conversations: 2, recontactRateAfterAi: 0.5 });

    // A rating of the first resolution arrives late: the next refresh counts it.
    await store.events.append(first.conversation.id, {
      type: 'rated',
      actor: { kind: 'customer', id: customer.id },
      data: { rating: 5, comment: null, resolvedEventId: first.resolvedEventId },
      at: at(24 * 10),
    });
    expect(await store.metrics.staleCount(workspace.id)).toBe(1);
    await refreshConversationFacts(store, workspace.id);
    const rated = await expectCoreEqualsSql(workspace, [customer]);
    expect(rated.csat.aiOnly).toBe(1);
  });

  it('hands the marks of a failed refresh back at once, so the next refresh counts them', async () => {
    const workspace = await buildWorkspace(store);
    const customer = await buildCustomer(store, workspace);
    await answeredAndQuiet(store, workspace, customer, 0);
    // The same database, but the first save of facts fails (a full disk, a dropped connection).
    let failures = 0;
    const failingOnce: Store = {
      ...store,
      transaction: (work) =>
        store.transaction((tx) =>
          work(
            failures > 0
              ? tx
              : {
                  ...tx,
                  metrics: {
                    ...tx.metrics,
                    saveFacts: async () => {
                      failures += 1;
                      throw new Error('could not write the facts');
                    },
                  },
                },
          ),
        ),
    };
    await expect(refreshConversationFacts(failingOnce, workspace.id)).rejects.toThrow(/could not write/);
    expect(await store.metrics.staleCount(workspace.id)).toBe(1);
    // Not held for the lease (minutes): the very next refresh takes and counts the conversation.
    expect(await refreshConversationFacts(store, workspace.id)).toBe(1);
    expect(await store.metrics.staleCount(workspace.id)).toBe(0);
    await expectCoreEqualsSql(workspace, [customer]);
  });

  it('stops taking batches when its budget is spent, after one, and leaves the rest to the next refresh', async () => {
    const workspace = await buildWorkspace(store);
    for (let i = 0; i < 60; i += 1) await buildConversation(store, workspace, { at: at(i) });
    expect(await store.metrics.staleCount(workspace.id)).toBe(60);
    expect(await refreshConversationFacts(store, workspace.id, { budgetMs: 0 })).toBe(25);
    expect(await store.metrics.staleCount(workspace.id)).toBe(35);
    expect(await refreshConversationFacts(store, workspace.id)).toBe(35);
    expect(await store.metrics.staleCount(workspace.id)).toBe(0);
  });

  it('does nothing when nothing changed', async () => {
    const workspace = await buildWorkspace(store);
    expect(await refreshConversationFacts(store, workspace.id)).toBe(0);
  });
});
