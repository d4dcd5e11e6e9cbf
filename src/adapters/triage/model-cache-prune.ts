/**
 * Keeps the trained-model cache small: every change to the policy's taxonomy, the knowledge base or
 * the history names a new model (14–18 MB each), so without pruning the folder only grows. The
 * newest models by last use stay; partial files a crashed run left behind go once they are old.
 */
import { readdir, rm, stat, utimes } from 'node:fs/promises';
import { join } from 'node:path';

/** How many models stay: enough for several policies and knowledge bases in turn, and for a leave-one-source-out bench (a model per source). */
export const MODELS_KEPT = 24;
const PARTIAL_GRACE_MS = 10 * 60_000;

/** Marks a model as just used, so pruning keeps the ones in use (best effort). */
export const touchModel = (file: string, now = new Date()): Promise<void> =>
  utimes(file, now, now).catch(() => undefined);

/** Deletes all but the `keep` most recently used models and stale partial writes (best effort). */
export const pruneModelCache = async (
  folder: string,
  keep = MODELS_KEPT,
  now = Date.now(),
): Promise<void> => {
  const names = await readdir(folder).catch(() => [] as string[]);
  const found = await Promise.all(
    names.map(async (name) => {
      const info = await stat(join(folder, name)).catch(() => null);
      return info?.isFile() ? { name, usedAt: info.mtimeMs } : null;
    }),
  );
  const files = found.filter((file) => file !== null);
  const models = files.filter((file) => file.name.endsWith('.bcm')).sort((a, b) => b.usedAt - a.usedAt);
  const stalePartials = files.filter(
    (file) => file.name.endsWith('.partial') && now - file.usedAt > PARTIAL_GRACE_MS,
  );
  await Promise.all(
    [...models.slice(keep), ...stalePartials].map((file) => rm(join(folder, file.name), { force: true })),
  );
};
