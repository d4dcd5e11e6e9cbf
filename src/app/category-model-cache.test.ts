import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CategoryModel, CategoryModelInput } from '../core/triage/index.ts';
import { createCategoryModelCache } from './category-model-cache.ts';

/** A source whose inputs the test changes, and a trainer that records what it trained on. */
const setup = () => {
  const state = { key: 'v1', names: ['billing', 'other'] };
  const trained: string[] = [];
  const model = (key: string): CategoryModel => ({
    classify: () => ({ category: key, confidence: 1, scores: [], mode: 'cold_start' }),
  });
  const cache = createCategoryModelCache(
    {
      train: async (input: CategoryModelInput) => {
        const key = input.categories[0]?.description ?? '';
        trained.push(key);
        return model(key);
      },
    },
    {
      key: async () => state.key,
      input: async () => ({
        key: state.key,
        input: {
          categories: state.names.map((name) => ({ name, description: state.key, examples: [] })),
          articles: [],
        },
      }),
    },
    (error) => {
      throw error;
    },
  );
  return { state, trained, cache };
};

describe('category model cache', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('trains once, then serves the same model while its inputs stay the same', async () => {
    const { trained, cache } = setup();
    const first = await cache.model(['billing', 'other']);
    await vi.advanceTimersByTimeAsync(1000);
    expect(await cache.model(['billing', 'other'])).toBe(first);
    expect(trained).toEqual(['v1']);
  });

  it('keeps serving the previous model after a change and retrains in the background, even under steady traffic', async () => {
    const { state, trained, cache } = setup();
    await cache.model(['billing', 'other']);
    state.key = 'v2';
    cache.refreshSoon();
    // A turn every 100 ms, each answered at once: the previous model until the new one is in.
    const served: string[] = [];
    for (let turn = 0; turn < 6; turn += 1) {
      served.push((await cache.model(['billing', 'other'])).classify('x').category);
      await vi.advanceTimersByTimeAsync(100);
    }
    expect(served[0]).toBe('v1');
    expect(served.at(-1)).toBe('v2');
    expect(trained).toEqual(['v1', 'v2']);
  });

  it('makes a turn wait for a model of a changed taxonomy instead of using one that lacks its categories', async () => {
    const { state, cache } = setup();
    await cache.model(['billing', 'other']);
    state.key = 'v2';
    state.names = ['billing', 'gift_cards', 'other'];
    const model = await cache.model(['billing', 'gift_cards', 'other']);
    expect(model.classify('x').category).toBe('v2');
  });

  it('settles once the ready model matches the current inputs', async () => {
    const { state, trained, cache } = setup();
    await cache.model(['billing', 'other']);
    state.key = 'v3';
    await cache.settled();
    expect(trained).toEqual(['v1', 'v3']);
  });
});
