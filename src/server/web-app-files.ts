/** Serves the built web app (web/dist): hashed assets cached for a year, pages always revalidated. */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import type { Context, Env, Hono } from 'hono';

/**
 * Vite names built assets by content hash, so a cached copy never goes stale: keep it a year.
 * Everything else (pages, widget.js) is revalidated, so a new release reaches browsers at once.
 */
const cacheFor = (path: string): string =>
  /[\\/]assets[\\/]/.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache';

/** Adds the web app's files and pages after every other route; does nothing when it is not built. */
export const serveWebApp = <E extends Env>(app: Hono<E>, webRoot: string | undefined): void => {
  if (!webRoot || !existsSync(join(webRoot, 'index.html'))) return;
  app.use(
    '/*',
    serveStatic({ root: webRoot, onFound: (path, c) => c.header('Cache-Control', cacheFor(path)) }),
  );
  const page = (file: string) => async (c: Context) => {
    c.header('Cache-Control', 'no-cache');
    return c.html(await readFile(join(webRoot, file), 'utf8'));
  };
  // The customer chat is its own small build; the staff app routes on the client from index.html.
  app.get('/chat', page('chat.html'));
  app.get('/chat/*', page('chat.html'));
  app.get('*', page('index.html'));
};
