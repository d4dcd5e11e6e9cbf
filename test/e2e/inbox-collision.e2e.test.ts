/**
 * Collision detection in real Chromium with two signed-in people (one at a desk, one on a phone):
 * each sees the other viewing the conversation, then "… is typing a reply" while one writes, and the
 * notice goes when that person leaves. The customer's chat never shows any of it.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/browser.ts';
import {
  addStaff,
  desk,
  phone,
  seriousAxeViolations,
  signInOnPage,
  signInWithPassword,
} from '../support/desk.ts';
import { eventually } from '../support/http.ts';
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

const chatConversationId = async (page: Page): Promise<string> => {
  const stored: unknown = JSON.parse(
    (await page.evaluate(() => localStorage.getItem('baton.chat'))) ?? 'null',
  );
  if (typeof stored !== 'object' || stored === null || !('conversationId' in stored))
    throw new Error('no chat yet');
  return String(stored.conversationId);
};

const notice = (page: Page) => page.getByTestId('collision-notice');

describe('collision detection', () => {
  it('shows who else is viewing or writing a reply, to colleagues only, until they leave', async () => {
    const chat = await (await browser.newContext({ viewport: phone })).newPage();
    await chat.goto(`${baton.url}/chat`);
    await chat.getByLabel('Your message').fill('I want to talk to a person about my parcel');
    await chat.keyboard.press('Enter');
    await chat.locator('[data-testid="message"]').nth(1).waitFor({ timeout: 30_000 });
    const id = await eventually(async () => chatConversationId(chat).catch(() => null));

    const ravi = await addStaff(baton, { email: 'ravi@acme.test', role: 'admin', teamKeys: [] });
    const sam = await (await browser.newContext({ viewport: desk })).newPage();
    await sam.goto(`${baton.url}/agent?c=${id}`);
    await signInOnPage(sam, baton, 'sam@acme.test');
    await sam.getByTestId('conversation-pane').waitFor();

    const other = await (await browser.newContext({ viewport: phone })).newPage();
    await other.goto(`${baton.url}/agent?c=${id}`);
    await signInWithPassword(other, ravi);
    await other.getByTestId('conversation-pane').waitFor();

    await notice(sam).getByText('ravi is viewing').waitFor({ timeout: 20_000 });
    await notice(other).getByText('Sam Rivera is viewing').waitFor({ timeout: 20_000 });
    expect(await seriousAxeViolations(sam)).toEqual([]);
    expect(await seriousAxeViolations(other)).toEqual([]);

    const box = other.getByLabel('Reply to the customer');
    await box.focus();
    await other.keyboard.type('Looking into your parcel now', { delay: 20 });
    await notice(sam).getByText('ravi is typing a reply').waitFor({ timeout: 20_000 });

    // Leaving by keyboard (Escape goes back to the list on a phone): the notice goes.
    await other.getByRole('heading', { level: 2 }).first().click();
    await other.keyboard.press('Escape');
    await other.locator('#list-title').waitFor();
    await notice(sam)
      .getByText(/^ravi is /)
      .waitFor({ state: 'detached', timeout: 20_000 });

    const chatText = await chat.locator('body').textContent();
    expect(chatText).not.toMatch(/is viewing|typing a reply/);
    await other.context().close();
    await sam.context().close();
    await chat.context().close();
  });
});
