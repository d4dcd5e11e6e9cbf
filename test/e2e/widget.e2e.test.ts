/**
 * The chat widget on a company's page (another origin, as in real use), in real Chromium: only
 * the small loader loads with the page; the chat — its own small bundle — loads when the customer
 * opens it; the panel closes from inside (× or Escape), takes focus, says whether it is open, fits
 * a phone; the server sends it compressed, with long cache lifetimes for hashed files.
 */
import { createServer, type Server } from 'node:http';
import { gzipSync } from 'node:zlib';
import type { Browser, Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/browser.ts';
import { desk, overflowsSideways, phone, seriousAxeViolations } from '../support/desk.ts';
import { eventually } from '../support/http.ts';
import { startTestBaton, type TestBaton } from '../support/test-baton.ts';

const LOADER_MAX_BYTES = 2048;
const CHAT_JS_MAX_GZIP_BYTES = 50 * 1024;

let baton: TestBaton;
let browser: Browser;
let host: Server;
let hostUrl: string;

beforeAll(async () => {
  [baton, browser] = await Promise.all([startTestBaton({ withWeb: true }), launchChromium()]);
  host = createServer((_request, response) => {
    response.setHeader('content-type', 'text/html; charset=utf-8');
    response.end(`<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>Acme shop</title></head>
<body><main><h1>Acme shop</h1><p>Kitchen and home things, delivered.</p></main>
<script src="${baton.url}/widget.js" async></script></body></html>`);
  });
  await new Promise<void>((resolve) => host.listen(0, '127.0.0.1', resolve));
  const address = host.address();
  if (typeof address !== 'object' || address === null) throw new Error('the host page server has no port');
  hostUrl = `http://127.0.0.1:${address.port}/`;
});
afterAll(async () => {
  await new Promise((resolve) => host?.close(resolve));
  await browser?.close();
  await baton?.close();
});

/** Opens the host page and records every request that goes to Baton. */
const openHostPage = async (viewport: { width: number; height: number }) => {
  const page = await (await browser.newContext({ viewport })).newPage();
  const toBaton: string[] = [];
  page.on('request', (r) => {
    if (r.url().startsWith(baton.url)) toBaton.push(new URL(r.url()).pathname);
  });
  await page.goto(hostUrl, { waitUntil: 'load' });
  const launcher = page.getByRole('button', { name: 'Chat with us' });
  await launcher.waitFor();
  return { page, toBaton, launcher };
};

const chatFrame = async (page: Page): Promise<Frame> =>
  eventually(async () => {
    const frame = page.frames().find((f) => f.url().startsWith(`${baton.url}/chat`));
    if (!frame) return null;
    await frame.getByLabel('Your message').waitFor();
    return frame;
  });

const focusedLabel = (frame: Frame) =>
  frame.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.tagName);

describe('the chat widget on a company page', () => {
  it('loads only the loader (at most 2 KB) with the page, and no chat until the customer opens it', async () => {
    const { page, toBaton, launcher } = await openHostPage(desk);
    await page.waitForLoadState('networkidle');
    // The loader and the look it reads (colour, corner, words: a few bytes of JSON); no chat yet.
    expect(toBaton).toEqual(['/widget.js', '/api/widget/settings']);
    await expect(page.locator('iframe').count()).resolves.toBe(0);
    await expect(launcher.getAttribute('aria-expanded')).resolves.toBe('false');
    const loader = await fetch(`${baton.url}/widget.js`, { headers: { 'accept-encoding': 'identity' } });
    expect((await loader.arrayBuffer()).byteLength).toBeLessThanOrEqual(LOADER_MAX_BYTES);
  });

  it('opens the chat on click: embedded, focus in the message box, at most 50 KB of gzipped JavaScript', async () => {
    const { page, launcher } = await openHostPage(desk);
    const scripts: Promise<number>[] = [];
    page.on('response', (response) => {
      const url = response.url();
      if (url.startsWith(baton.url) && url.endsWith('.js') && !url.endsWith('/widget.js')) {
        scripts.push(response.body().then((body) => gzipSync(body, { level: 9 }).byteLength));
      }
    });
    await launcher.click();
    const frame = await chatFrame(page);
    expect(new URL(frame.url()).searchParams.get('embedded')).toBe('1');
    await expect(launcher.getAttribute('aria-expanded')).resolves.toBe('true');
    const controls = await launcher.getAttribute('aria-controls');
    await expect(page.locator(`iframe#${controls}`).getAttribute('title')).resolves.toBe('Support chat');
    await eventually(async () => ((await focusedLabel(frame)) === 'Your message' ? true : null), 5000);

    const sizes = await Promise.all(scripts);
    expect(sizes.length).toBeGreaterThan(0);
    const total = sizes.reduce((sum, size) => sum + size, 0);
    expect(total).toBeLessThanOrEqual(CHAT_JS_MAX_GZIP_BYTES);

    // Typing goes straight into the chat.
    await page.keyboard.type('where is my order 1042?');
    await page.keyboard.press('Enter');
    await frame.locator('[data-testid="message"][data-author="ai"]').waitFor({ timeout: 20_000 });
  });

  it('closes from the × inside the panel, from Escape in the chat, and gives focus back to the launcher', async () => {
    const { page, launcher } = await openHostPage(desk);
    const panel = page.locator('iframe#baton-chat');
    await launcher.click();
    const frame = await chatFrame(page);

    await frame.getByRole('button', { name: 'Close chat' }).click();
    await panel.waitFor({ state: 'hidden' });
    await expect(launcher.getAttribute('aria-expanded')).resolves.toBe('false');
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('Chat with us');

    await page.keyboard.press('Enter');
    await panel.waitFor({ state: 'visible' });
    await eventually(async () => ((await focusedLabel(frame)) === 'Your message' ? true : null), 5000);
    await page.keyboard.press('Escape');
    await panel.waitFor({ state: 'hidden' });
    await expect(launcher.getAttribute('aria-expanded')).resolves.toBe('false');
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('Chat with us');
  });

  it('names the launcher by its text, the same words a sighted customer reads', async () => {
    const { launcher } = await openHostPage(desk);
    await expect(launcher.textContent()).resolves.toBe('Chat with us');
    await expect(launcher.getAttribute('aria-label')).resolves.toBeNull();
  });

  it('fits a 390 px phone: the panel stays on screen and the page does not scroll sideways', async () => {
    const { page, launcher } = await openHostPage(phone);
    await launcher.click();
    const frame = await chatFrame(page);
    const box = await page.locator('iframe#baton-chat').boundingBox();
    expect(box).not.toBeNull();
    expect(box?.x ?? -1).toBeGreaterThanOrEqual(0);
    expect((box?.x ?? 0) + (box?.width ?? 9999)).toBeLessThanOrEqual(phone.width);
    expect(box?.y ?? -1).toBeGreaterThanOrEqual(0);
    await expect(overflowsSideways(page)).resolves.toBe(false);
    // Inside, the chat is the panel: no page margins or centring, nothing wider than the frame.
    const inside = await frame.evaluate(() => {
      const main = document.querySelector('main.chat');
      const rect = main?.getBoundingClientRect();
      return {
        embedded: main?.classList.contains('embedded') ?? false,
        left: rect?.left,
        width: rect?.width,
        frameWidth: window.innerWidth,
        sideways: document.documentElement.scrollWidth > window.innerWidth,
      };
    });
    expect(inside).toEqual({
      embedded: true,
      left: 0,
      width: inside.frameWidth,
      frameWidth: inside.frameWidth,
      sideways: false,
    });
  });

  it('has no serious or critical axe-core violations on the host page, closed and open, nor in the panel', async () => {
    const { page, launcher } = await openHostPage(phone);
    await expect(seriousAxeViolations(page)).resolves.toEqual([]);
    await launcher.click();
    await chatFrame(page);
    await expect(seriousAxeViolations(page)).resolves.toEqual([]);
    const chat = await (await browser.newContext({ viewport: { width: 380, height: 560 } })).newPage();
    await chat.goto(`${baton.url}/chat?embedded=1`);
    await chat.getByLabel('Your message').waitFor();
    await expect(seriousAxeViolations(chat)).resolves.toEqual([]);
  });
});

describe('how the server sends the web app', () => {
  it('compresses scripts and caches hashed assets for a year, while pages and the loader revalidate', async () => {
    const page = await fetch(`${baton.url}/chat`, { headers: { 'accept-encoding': 'gzip' } });
    const html = await page.text();
    expect(page.headers.get('cache-control')).toBe('no-cache');
    const script = /src="(\/assets\/[^"]+\.js)"/.exec(html)?.[1];
    expect(script).toBeDefined();
    const asset = await fetch(`${baton.url}${script}`, { headers: { 'accept-encoding': 'gzip' } });
    expect(asset.headers.get('content-encoding')).toBe('gzip');
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const loader = await fetch(`${baton.url}/widget.js`);
    expect(loader.headers.get('cache-control')).toBe('no-cache');
    const api = await fetch(`${baton.url}/openapi.json`, { headers: { 'accept-encoding': 'gzip' } });
    expect(api.headers.get('content-encoding')).toBe('gzip');
  });
});
