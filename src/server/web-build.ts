/**
 * Builds the web app into web/dist when it is missing, so a fresh clone runs with one command.
 * The build has two parts (web/vite.config.ts): the staff app (index.html) and the customer chat
 * (chat.html, also what the widget's iframe loads). Vite's `build()` builds only the first of them;
 * the app builder builds both, as `vite build` on the command line does.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** The pages of a whole build: the staff app and the customer chat. */
const PAGES = ['index.html', 'chat.html'] as const;

/** Whether `webRoot` holds a whole build (a half-built folder is built again). */
export const webAppBuilt = (webRoot: string): boolean =>
  PAGES.every((page) => existsSync(join(webRoot, page)));

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
