/**
 * Builds the web app into web/dist when it is missing or out of date, so a fresh clone runs with
 * one command and an upgraded checkout does not serve the pages of the version before it.
 * The build has two parts (web/vite.config.ts): the staff app (index.html) and the customer chat
 * (chat.html, also what the widget's iframe loads). Vite's `build()` builds only the first of them;
 * the app builder builds both, as `vite build` on the command line does.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
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
