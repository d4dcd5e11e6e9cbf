import { describe, expect, it } from 'vitest';
import { categoryModelFrom, fitCategoryModel } from './category-model.ts';
import { defaultCategoryDefinitions } from './index.ts';
import { decodeCategoryModel, encodeCategoryModel } from './model-state-codec.ts';

describe('the category model codec', () => {
  it('reads back a model that classifies exactly as the one it stored', () => {
    const state = fitCategoryModel({ categories: defaultCategoryDefinitions(), articles: [] });
    const decoded = decodeCategoryModel(encodeCategoryModel(state));
    expect(decoded).not.toBeNull();
    if (!decoded) return;
    const original = categoryModelFrom(state);
    const restored = categoryModelFrom(decoded);
    for (const text of ['where is my parcel', 'delete my account please', 'the kettle leaks']) {
      expect(restored.classify(text)).toEqual(original.classify(text));
      expect(restored.classify(text).intents).toEqual(original.classify(text).intents);
    }
  });

  it('reads a model from a Node Buffer that is a view into a larger pool', () => {
    const bytes = encodeCategoryModel(
      fitCategoryModel({ categories: defaultCategoryDefinitions(), articles: [] }),
    );
    const pooled = Buffer.concat([Buffer.from('padding!'), Buffer.from(bytes)]).subarray(8);
    const decoded = decodeCategoryModel(pooled);
    expect(decoded && categoryModelFrom(decoded).classify('delete my account').category).toBe(
      'account_closure',
    );
  });

  it('reads a model from bytes that start off an 8-byte boundary (copied, not viewed)', () => {
    const state = fitCategoryModel({ categories: defaultCategoryDefinitions(), articles: [] });
    const bytes = encodeCategoryModel(state);
    const shifted = Buffer.concat([Buffer.from('abc'), Buffer.from(bytes)]).subarray(3);
    const decoded = decodeCategoryModel(shifted);
    expect(decoded).not.toBeNull();
    if (!decoded) return;
    const bytesOf = (array: Float32Array) => Buffer.from(array.buffer, array.byteOffset, array.byteLength);
    expect(bytesOf(decoded.table).equals(bytesOf(state.table))).toBe(true);
    expect(categoryModelFrom(decoded).classify('the kettle leaks')).toEqual(
      categoryModelFrom(state).classify('the kettle leaks'),
    );
  });

  it('refuses bytes that are not a model of this format', () => {
    expect(decodeCategoryModel(new TextEncoder().encode('not a model'))).toBeNull();
    const bytes = encodeCategoryModel(
      fitCategoryModel({ categories: defaultCategoryDefinitions(), articles: [] }),
    );
    expect(decodeCategoryModel(bytes.subarray(0, bytes.length - 4))).toBeNull();
  });
});
