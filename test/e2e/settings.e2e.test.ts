/**
 * The settings page in real Chromium: the admin changes the chat's greeting and colour and the
 * assumed-resolution window, sees the change in the history, and the customer chat shows the new
 * greeting; the admin creates an API key (shown once) that then works, and revokes it. axe passes.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/browser.ts';
import { demoAgent, desk, seriousAxeViolations } from '../support/desk.ts';
import { request } from '../support/http.ts';
import { startTestBaton, type TestBaton } from '../support/test-baton.ts';

let baton: TestBaton;
let browser: Browser;

beforeAll(async () => {
  [baton, browser] = await Promise.all([startTestBaton({ withWeb: true }), launchChromium()]);
});
afterAll(async () => {
  await browser?.close();
  await baton?.close();
});

/** The admin signs in to the inbox and follows its "Settings" link, as they would find the page. */
const openSettings = async (): Promise<Page> => {
  const page = await (await browser.newContext({ viewport: desk })).newPage();
  await page.goto(`${baton.url}/agent`);
  await page.getByLabel('Email').fill('sam@acme.test');
  await page.getByLabel('Password').fill(demoAgent(baton, 'sam@acme.test').password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('link', { name: 'Settings', exact: true }).click();
  await page.getByRole('heading', { name: 'History' }).waitFor({ timeout: 15_000 });
  return page;
};

describe('settings page', () => {
  it('saves the greeting, colour and window with history, and the chat greets with it', async () => {
    const page = await openSettings();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.getByLabel('Greeting').fill('Welcome to Acme! Ask about your order or subscription.');
    await page.getByLabel('Assumed resolution after (hours)').fill('12');
    await page.getByLabel('Cost per agent hour').fill('30');
    await page.getByLabel('Why (optional)').first().fill('Shorter window for the busy season');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
    const history = page.locator('.settings-history li');
    await expect(history.count()).resolves.toBe(2);
    await page.getByText('Shorter window for the busy season').first().waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);

    const chat = await (await browser.newContext({ viewport: desk })).newPage();
    await chat.goto(`${baton.url}/chat`);
    await chat.getByText('Welcome to Acme! Ask about your order or subscription.').waitFor();
  });

  it('creates an API key shown once that works, and revokes it', async () => {
    const page = await openSettings();
    const form = page.getByRole('form', { name: 'Create a key' });
    await form.getByLabel('Key name').fill('Reporting job');
    await form.getByLabel('metrics:read').check();
    await form.getByRole('button', { name: 'Create key' }).click();
    const secret = await page.getByLabel('New API key').inputValue();
    expect(secret).toMatch(/^baton_key_/);
    await page.getByRole('row', { name: /Reporting job/ }).waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    const used = await request(baton.url, 'GET', '/api/metrics', { token: secret });
    expect({ status: used.status, error: used.body.error, secret }).toEqual({
      status: 200,
      error: undefined,
      secret,
    });
    await page.getByRole('button', { name: 'Revoke Reporting job' }).click();
    await page.getByRole('row', { name: /Reporting job.*revoked/ }).waitFor();
    expect((await request(baton.url, 'GET', '/api/metrics', { token: secret })).status).toBe(401);
  });

  it('is linked from the inbox only for admins, beside the pages each role works in', async () => {
    const page = await (await browser.newContext({ viewport: desk })).newPage();
    await page.goto(`${baton.url}/agent`);
    await page.getByLabel('Email').fill('quinn@acme.test');
    await page.getByLabel('Password').fill(demoAgent(baton, 'quinn@acme.test').password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    const menu = page.getByRole('complementary', { name: 'Inbox menu' });
    await menu.getByRole('link', { name: 'Review', exact: true }).waitFor();
    const links = await menu.getByRole('link').allTextContents();
    expect(links).toEqual(expect.arrayContaining(['Review', 'Analytics', 'Weekly report']));
    expect(links).not.toContain('Settings');
    expect(links).not.toContain('People');
  });
});
