/**
 * The inbox search in real Chromium at desk and phone sizes: `/` puts the cursor in the search box
 * (listed in the `?` sheet), words find a customer's conversation, filters narrow it, Escape leaves
 * the box so letter shortcuts work again, nothing overflows a phone, and axe finds nothing serious.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/browser.ts';
import {
  desk,
  handedOver,
  overflowsSideways,
  phone,
  seriousAxeViolations,
  signInOnPage,
} from '../support/desk.ts';
import { request } from '../support/http.ts';
import { startTestBaton, type TestBaton } from '../support/test-baton.ts';

let baton: TestBaton;
let browser: Browser;

beforeAll(async () => {
  [baton, browser] = await Promise.all([startTestBaton({ withWeb: true }), launchChromium()]);
  // Two customers who reached a person, each with words only their conversation has.
  for (const [name, email, text] of [
    [
      'Sofia Lindqvist',
      'sofia@lindqvist.example',
      'My blender arrived cracked. Can I speak to a human please',
    ],
    ['Omar Haddad', 'omar.haddad@example.net', 'The kettle lid is missing. Can I speak to a human please'],
  ] as const) {
    const started = await request(baton.url, 'POST', '/api/widget/conversations', { body: { name, email } });
    const chat = { id: (started.body.conversation as { id: string }).id, token: String(started.body.token) };
    await request(baton.url, 'POST', `/api/widget/conversations/${chat.id}/messages`, {
      token: chat.token,
      body: { text },
    });
    await handedOver(baton, chat);
  }
  // Starting Baton and Chromium and two AI turns can outlast the default on a busy machine.
}, 240_000);
afterAll(async () => {
  await browser?.close();
  await baton?.close();
});

const openInbox = async (viewport: { width: number; height: number }): Promise<Page> => {
  const page = await (await browser.newContext({ viewport })).newPage();
  await page.goto(`${baton.url}/agent`);
  await signInOnPage(page, baton, 'sam@acme.test');
  await page.locator('[data-testid="conversation-row"]').first().waitFor();
  return page;
};

const rows = (page: Page) => page.locator('[data-testid="conversation-row"]');
const searchBoxFocused = (page: Page) =>
  page.evaluate(() => document.activeElement?.id === 'inbox-search-text');

/** Waits until the list shows exactly these customers. */
const listShows = async (page: Page, names: readonly string[]) => {
  await expect
    .poll(async () => (await rows(page).locator('strong').allTextContents()).sort(), { timeout: 15_000 })
    .toEqual([...names].sort());
};

describe('the inbox search', () => {
  for (const [size, viewport] of [
    ['desk', desk],
    ['phone', phone],
  ] as const) {
    it(`finds a conversation by its words and narrows it by filters with the keyboard (${size})`, async () => {
      const page = await openInbox(viewport);
      await page.keyboard.press('/');
      await expect.poll(() => searchBoxFocused(page)).toBe(true);
      await page.keyboard.type('blender crack');
      await listShows(page, ['Sofia Lindqvist']);
      await expect(page.locator('#list-title').textContent()).resolves.toContain('Search results');

      // The customer's e-mail finds the other one; the search never leaves the workspace's words.
      await page.locator('#inbox-search-text').fill('haddad@example');
      await listShows(page, ['Omar Haddad']);

      // Filters: a status the conversation is not in empties the list, with a sentence saying so.
      await page.getByRole('button', { name: 'Filters' }).click();
      await page.getByLabel('Status', { exact: true }).selectOption('resolved');
      await listShows(page, []);
      await expect(page.getByText('No conversation matches this search.').isVisible()).resolves.toBe(true);
      await expect(overflowsSideways(page)).resolves.toBe(false);
      expect(await seriousAxeViolations(page)).toEqual([]);
      await page.getByLabel('Status', { exact: true }).selectOption('');
      await listShows(page, ['Omar Haddad']);
      // A start date after today leaves it out; removing the date brings it back.
      await page.getByLabel('Started on or after').fill('2999-01-01');
      await listShows(page, []);
      await page.getByLabel('Started on or after').fill('');
      await listShows(page, ['Omar Haddad']);

      // Escape leaves the box so the letters act again: j opens the one conversation found.
      await page.locator('#inbox-search-text').focus();
      await page.keyboard.press('Escape');
      await expect.poll(() => searchBoxFocused(page)).toBe(false);
      await page.keyboard.press('j');
      await page.getByTestId('handoff-packet').waitFor();
      await expect(page.getByTestId('conversation-pane').textContent()).resolves.toContain('kettle');
      expect(await seriousAxeViolations(page)).toEqual([]);

      // Clear gives back the view the agent was in.
      if (size === 'phone') await page.getByRole('button', { name: '← Conversations' }).click();
      await page.getByRole('button', { name: 'Clear' }).click();
      await expect.poll(() => page.locator('#list-title').textContent()).not.toContain('Search results');
      await page.close();
    });
  }

  it('lists the search key in the ? sheet', async () => {
    const page = await openInbox(desk);
    await page.keyboard.press('?');
    const sheet = page.getByTestId('shortcut-help');
    await sheet.waitFor();
    await expect(sheet.textContent()).resolves.toContain('Search conversations');
    await page.close();
  });
});
