import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultGapSettings } from '../../core/coaching/knowledge-gaps/index.ts';
import { maxArticlesRecorded } from '../../core/knowledge/articles-tried.ts';
import type { Article } from '../../core/model.ts';
import type { Answerer, DraftAnswer } from '../../core/ports/answerer.ts';
import type { Store } from '../../core/ports/store.ts';
import { acmeTopics } from '../../core/simulation/acme-topics.ts';
import { importArticles, readKnowledgeFolder, toMemoryArticles } from '../knowledge/markdown-folder.ts';
import { openStore } from '../store/open-store.ts';
import { tuningQuestions } from './retrieval-answerer.questions.ts';
import {
  createIndexCache,
  createMemoryKnowledgeSearch,
  createRetrievalAnswerer,
  createStoreKnowledgeSearch,
} from './retrieval-answerer.ts';

const demoKnowledge = resolve(dirname(fileURLToPath(import.meta.url)), '../../../demo/knowledge');
const ask = (answerer: Answerer, question: string) =>
  answerer.draft({ question, transcript: [], category: null });
const citedSlug = (draft: DraftAnswer) => (draft.kind === 'answer' ? draft.citations[0]?.slug : null);

let demoArticles: Article[];
let answerer: Answerer | undefined;
/** One answerer for the whole file, so its index is built once. */
const memoryAnswerer = (): Answerer => {
  answerer ??= createRetrievalAnswerer(createMemoryKnowledgeSearch(demoArticles));
  return answerer;
};
beforeAll(async () => {
  demoArticles = toMemoryArticles((await readKnowledgeFolder(demoKnowledge)).articles);
});

describe('retrieval answerer over the demo knowledge base', () => {
  it.each(tuningQuestions.filter((q) => q.expected !== null))(
    'answers "$question" from $expected',
    async ({ question, expected }) => {
      const draft = await ask(memoryAnswerer(), question);
      expect(citedSlug(draft)).toBe(expected);
    },
  );

  it.each(tuningQuestions.filter((q) => q.expected === null))(
    'declines "$question", which the KB does not cover',
    async ({ question }) => {
      const draft = await ask(memoryAnswerer(), question);
      expect(draft.kind).toBe('no_answer');
    },
  );

  it('answers "where is my order 1042?" with the tracking steps, citing the article', async () => {
    const draft = await ask(
      createRetrievalAnswerer(createMemoryKnowledgeSearch(demoArticles)),
      'where is my order 1042?',
    );
    expect(draft).toMatchObject({
      kind: 'answer',
      citations: [{ articleId: 'where-is-my-order', slug: 'where-is-my-order', title: 'Where is my order?' }],
    });
    expect(draft.kind === 'answer' && draft.text).toContain('Account › Orders');
    expect(draft.confidence).toBeGreaterThan(0.6);
  });

  it('answers an identified customer from their order lookup first and cites the article for the rest', async () => {
    const draft = await memoryAnswerer().draft({
      question: 'where is my order?',
      transcript: [],
      category: 'order_status',
      customer: { identified: true, name: 'Ana' },
      lookups: [
        {
          name: 'order',
          label: 'your order',
          inputs: { 'customer.externalId': 'cus_ana' },
          status: 'ok',
          fields: [
            { label: 'Order', value: '1042' },
            { label: 'Order status', value: 'shipped' },
          ],
          error: null,
          latencyMs: 5,
        },
      ],
    });
    expect(draft.kind).toBe('answer');
    if (draft.kind !== 'answer') return;
    expect(draft.text.startsWith('I checked your order:\n- Order: 1042\n- Order status: shipped')).toBe(true);
    expect(draft.citations[0]?.slug).toBe('where-is-my-order');
    expect(draft.sources).toContainEqual({ kind: 'lookup', name: 'order' });
  });

  it('asks an anonymous visitor for the order number and email instead of pointing at a page', async () => {
    const draft = await memoryAnswerer().draft({
      question: 'where is my order?',
      transcript: [],
      category: 'order_status',
      customer: { identified: false, name: null },
    });
    expect(draft.kind === 'answer' && draft.text).toBe(
      'I can look that order up for you. Please send me your order number and the email address you used when you ordered.',
    );
  });

  it('retrieves without drafting', async () => {
    const found = await memoryAnswerer().retrieve?.({
      question: 'how do I reset my password',
      transcript: [],
      category: null,
    });
    expect(found?.tried[0]?.slug).toBe('reset-your-password');
  });

  it('finds no good article for what the demo history asks beyond the knowledge base (its gaps)', async () => {
    const beyond = acmeTopics.find((topic) => topic.key === 'not_in_knowledge');
    expect(beyond?.openings.length).toBeGreaterThan(0);
    for (const question of beyond?.openings ?? []) {
      const found = await memoryAnswerer().retrieve?.({ question, transcript: [], category: null });
      // Below the gap finder's line: the demo's gaps page shows these.
      expect([question, (found?.tried[0]?.score ?? 0) < defaultGapSettings.weakMatchBelow]).toEqual([
        question,
        true,
      ]);
    }
  });

  it('lists the best few candidates that scored in tried, best first, with scores in (0, 1]', async () => {
    const draft = await ask(
      createRetrievalAnswerer(createMemoryKnowledgeSearch(demoArticles)),
      'how do I reset my password',
    );
    expect(demoArticles.length).toBeGreaterThan(maxArticlesRecorded);
    expect(draft.tried).toHaveLength(maxArticlesRecorded);
    expect(draft.tried[0]?.slug).toBe('reset-your-password');
    const scores = draft.tried.map((tried) => tried.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(scores.every((score) => score > 0 && score <= 1)).toBe(true);
  });

  it('quotes only text that is in the cited article', async () => {
    for (const { question, expected } of tuningQuestions) {
      if (expected === null) continue;
      const draft = await ask(memoryAnswerer(), question);
      if (draft.kind !== 'answer') continue;
      const article = demoArticles.find((a) => a.slug === draft.citations[0]?.slug);
      const plainBody = (article?.body ?? '').replace(/\*\*|`/g, '');
      for (const line of draft.text.split('\n')) {
        const words = line
          .replace(/^(?:- |\d+\. )/, '')
          .split(/[\s;:,.]+/)
          .filter((word) => word.length > 3);
        for (const word of words) expect(plainBody.toLowerCase()).toContain(word.toLowerCase());
      }
    }
  });
});

describe('createIndexCache', () => {
  it('reuses the index while the articles are unchanged and rebuilds it after an edit', () => {
    const indexOf = createIndexCache();
    const first = indexOf(demoArticles);
    expect(indexOf([...demoArticles])).toBe(first);
    const edited = demoArticles.map((a, i) => (i === 0 ? { ...a, updatedAt: new Date(1) } : a));
    expect(indexOf(edited)).not.toBe(first);
  });
});

describe('store knowledge search', () => {
  let store: Store;
  let workspaceId: string;
  beforeAll(async () => {
    store = await openStore({ memory: true });
    workspaceId = (await store.workspaces.create({ slug: 'acme', name: 'Acme' })).id;
    const { articles } = await readKnowledgeFolder(demoKnowledge);
    await importArticles(store, workspaceId, articles);
  });
  afterAll(async () => {
    await store?.close();
  });

  it('answers from the same article, with the same confidence, as the memory search', async () => {
    const fromStore = createRetrievalAnswerer(createStoreKnowledgeSearch(store, workspaceId));
    const fromMemory = createRetrievalAnswerer(createMemoryKnowledgeSearch(demoArticles));
    for (const question of [
      'where is my order 1042?',
      'I forgot my password',
      'what is your refund policy',
    ]) {
      const [stored, memory] = await Promise.all([ask(fromStore, question), ask(fromMemory, question)]);
      expect(citedSlug(stored)).toBe(citedSlug(memory));
      expect(stored.confidence).toBeCloseTo(memory.confidence, 5);
      expect(stored.kind === 'answer' && stored.citations[0]?.articleId).toMatch(/^[0-9a-f-]{36}$/);
    }
  });

  it('tries only the articles the full-text search proposed', async () => {
    const draft = await ask(
      createRetrievalAnswerer(createStoreKnowledgeSearch(store, workspaceId)),
      'refund policy',
    );
    expect(draft.tried.length).toBeGreaterThan(0);
    expect(draft.tried.length).toBeLessThanOrEqual(10);
  });

  it('says no_answer when the search finds nothing', async () => {
    const draft = await ask(
      createRetrievalAnswerer(createStoreKnowledgeSearch(store, workspaceId)),
      'zebra quantum',
    );
    expect(draft).toMatchObject({ kind: 'no_answer', tried: [] });
  });

  it('re-reads the knowledge base after the refresh interval, so edits reach the answers', async () => {
    let now = 0;
    const search = createStoreKnowledgeSearch(store, workspaceId, { refreshMs: 1000, now: () => now });
    const before = await search.corpus();
    expect(await search.corpus()).toBe(before);
    now = 1000;
    expect(await search.corpus()).not.toBe(before);
  });
});
