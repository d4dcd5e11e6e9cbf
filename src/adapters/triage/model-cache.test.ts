import { mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultCategoryDefinitions } from '../../core/triage/index.ts';
import { cachedCategoryModel, modelCacheKey } from './model-cache.ts';
import { MODELS_KEPT, pruneModelCache } from './model-cache-prune.ts';

const folders: string[] = [];
const freshFolder = () => {
  const folder = mkdtempSync(join(tmpdir(), 'baton-model-cache-test-'));
  folders.push(folder);
  return folder;
};
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

const input = { categories: defaultCategoryDefinitions(), articles: [] };

describe('the trained-model cache', () => {
  it('trains once, then reads the same model back by its content hash', async () => {
    const folder = freshFolder();
    const first = await cachedCategoryModel(input, folder);
    const second = await cachedCategoryModel(input, folder);
    expect(first.fromCache).toBe(false);
    expect(second.fromCache).toBe(true);
    expect(readdirSync(folder)).toEqual([`${modelCacheKey(input)}.bcm`]);
    expect(second.model.classify('my parcel never came')).toEqual(
      first.model.classify('my parcel never came'),
    );
  });

  it('keys the model by what it learnt from', () => {
    const fewer = { ...input, categories: input.categories.slice(0, 5) };
    expect(modelCacheKey(fewer)).not.toBe(modelCacheKey(input));
  });

  it('retrains when the cached file is damaged', async () => {
    const folder = freshFolder();
    writeFileSync(join(folder, `${modelCacheKey(input)}.bcm`), 'damaged');
    const result = await cachedCategoryModel(input, folder);
    expect(result.fromCache).toBe(false);
    expect(result.model.classify('delete my account').category).toBe('account_closure');
  });

  it('keeps only the most recently used models and drops stale partial writes', async () => {
    const folder = freshFolder();
    const at = (minutesAgo: number) => new Date(Date.UTC(2026, 11, 6, 12, 0) - minutesAgo * 60_000);
    const file = (name: string, minutesAgo: number) => {
      writeFileSync(join(folder, name), 'x');
      utimesSync(join(folder, name), at(minutesAgo), at(minutesAgo));
    };
    for (const minutesAgo of [1, 2, 3, 4, 5]) file(`m${minutesAgo}.bcm`, minutesAgo);
    file('fresh.bcm.1.partial', 1);
    file('crashed.bcm.2.partial', 30);
    file('notes.txt', 500);
    await pruneModelCache(folder, 3, at(0).getTime());
    expect(readdirSync(folder).sort()).toEqual([
      'fresh.bcm.1.partial',
      'm1.bcm',
      'm2.bcm',
      'm3.bcm',
      'notes.txt',
    ]);
  });

  it('counts reading a model as using it, and prunes when it trains a new one', async () => {
    const folder = freshFolder();
    const stale = new Date(Date.UTC(2020, 0, 1));
    for (let index = 0; index < MODELS_KEPT + 4; index += 1) {
      writeFileSync(join(folder, `old-${index}.bcm`), 'x');
      utimesSync(join(folder, `old-${index}.bcm`), stale, stale);
    }
    await cachedCategoryModel(input, folder);
    const names = readdirSync(folder);
    expect(names).toHaveLength(MODELS_KEPT);
    expect(names).toContain(`${modelCacheKey(input)}.bcm`);
  });
});
