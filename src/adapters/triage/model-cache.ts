/**
 * The trained category model, cached on disk by a hash of everything it learnt from (taxonomy,
 * articles, history, model format): a second `baton triage` with the same policy and knowledge
 * base reads the model back instead of training it again. Any failure to read or write the cache
 * only means training as before.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  type CategoryModel,
  type CategoryModelInput,
  categoryModelFormat,
  categoryModelFrom,
  categoryModelFromState,
  decodeCategoryModel,
  defaultFineIntents,
  encodeCategoryModel,
  fitCategoryModel,
  packCategoryModel,
} from '../../core/triage/index.ts';
import { pruneModelCache, touchModel } from './model-cache-prune.ts';

/** Where `baton triage` keeps trained models unless told otherwise. */
export const defaultModelCacheFolder = join(tmpdir(), 'baton-model-cache');

const categoryModelFolder = fileURLToPath(new URL('../../core/triage/category/', import.meta.url));
let trainingCode: string | undefined;

/**
 * A hash of the category model's own source (how it trains: features, out-of-scope examples,
 * variants, tuning), read once: editing the training code names a new model, so a stale model is
 * never measured after a change that forgot to bump the format string.
 */
const trainingCodeHash = (): string => {
  if (trainingCode !== undefined) return trainingCode;
  const hash = createHash('sha256');
  try {
    const files = readdirSync(categoryModelFolder, { recursive: true, encoding: 'utf8' })
      .filter((file) => /\.(?:ts|ya?ml)$/.test(file) && !file.endsWith('.test.ts'))
      .sort();
    for (const file of files) hash.update(file).update(readFileSync(join(categoryModelFolder, file)));
  } catch {
    // Sources not shipped beside the code: the format string and the inputs still name the model.
  }
  trainingCode = hash.digest('hex');
  return trainingCode;
};

/**
 * The hash that names a trained model: the same inputs and training code always give the same
 * model. The default fine intents are learnt too when the input brings none, so their phrasings
 * are part of the name.
 */
export const modelCacheKey = (input: CategoryModelInput): string =>
  createHash('sha256')
    .update(categoryModelFormat)
    .update(trainingCodeHash())
    .update(JSON.stringify(input))
    .update(input.intents ? '' : JSON.stringify(defaultFineIntents))
    .digest('hex');

/** The model for `input`: read from `folder` when cached, trained (and cached) otherwise. */
export const cachedCategoryModel = async (
  input: CategoryModelInput,
  folder: string | null,
): Promise<{ readonly model: CategoryModel; readonly fromCache: boolean }> => {
  if (folder === null) return { model: categoryModelFrom(fitCategoryModel(input)), fromCache: false };
  const file = join(folder, `${modelCacheKey(input)}.bcm`);
  const stored = await readFile(file).catch(() => null);
  const decoded = stored ? decodeCategoryModel(stored) : null;
  if (decoded) {
    await touchModel(file);
    return { model: categoryModelFromState(decoded), fromCache: true };
  }
  const state = packCategoryModel(fitCategoryModel(input));
  try {
    await mkdir(folder, { recursive: true });
    // Write then rename, so a concurrent run never reads half a model.
    const partial = `${file}.${process.pid}.partial`;
    await writeFile(partial, encodeCategoryModel(state));
    await rename(partial, file);
    await pruneModelCache(folder);
  } catch {
    // A read-only or full disk only costs the next run its training time.
  }
  return { model: categoryModelFromState(state), fromCache: false };
};
