/**
 * The workspace's triage inputs are read once and again only after the store announces a change;
 * the category model retrains off the request path and turns keep the previous model meanwhile.
 * Runs on PGlite and, when a server is configured, on PostgreSQL.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { availableTestStoreKinds, openTestStore } from '../adapters/store/testing.ts';
import { workerCategoryTrainer } from '../adapters/turn/category-trainer.ts';
import type { Conversation, Workspace } from '../core/model.ts';
import type { Store } from '../core/ports/store.ts';
import {
  type CategoryModel,
  type CategoryModelInput,
  defaultPolicy,
  trainCategoryModel,
} from '../core/triage/index.ts';
import { HANDOFF_TEMPLATES_KEY } from './ops/handoff-templates.ts';
import { type CategoryTrainer, createWorkspaceTriage } from './workspace-triage.ts';

/** Counts every call into the store's repositories, to show what a load reads. */
const countingStore = (store: Store) => {
  const calls: string[] = [];
  const wrap = <T extends object>(name: string, repository: T): T =>
    new Proxy(repository, {
      get(target, property, receiver) {
        const value: unknown = Reflect.get(target, property, receiver);
        if (typeof value !== 'function') return value;
        return (...args: unknown[]) => {
          calls.push(`${name}.${String(property)}`);
          return Reflect.apply(value, target, args);
        };
      },
    });
  const counted: Store = {
    ...store,
    policies: wrap('policies', store.policies),
    settings: wrap('settings', store.settings),
    articles: wrap('articles', store.articles),
    categoryHistory: wrap('categoryHistory', store.categoryHistory),
    events: wrap('events', store.events),
    reviews: wrap('reviews', store.reviews),
  };
  return { store: counted, calls };
};

/** A trainer whose trainings finish when the test says so. */
const heldTrainer = () => {
  const pending: { input: CategoryModelInput; finish: () => void }[] = [];
  const trainer: CategoryTrainer = {
    train: (input) =>
      new Promise<CategoryModel>((resolve) => {
        pending.push({ input, finish: () => resolve(trainCategoryModel(input)) });
      }),
  };
  return { trainer, pending };
};

const until = async <T>(probe: () => Promise<T | null | undefined | false>, what: string): Promise<T> => {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
};

const immediate = { trainer: { train: async (input: CategoryModelInput) => trainCategoryModel(input) } };
const noErrors = (error: unknown) => {
  throw error;
};

describe.each(availableTestStoreKinds())('workspace triage caches on %s', (kind) => {
  let store: Store;
  beforeAll(async () => {
    store = await openTestStore(kind);
  });
  afterAll(async () => store?.close());

  const newWorkspace = async (): Promise<Workspace> => {
    const workspace = await store.workspaces.create({ slug: `cache-${randomUUID()}`, name: 'Acme' });
    await store.articles.upsert({
      workspaceId: workspace.id,
      slug: 'delivery-times',
      title: 'Delivery times',
      category: 'shipping',
      body: 'Standard delivery takes 3 to 5 working days.',
    });
    return workspace;
  };

  const newConversation = async (workspace: Workspace): Promise<Conversation> => {
    const customer = await store.customers.create({ workspaceId: workspace.id, name: 'Dana' });
    return store.conversations.create(
      { workspaceId: workspace.id, customerId: customer.id },
      {
        type: 'conversation_started',
        actor: { kind: 'customer', id: customer.id },
        data: { channel: 'widget' },
      },
    );
  };

  it('reads the policy, wording, articles and history once, and nothing on the next turns', async () => {
    const workspace = await newWorkspace();
    const { store: counted, calls } = countingStore(store);
    const triage = createWorkspaceTriage(counted, workspace.id, { ...immediate, reportError: noErrors });
    const first = await triage.load();
    expect(first.policyVersion).toBe(1);
    expect(first.policyLabel).toBe(defaultPolicy().version);
    await triage.settled();
    const afterFirst = calls.length;
    expect(calls).not.toContain('events.listByType');
    for (let turn = 0; turn < 5; turn += 1) await triage.load();
    await triage.articles();
    expect(calls.slice(afterFirst)).toEqual([]);
  });

  it('reads the new policy after one is published, and only the policy', async () => {
    const workspace = await newWorkspace();
    const { store: counted, calls } = countingStore(store);
    const triage = createWorkspaceTriage(counted, workspace.id, { ...immediate, reportError: noErrors });
    await triage.load();
    await triage.settled();
    const document = { ...defaultPolicy(), version: 'stricter-refunds' };
    await store.policies.publish({ workspaceId: workspace.id, document, author: 'ops' });
    const before = calls.length;
    const next = await until(async () => {
      const loaded = await triage.load();
      return loaded.policyVersion === 2 ? loaded : null;
    }, 'the new policy version');
    expect(next.policyLabel).toBe('stricter-refunds');
    // Only thresholds and labels changed, not the category definitions: no retraining, no other
    // reads but the labels calibration is refitted from (none here).
    await triage.settled();
    expect(new Set(calls.slice(before))).toEqual(new Set(['policies.current', 'reviews.listLabels']));
  });

  it('calibrates a category from reviewed answers, refitted when a policy is published', async () => {
    const workspace = await newWorkspace();
    const triage = createWorkspaceTriage(store, workspace.id, { ...immediate, reportError: noErrors });
    expect((await triage.load()).calibration).toEqual({});
    const reviewer = await store.agents.create({
      workspaceId: workspace.id,
      email: 'qa@acme.test',
      name: 'Quinn',
      role: 'qa',
      passwordHash: 'not-used',
      teamKeys: [],
    });
    // 60 reviewed shipping answers whose raw confidence (0.6–0.99) claimed more than the half right.
    for (let i = 0; i < 60; i += 1) {
      const conversation = await newConversation(workspace);
      await store.events.append(conversation.id, {
        type: 'decision_made',
        actor: { kind: 'ai' },
        data: {
          action: 'answer',
          category: 'shipping',
          trace: { retrieval: { kind: 'answer', confidence: 0.6 + (0.39 * ((i * 37) % 60)) / 60 } },
        },
      });
      await store.reviews.saveLabel({
        workspaceId: workspace.id,
        conversationId: conversation.id,
        messageId: null,
        source: 'review',
        label: i % 2 === 0 ? 'correct' : 'incorrect',
        rootCause: null,
        correctAnswer: null,
        notes: null,
        authorId: reviewer.id,
      });
    }
    // A published policy refits it: the thresholds and the calibration they were chosen on go live together.
    await store.policies.publish({ workspaceId: workspace.id, document: defaultPolicy(), author: 'ops' });
    const next = await until(async () => {
      const loaded = await triage.load();
      return loaded.calibration.shipping ? loaded : null;
    }, 'the shipping calibration');
    expect(Object.keys(next.calibration)).toEqual(['shipping']);
    expect(next.calibration.shipping?.kind).not.toBe('raw');
  });

  it('reads the handoff wording again after it is saved', async () => {
    const workspace = await newWorkspace();
    const triage = createWorkspaceTriage(store, workspace.id, { ...immediate, reportError: noErrors });
    expect((await triage.load()).templates).toBeUndefined();
    const override = { message: 'Thanks for waiting: {reasons} {wait}' };
    await store.settings.publish({
      workspaceId: workspace.id,
      key: HANDOFF_TEMPLATES_KEY,
      value: override,
      author: 'ops',
    });
    await until(
      async () => (await triage.load()).templates?.message === override.message,
      'the saved wording',
    );
  });

  it('reads the articles again after one changes, and retrains the model on them', async () => {
    const workspace = await newWorkspace();
    const { trainer, pending } = heldTrainer();
    const triage = createWorkspaceTriage(store, workspace.id, { trainer, reportError: noErrors });
    const loading = triage.load();
    await until(async () => pending.length === 1, 'the first training');
    pending[0]?.finish();
    const first = await loading;
    await store.articles.upsert({
      workspaceId: workspace.id,
      slug: 'returns',
      title: 'Returns',
      category: 'refund',
      body: 'Return an item within 30 days for a full refund.',
    });
    await until(async () => (await triage.articles()).length === 2, 'the new article');
    await until(async () => pending.length === 2, 'the retraining');
    expect(pending[1]?.input.articles.map((a) => a.title)).toEqual(['Delivery times', 'Returns']);
    // Until the new model is ready, turns keep the previous one.
    expect((await triage.load()).categoryModel).toBe(first.categoryModel);
    pending[1]?.finish();
    await until(async () => (await triage.load()).categoryModel !== first.categoryModel, 'the new model');
  });

  it('adds a confirmation to the history by reading that conversation only', async () => {
    const workspace = await newWorkspace();
    const { store: counted, calls } = countingStore(store);
    const { trainer, pending } = heldTrainer();
    const triage = createWorkspaceTriage(counted, workspace.id, { trainer, reportError: noErrors });
    const loading = triage.load();
    await until(async () => pending.length === 1, 'the first training');
    pending[0]?.finish();
    await loading;
    const conversation = await newConversation(workspace);
    await store.events.append(conversation.id, {
      type: 'category_confirmed',
      actor: { kind: 'system' },
      data: { category: 'shipping', previous: null, text: 'my glimmerbox never came' },
    });
    await until(async () => pending.length === 2, 'the retraining');
    expect(pending[1]?.input.history).toEqual([{ text: 'my glimmerbox never came', category: 'shipping' }]);
    expect(calls.filter((call) => call === 'categoryHistory.latest')).toHaveLength(1);
    expect(calls).toContain('categoryHistory.latestOf');
    pending[1]?.finish();
  });

  it('makes a turn wait for a model of the new taxonomy when the policy adds a category', async () => {
    const workspace = await newWorkspace();
    const triage = createWorkspaceTriage(store, workspace.id, { ...immediate, reportError: noErrors });
    await triage.load();
    const policy = defaultPolicy();
    const giftCards = {
      ...policy.categories.billing,
      description: 'Gift cards: balances, redeeming, lost codes',
      examples: ['my gift card code does not work', 'how much is left on my gift card'],
    };
    const document = { ...policy, categories: { ...policy.categories, gift_cards: giftCards } };
    await store.policies.publish({ workspaceId: workspace.id, document, author: 'ops' });
    const extended = await until(async () => {
      const loaded = await triage.load();
      return loaded.policyVersion === 2 ? loaded : null;
    }, 'the extended taxonomy');
    expect(Object.keys(extended.policy.categories)).toContain('gift_cards');
    const prediction = extended.categoryModel.classify('my gift card code does not work');
    expect(prediction.scores.map((s) => s.category)).toContain('gift_cards');
  });
});

describe('training on a worker thread', () => {
  it('gives the same model as training in process, while this thread keeps running', async () => {
    const policy = defaultPolicy();
    const input: CategoryModelInput = {
      categories: Object.entries(policy.categories).map(([name, c]) => ({
        name,
        description: c.description,
        examples: c.examples,
      })),
      articles: [],
    };
    let ticks = 0;
    let done = false;
    const ticking = (async () => {
      while (!done) {
        ticks += 1;
        await new Promise((r) => setImmediate(r));
      }
    })();
    const model = await workerCategoryTrainer.train(input);
    done = true;
    await ticking;
    // In-process training would hold this thread for the whole fit: no tick could run meanwhile.
    expect(ticks).toBeGreaterThan(10);
    const question = 'I was charged twice for my subscription';
    expect(model.classify(question)).toEqual(trainCategoryModel(input).classify(question));
  });
});
