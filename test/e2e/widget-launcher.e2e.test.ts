/**
 * The widget launcher on a company's page (another origin) takes the look saved on the settings
 * page — colour, corner and the button's words — at desk and phone sizes, and opens the chat in
 * its embedded mode on the same side.
 */
import { createServer, type Server } from 'node:http';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/browser.ts';
import { agentApi, agentToken, desk, phone, seriousAxeViolations } from '../support/desk.ts';
import { startTestBaton, type TestBaton } from '../support/test-baton.ts';

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

  const admin = await agentToken(baton, 'sam@acme.test');
  const current = await agentApi(baton, admin, 'GET', '/api/settings');
  const { widget, counting } = current.body as { widget: Record<string, unknown>; counting: unknown };
  const saved = await agentApi(baton, admin, 'PUT', '/api/settings', {
    widget: { ...widget, colour: '#7a1f5c', position: 'left', launcherText: 'Ask Acme' },
    counting,
  });
  if (saved.status !== 200) throw new Error(`saving the settings failed: ${saved.status}`);
});
afterAll(async () => {
  await new Promise((resolve) => host?.close(resolve));
  await browser?.close();
  await baton?.close();
});

describe.each([
  ['desk', desk],
  ['phone', phone],
] as const)('the launcher at %s size', (_size, viewport) => {
  it('shows the saved words and colour in the saved corner, and opens the embedded chat there', async () => {
    const page = await (await browser.newContext({ viewport })).newPage();
    await page.goto(hostUrl, { waitUntil: 'load' });
    const launcher = page.getByRole('button', { name: 'Ask Acme' });
    await launcher.waitFor({ timeout: 20_000 });
    const look = await launcher.evaluate((b) => {
      const style = getComputedStyle(b);
      return { background: style.backgroundColor, left: b.getBoundingClientRect().left };
    });
    expect(look).toEqual({ background: 'rgb(122, 31, 92)', left: 16 });
    expect(await seriousAxeViolations(page)).toEqual([]);

    await launcher.focus();
    await page.keyboard.press('Enter');
    const frame = page.locator('iframe#baton-chat');
    await frame.waitFor();
    expect(await frame.getAttribute('src')).toContain('embedded=1');
    expect(await frame.evaluate((f) => f.getBoundingClientRect().left)).toBe(16);
    await expect.poll(() => launcher.getAttribute('aria-expanded')).toBe('true');
    await page.context().close();
  });
});
