import { describe, expect, it } from 'vitest';
import {
  categoryModelFrom,
  categoryModelFromState,
  fitCategoryModel,
  packCategoryModel,
} from './category-model.ts';
import { defaultCategoryDefinitions } from './index.ts';
import { decodeCategoryModel, encodeCategoryModel } from './model-state-codec.ts';

const fittedState = () =>
  packCategoryModel(fitCategoryModel({ categories: defaultCategoryDefinitions(), articles: [] }));

const bytesOf = (array: ArrayBufferView) => Buffer.from(array.buffer, array.byteOffset, array.byteLength);

describe('the category model codec', () => {
  it('reads back a model that classifies exactly as the one it stored', () => {
    const parameters = fitCategoryModel({ categories: defaultCategoryDefinitions(), articles: [] });
    const decoded = decodeCategoryModel(encodeCategoryModel(packCategoryModel(parameters)));
    expect(decoded).not.toBeNull();
    if (!decoded) return;
    const original = categoryModelFrom(parameters);
    const restored = categoryModelFromState(decoded);
    for (const text of ['where is my parcel', 'delete my account please', 'the kettle leaks']) {
      expect(restored.classify(text)).toEqual(original.classify(text));
      expect(restored.classify(text).intents).toEqual(original.classify(text).intents);
    }
  });

  it('reads back the packed weight table bit for bit', () => {
    const state = fittedState();
    const decoded = decodeCategoryModel(encodeCategoryModel(state));
    expect(decoded).not.toBeNull();
    if (!decoded) return;
    expect(bytesOf(decoded.weights.rowAt).equals(bytesOf(state.weights.rowAt))).toBe(true);
    expect(bytesOf(decoded.weights.rows).equals(bytesOf(state.weights.rows))).toBe(true);
    expect(decoded.weights.width).toBe(state.weights.width);
    expect(decoded.weights.unseenIdf).toBe(state.weights.unseenIdf);
    expect(bytesOf(decoded.idf).equals(bytesOf(state.idf))).toBe(true);
    expect(bytesOf(decoded.bias).equals(bytesOf(state.bias))).toBe(true);
  });

  it('reads a model from a Node Buffer that is a view into a larger pool', () => {
    const bytes = encodeCategoryModel(fittedState());
    const pooled = Buffer.concat([Buffer.from('padding!'), Buffer.from(bytes)]).subarray(8);
    const decoded = decodeCategoryModel(pooled);
    expect(decoded && categoryModelFromState(decoded).classify('delete my account').category).toBe(
      'account_closure',
    );
  });

  it('reads a model from bytes that start off an 8-byte boundary (copied, not viewed)', () => {
    const state = fittedState();
    const bytes = encodeCategoryModel(state);
    const shifted = Buffer.concat([Buffer.from('abc'), Buffer.from(bytes)]).subarray(3);
    const decoded = decodeCategoryModel(shifted);
    expect(decoded).not.toBeNull();
    if (!decoded) return;
    expect(bytesOf(decoded.weights.rows).equals(bytesOf(state.weights.rows))).toBe(true);
    expect(categoryModelFromState(decoded).classify('the kettle leaks')).toEqual(
      categoryModelFromState(state).classify('the kettle leaks'),
    );
  });

  it('refuses bytes that are not a model of this format', () => {
    expect(decodeCategoryModel(new TextEncoder().encode('not a model'))).toBeNull();
    const bytes = encodeCategoryModel(fittedState());
    expect(decodeCategoryModel(bytes.subarray(0, bytes.length - 4))).toBeNull();
  });
});
