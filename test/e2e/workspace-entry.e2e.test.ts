/**
 * Choosing a workspace in the browser (issue 10), on one install serving the Acme demo and a second
 * company: the sign-in page honours `?workspace=slug`, says where it signs in and shows the
 * server's message for a wrong slug; the second company's admin reaches their own, empty inbox.
 * The page passes axe (injected, so CSP is bypassed). A company page (another origin) embedding the
 * loader with `data-workspace` shows that workspace's launcher, and its chat's conversation lands there.
 */
import { createServer, type Server } from 'node:http';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setUpWorkspace } from '../../src/app/company/set-up-workspace.ts';
import { signCustomerIdentity } from '../../src/server/auth/customer-identity.ts';
import { launchChromium } from '../support/browser.ts';
import {
  agentToken,
  customerWrites,
  desk,
  handedOver,
  seriousAxeViolations,
  signInWithPassword,
} from '../support/desk.ts';
import { eventually, request } from '../support/http.ts';
import { startTestBaton, TEST_SECRET, type TestBaton } from '../support/test-baton.ts';

const NORTHWIND_ADMIN = {
  name: 'Nadia Okoro',
  email: 'nadia@northwind.example',
  password: 'steeped-leaves-42',
};

let baton: TestBaton;
let browser: Browser;
let host: Server;
let hostUrl: string;

beforeAll(async () => {
  [baton, browser] = await Promise.all([startTestBaton({ withWeb: true }), launchChromium()]);
  await setUpWorkspace(baton.store, { slug: 'northwind', name: 'Northwind Tea', admin: NORTHWIND_ADMIN });
  host = createServer((incoming, response) => {
    // `/expired`: a signed-in Acme customer whose identity signature expired a minute ago.
    const expires = Math.floor(Date.now() / 1000) - 60;
    const attributes =
      incoming.url === '/expired'
        ? `data-customer-id="cus_ana" data-expires="${expires}" data-signature="${signCustomerIdentity(TEST_SECRET, 'cus_ana', expires)}"`
        : 'data-workspace="northwind"';
    response.setHeader('content-type', 'text/html; charset=utf-8');
    response.end(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Northwind Tea</title></head>
<body><main><h1>Northwind Tea</h1></main>
<script src="${baton.url}/widget.js" ${attributes} async></script></body></html>`);
  });
  await new Promise<void>((resolve) => host.listen(0, '127.0.0.1', resolve));
  const address = host.address();
  if (typeof address !== 'object' || address === null) throw new Error('the host page server has no port');
  hostUrl = `http://127.0.0.1:${address.port}/`;
}, 120_000);
afterAll(async () => {
  await new Promise((resolve) => host?.close(resolve));
  await browser?.close();
  await baton?.close();
});

describe('signing in to a named workspace', () => {
  it('signs the second company’s admin in to their own empty inbox from ?workspace=', async () => {
    // A customer waits in the default (Acme) workspace: the Northwind inbox must not show them.
    await handedOver(baton, await customerWrites(baton, 'I want to talk to a person about my order please'));
    const page = await (await browser.newContext({ viewport: desk, bypassCSP: true })).newPage();
    await page.goto(`${baton.url}/agent?workspace=northwind`);
    await expect.poll(() => page.getByLabel('Workspace').inputValue()).toBe('northwind');
    await page.getByText('Signing in to the workspace “northwind”.').waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await signInWithPassword(page, NORTHWIND_ADMIN);
    await page.getByText('Nobody is waiting here.').first().waitFor({ timeout: 20_000 });
    expect(await page.getByText('my order please').count()).toBe(0);
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  it('shows the server’s message for a slug that names no workspace, and the default when empty', async () => {
    const page = await (await browser.newContext({ viewport: desk })).newPage();
    await page.goto(`${baton.url}/agent?workspace=nowhere`);
    await signInWithPassword(page, NORTHWIND_ADMIN);
    await page.getByRole('alert').filter({ hasText: 'Check the workspace slug' }).waitFor();

    // Emptied, the field means the install's default workspace, where Nadia has no account.
    await page.getByLabel('Workspace').fill('');
    await page.getByText("Signing in to this install's default workspace.").waitFor();
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).not.toContain('Check the workspace slug');
  });
});

describe('the widget for a named workspace', () => {
  it('reads that workspace’s look and starts the conversation there', async () => {
    const nadia = String(
      (
        await request(baton.url, 'POST', '/api/auth/sign-in', {
          body: { email: NORTHWIND_ADMIN.email, password: NORTHWIND_ADMIN.password, workspace: 'northwind' },
        })
      ).body.token,
    );
    const current = (await request(baton.url, 'GET', '/api/settings', { token: nadia })).body;
    const saved = await request(baton.url, 'PUT', '/api/settings', {
      token: nadia,
      body: {
        widget: {
          ...Object(current.widget),
          launcherText: 'Ask Northwind',
          greeting: 'Welcome to Northwind Tea.',
        },
        counting: current.counting,
      },
    });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);

    const page = await (await browser.newContext({ viewport: desk })).newPage();
    await page.goto(hostUrl);
    await page.getByRole('button', { name: 'Ask Northwind' }).click();
    const frame = await eventually(
      async () => page.frames().find((f) => f.url().startsWith(`${baton.url}/chat`)) ?? null,
    );
    expect(new URL(frame.url()).searchParams.get('workspace')).toBe('northwind');
    await frame.getByText('Welcome to Northwind Tea.').waitFor();
    await frame.getByLabel('Your message').fill('Do you ship loose-leaf green tea abroad?');
    await frame.getByLabel('Your message').press('Enter');
    const conversationId = await eventually(async () => {
      const kept = await frame.evaluate(() => localStorage.getItem('baton.chat.northwind'));
      return kept ? String(JSON.parse(kept).conversationId) : null;
    });

    const asNadia = await request(baton.url, 'GET', `/api/inbox/conversations/${conversationId}`, {
      token: nadia,
    });
    expect(asNadia.status).toBe(200);
    const sam = await agentToken(baton, 'sam@acme.test');
    const asSam = await request(baton.url, 'GET', `/api/inbox/conversations/${conversationId}`, {
      token: sam,
    });
    expect(asSam.status).toBe(404);
  });

  it('passes an expiring identity on to the chat, which shows the server’s refusal once it expired', async () => {
    const page = await (await browser.newContext({ viewport: desk })).newPage();
    await page.goto(`${hostUrl}expired`);
    await page.getByRole('button', { name: 'Chat with us' }).click();
    const frame = await eventually(
      async () => page.frames().find((f) => f.url().startsWith(`${baton.url}/chat`)) ?? null,
    );
    expect(new URL(frame.url()).searchParams.get('customerId')).toBe('cus_ana');
    await frame.getByLabel('Your message').fill('Where is my parcel?');
    await frame.getByLabel('Your message').press('Enter');
    await frame.getByRole('alert').filter({ hasText: 'identity signature has expired' }).waitFor();
  });
});
