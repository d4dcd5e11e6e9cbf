/**
 * Which files a web build was made from, so `baton start` can tell a current build from one an
 * upgrade left behind (`git pull` changed the chat's or the staff app's sources, or `npm install`
 * a package they bundle). The build writes, per part, every file it read with its size and
 * modification time (web/vite.config.ts); a build is current while every file still matches.
 * The records are kept in node_modules/.cache/baton, not in the build's folder: everything there
 * is served to browsers, and the records name the server's paths.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const cacheFolder = resolve(dirname(fileURLToPath(import.meta.url)), '../../node_modules/.cache/baton');

type Inputs = Readonly<Record<string, string>>;

const fingerprintOf = (size: number, mtimeMs: number): string => `${size}:${mtimeMs}`;

/** The record of one part of the build (`client`, `chat`) made into `outDir`. */
export const inputsFile = (outDir: string, part: string): string =>
  join(
    cacheFolder,
    `web-${createHash('sha256').update(resolve(outDir)).digest('hex').slice(0, 16)}-${part}.json`,
  );

/**
 * Writes the record of the modules a build read: real files only (virtual modules and query
 * suffixes left out). Called by the build itself, after it wrote its files.
 */
export const recordBuildInputs = (file: string, moduleIds: Iterable<string>): void => {
  const inputs: Record<string, string> = {};
  for (const id of moduleIds) {
    const path = id.split('?')[0] ?? '';
    if (!isAbsolute(path) || !existsSync(path)) continue;
    const info = statSync(path);
    if (!info.isFile()) continue;
    inputs[path] = fingerprintOf(info.size, info.mtimeMs);
  }
  try {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, `${JSON.stringify({ inputs })}\n`);
  } catch {
    // A read-only install keeps no record: its build counts as out of date, and `baton start`
    // serves it as it is when it cannot build it again.
  }
};

/** Every file under `folder` (none when it does not exist): what a build copies as it is. */
export const filesUnder = (folder: string): string[] =>
  existsSync(folder)
    ? readdirSync(folder, { recursive: true, encoding: 'utf8' }).map((name) => join(folder, name))
    : [];

const readInputs = async (file: string): Promise<Inputs | null> => {
  try {
    const parsed: unknown = JSON.parse(await readFile(file, 'utf8'));
    const inputs: unknown =
      typeof parsed === 'object' && parsed !== null ? Reflect.get(parsed, 'inputs') : null;
    if (typeof inputs !== 'object' || inputs === null) return null;
    const entries = Object.entries(inputs);
    if (entries.length === 0 || entries.some(([, value]) => typeof value !== 'string')) return null;
    return Object.fromEntries(entries);
  } catch {
    return null;
  }
};

/** Whether every file the record names is unchanged; no record (or a broken one) is not. */
export const buildInputsUnchanged = async (file: string): Promise<boolean> => {
  const inputs = await readInputs(file);
  if (inputs === null) return false;
  const checks = Object.entries(inputs).map(async ([path, recorded]) => {
    const info = await stat(path).catch(() => null);
    return info !== null && fingerprintOf(info.size, info.mtimeMs) === recorded;
  });
  return (await Promise.all(checks)).every(Boolean);
};
