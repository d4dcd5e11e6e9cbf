import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultCategoryDefinitions } from '../../core/triage/index.ts';
import { cachedCategoryModel, modelCacheKey } from './model-cache.ts';

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
});
