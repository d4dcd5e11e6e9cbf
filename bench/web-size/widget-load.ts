/**
 * What the widget costs the company's page (issue 15): the host page's load event on an emulated
 * slow phone (4× CPU slowdown, 150 ms latency, 1.6 Mbit/s), without the widget (the baseline,
 * measured in the same run), with today's widget, and — with `--baseline REV` — with the widget of an
 * earlier revision served as that revision's server did (its own build, uncompressed). Also how long
 * the chat takes to be ready after the customer opens it.
 *
 *   npx tsx bench/web-size/widget-load.ts [--runs 5] [--baseline 03ef030]
 */
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../../test/support/browser.ts';
import { startTestBaton } from '../../test/support/test-baton.ts';
import { buildRevision } from './build.ts';

const argument = (name: string): string | undefined => {
  const index = process.argv.indexOf(name);
  return index >= 0 ? process.argv[index + 1] : undefined;
};
const runs = Number(argument('--runs') ?? 5);

const listen = async (server: Server): Promise<string> => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (typeof address !== 'object' || address === null) throw new Error('no port');
  return `http://127.0.0.1:${address.port}`;
};

/** The company's page, with the loader of the given Baton (or none). */
const hostPage = (
  loaderUrl: string | null,
): string => `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>Acme shop</title></head>
<body><main><h1>Acme shop</h1><p>Kitchen and home things, delivered.</p></main>
${loaderUrl ? `<script src="${loaderUrl}" async></script>` : ''}</body></html>`;

const types: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
};

/** Serves a built web folder uncompressed, every other path as index.html: how Baton served it before. */
const staticServer = (dist: string): Server =>
  createServer((request, response) => {
    const path = normalize(new URL(request.url ?? '/', 'http://x').pathname).replace(/^(\.\.[/\\])+/, '');
    const file = join(dist, path);
    readFile(file)
      .then((body) => {
        response.setHeader('content-type', types[extname(file)] ?? 'application/octet-stream');
        response.end(body);
      })
      .catch(async () => {
        response.setHeader('content-type', types['.html'] ?? 'text/html');
        response.end(await readFile(join(dist, 'index.html')));
      });
  });

const slowPhone = async (page: Page) => {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: 150,
    downloadThroughput: (1.6 * 1024 * 1024) / 8,
    uploadThroughput: (750 * 1024) / 8,
  });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
};

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
};

/** Host page load event (ms) and, when there is a widget, ms from click to a usable message box. */
const measure = async (browser: Browser, url: string, withWidget: boolean) => {
  const page = await (await browser.newContext({ viewport: { width: 390, height: 844 } })).newPage();
  await slowPhone(page);
  await page.goto(url, { waitUntil: 'load' });
  const load = await page.evaluate(() => {
    const [navigation] = performance.getEntriesByType('navigation');
    return navigation instanceof PerformanceNavigationTiming ? navigation.loadEventEnd : Number.NaN;
  });
  let open = Number.NaN;
  if (withWidget) {
    const started = Date.now();
    // By its text: the earlier loader named the button differently from what it showed.
    await page.locator('button', { hasText: 'Chat with us' }).click();
    await page.frameLocator('iframe').getByLabel('Your message').waitFor({ timeout: 60_000 });
    open = Date.now() - started;
  }
  await page.context().close();
  return { load, open };
};

const baton = await startTestBaton({ withWeb: true });
const browser = await launchChromium();
const cleanups: (() => Promise<void> | void)[] = [() => browser.close(), () => baton.close()];
try {
  const pages = new Map<string, string>([
    ['/plain', hostPage(null)],
    ['/widget', hostPage(`${baton.url}/widget.js`)],
  ]);
  const revision = argument('--baseline');
  if (revision) {
    const old = buildRevision(revision);
    const oldServer = staticServer(old.dist);
    const oldUrl = await listen(oldServer);
    cleanups.push(old.cleanup, () => new Promise<void>((resolve) => oldServer.close(() => resolve())));
    pages.set('/old-widget', hostPage(`${oldUrl}/widget.js`));
  }
  const host = createServer((request, response) => {
    response.setHeader('content-type', 'text/html; charset=utf-8');
    response.end(pages.get(request.url ?? '') ?? 'not found');
  });
  const hostUrl = await listen(host);
  cleanups.push(() => new Promise<void>((resolve) => host.close(() => resolve())));

  const variants = [
    ['no widget (baseline)', '/plain', false],
    ['widget today', '/widget', true],
    ...(revision ? [[`widget at ${revision}`, '/old-widget', true] as const] : []),
  ] as const;
  const results: Record<string, { load: number[]; open: number[] }> = {};
  for (let run = 0; run < runs; run += 1) {
    for (const [name, path, withWidget] of variants) {
      const { load, open } = await measure(browser, `${hostUrl}${path}`, withWidget);
      const entry = results[name] ?? { load: [], open: [] };
      entry.load.push(load);
      entry.open.push(open);
      results[name] = entry;
    }
  }
  const baseLoad = median(results['no widget (baseline)']?.load ?? []);
  console.log(`host page on an emulated slow phone, median of ${runs} runs:`);
  console.table(
    Object.entries(results).map(([variant, r]) => ({
      variant,
      loadEventMs: Math.round(median(r.load)),
      vsBaseline: +(median(r.load) / baseLoad).toFixed(2),
      openToReadyMs: Number.isNaN(median(r.open)) ? '—' : Math.round(median(r.open)),
    })),
  );
} finally {
  for (const cleanup of cleanups.reverse()) await cleanup();
}
