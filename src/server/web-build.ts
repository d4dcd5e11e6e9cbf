/**
 * Builds the web app into web/dist when it is missing or out of date, so a fresh clone runs with
 * one command and an upgraded checkout does not serve the pages of the version before it.
 * The build has two parts (web/vite.config.ts): the staff app (index.html) and the customer chat
 * (chat.html, also what the widget's iframe loads). Vite's `build()` builds only the first of them;
 * the app builder builds both, as `vite build` on the command line does.
 */
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { errorCode } from '../adapters/error-code.ts';
import { buildInputsUnchanged, inputsFile } from './web-build-inputs.ts';

/** The pages of a whole build: the staff app and the customer chat. */
const PAGES = ['index.html', 'chat.html'] as const;
/** The build's parts, as web/vite.config.ts names its environments. */
const PARTS = ['client', 'chat'] as const;

/**
 * Whether `webRoot` holds a whole build made from the files there now: a half-built folder, or one
 * whose sources or bundled packages changed since (or that predates the record of them), is not.
 */
export const webAppCurrent = async (webRoot: string): Promise<boolean> =>
  PAGES.every((page) => existsSync(join(webRoot, page))) &&
  (await Promise.all(PARTS.map((part) => buildInputsUnchanged(inputsFile(webRoot, part))))).every(Boolean);

/** Both parts of the web app, into the config's folder or `outDir`. */
export const buildWebApp = async (configFile: string, outDir?: string): Promise<void> => {
  const { createBuilder } = await import('vite');
  const into = outDir ? { build: { outDir } } : {};
  const builder = await createBuilder(
    { configFile, logLevel: 'warn', ...(outDir ? { environments: { client: into, chat: into } } : {}) },
    null,
  );
  await builder.buildApp();
};

/**
 * Builds the web app beside `webRoot` and then puts it in its place, so no one is served a folder
 * half-built, and two processes starting at once on one checkout (both finding it out of date)
 * cannot write into each other's build: the first to finish is kept, the other's is dropped.
 */
export const rebuildWebApp = async (configFile: string, webRoot: string): Promise<void> => {
  const mine = `${process.pid}-${randomBytes(4).toString('hex')}`;
  const staging = `${webRoot}.building-${mine}`;
  const previous = `${webRoot}.previous-${mine}`;
  try {
    await buildWebApp(configFile, staging);
    await rename(webRoot, previous).catch((error: unknown) => {
      if (errorCode(error) !== 'ENOENT') throw error;
    });
    try {
      await rename(staging, webRoot);
    } catch (error) {
      // Another process put its build there first: it is as good as this one.
      if (errorCode(error) === 'ENOTEMPTY' || errorCode(error) === 'EEXIST') return;
      // Otherwise the build being served goes back, so start can still serve it.
      await rename(previous, webRoot).catch(() => {});
      throw error;
    }
    await Promise.all(PARTS.map((part) => rename(inputsFile(staging, part), inputsFile(webRoot, part))));
  } finally {
    await rm(staging, { recursive: true, force: true });
    await rm(previous, { recursive: true, force: true });
    await Promise.all(PARTS.map((part) => rm(inputsFile(staging, part), { force: true })));
  }
};
