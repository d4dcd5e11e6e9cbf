/**
 * Two builds into web/dist from one `vite build`:
 * - `client`: the staff app (index.html) — inbox, ops, planner — split by page;
 * - `chat`: the customer chat (chat.html), also what the widget's iframe loads. It runs the same
 *   React components on Preact's React-compatible layer, so a customer's phone downloads a few
 *   kilobytes of runtime instead of React DOM, and nothing of the staff pages.
 */
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import { filesUnder, inputsFile, recordBuildInputs } from '../src/server/web-build-inputs.ts';

const here = dirname(fileURLToPath(import.meta.url));
const outDir = resolve(here, 'dist');

/** React imports as Preact's compatible equivalents, for the chat build only. */
const preactFor: Readonly<Record<string, string>> = {
  react: 'preact/compat',
  'react-dom': 'preact/compat',
  'react-dom/client': 'preact/compat/client',
  'react/jsx-runtime': 'preact/jsx-runtime',
  'react/jsx-dev-runtime': 'preact/jsx-dev-runtime',
};

const preactInChat = (): Plugin => ({
  name: 'baton:preact-in-chat',
  enforce: 'pre',
  applyToEnvironment: (environment) => environment.name === 'chat',
  resolveId(source, importer, options) {
    const target = preactFor[source];
    return target ? this.resolve(target, importer, { ...options, skipSelf: true }) : null;
  },
});

/** The dev server answers /chat with the chat page, as the Baton server does. */
const chatPageInDev = (): Plugin => ({
  name: 'baton:chat-page-in-dev',
  configureServer(server) {
    server.middlewares.use((request, _response, next) => {
      const url = request.url ?? '';
      if (url === '/chat' || url.startsWith('/chat?') || url.startsWith('/chat/')) {
        request.url = `/chat.html${url.slice(url.indexOf('?') >= 0 ? url.indexOf('?') : url.length)}`;
      }
      next();
    });
  },
});

/**
 * Each part of the build records the files it was made from — the modules it read, this config and
 * the public files it copied — so `baton start` rebuilds a checkout whose sources or packages an
 * upgrade changed (src/server/web-build-inputs.ts).
 */
const recordInputs = (): Plugin => ({
  name: 'baton:record-inputs',
  apply: 'build',
  writeBundle(options) {
    if (!options.dir) return;
    const { configFile, publicDir } = this.environment.config;
    recordBuildInputs(inputsFile(options.dir, this.environment.name), [
      ...this.getModuleIds(),
      ...(configFile ? [configFile] : []),
      ...filesUnder(publicDir),
    ]);
  },
});

export default defineConfig({
  root: here,
  plugins: [preactInChat(), chatPageInDev(), recordInputs()],
  builder: {
    async buildApp(builder) {
      const { client, chat } = builder.environments;
      // The staff build empties dist first; the chat build adds to it.
      if (client) await builder.build(client);
      if (chat) await builder.build(chat);
    },
  },
  environments: {
    client: {
      build: {
        outDir,
        emptyOutDir: true,
        rollupOptions: { input: { app: resolve(here, 'index.html') } },
      },
    },
    chat: {
      consumer: 'client',
      build: {
        outDir,
        emptyOutDir: false,
        rollupOptions: { input: { chat: resolve(here, 'chat.html') } },
      },
    },
  },
  server: {
    proxy: {
      '/api': { target: 'http://127.0.0.1:3000', ws: true },
      '/openapi.json': 'http://127.0.0.1:3000',
    },
  },
});
