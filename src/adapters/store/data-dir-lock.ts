/**
 * One process at a time per embedded data folder: PGlite has no lock of its own, and two processes
 * writing one folder (say `baton import` while `baton start` runs) would corrupt it. The lock is a
 * file beside the folder holding the owner's pid; a lock whose process is gone is taken over.
 */
import { readFile, rm, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { errorCode } from '../error-code.ts';

/** Folders this process holds, to tell "opened twice here" from a stale lock left by an earlier run with our pid. */
const heldHere = new Set<string>();

const isRunning = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return errorCode(error) === 'EPERM';
  }
};

const holderOf = async (lockPath: string): Promise<number | null> => {
  const text = await readFile(lockPath, 'utf8').catch(() => '');
  const pid = Number.parseInt(text, 10);
  return Number.isInteger(pid) && pid > 0 ? pid : null;
};

/** Another running process holds the embedded database: commands say what to do instead. */
export class DataDirInUseError extends Error {
  constructor(
    readonly folder: string,
    readonly holder: number | null,
  ) {
    super(
      `The embedded database in ${folder} is already open in process ${holder}. Stop that Baton first, ` +
        'or run several processes against one PostgreSQL server with DATABASE_URL.',
    );
    this.name = 'DataDirInUseError';
  }
}

/** Takes the folder's lock or throws saying who holds it; resolves to the function that releases it. */
export const lockDataDir = async (dataDir: string): Promise<() => Promise<void>> => {
  const folder = resolve(dataDir);
  const lockPath = `${folder}.lock`;
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      await writeFile(lockPath, `${process.pid}\n`, { flag: 'wx' });
      heldHere.add(folder);
      return async () => {
        heldHere.delete(folder);
        await rm(lockPath, { force: true });
      };
    } catch (error) {
      if (errorCode(error) !== 'EEXIST') throw error;
    }
    const holder = await holderOf(lockPath);
    const inUse = holder === process.pid ? heldHere.has(folder) : holder !== null && isRunning(holder);
    if (inUse) throw new DataDirInUseError(folder, holder);
    await rm(lockPath, { force: true });
  }
  throw new Error(`Could not take the lock ${lockPath}; remove it if no Baton is running.`);
};
