/**
 * Snooze and waiting on the customer in real Chromium at desk and phone sizes: by keyboard the agent
 * snoozes a conversation for an hour, it leaves the queue (the "On hold" filter finds it), and it
 * comes back when the sweep passes its time; marked waiting on the customer, it comes back when the
 * customer writes. axe finds nothing serious.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { wakeSnoozedConversations } from '../../src/app/conversation-holds.ts';
import { launchChromium } from '../support/browser.ts';
import {
  type CustomerChat,
  customerWrites,
  desk,
  handedOver,
  overflowsSideways,
  phone,
  seriousAxeViolations,
  signInOnPage,
} from '../support/desk.ts';
import { setAgentsAway, startTestBaton, type TestBaton } from '../support/test-baton.ts';

let baton: TestBaton;
let browser: Browser;
const chats: CustomerChat[] = [];

beforeAll(async () => {
  [baton, browser] = await Promise.all([startTestBaton({ withWeb: true }), launchChromium()]);
  await setAgentsAway(baton, ['maya@acme.test', 'leo@acme.test']);
  for (const text of [
    'I want to speak to a human about my refund please',
    'Please put me through to a person about my order',
  ]) {
    const chat = await customerWrites(baton, text);
    await handedOver(baton, chat);
    chats.push(chat);
  }
}, 240_000);
afterAll(async () => {
  await browser?.close();
  await baton?.close();
});

const openConversation = async (viewport: { width: number; height: number }, id: string): Promise<Page> => {
  const page = await (await browser.newContext({ viewport })).newPage();
  await page.goto(`${baton.url}/agent?c=${id}`);
  await signInOnPage(page, baton, 'sam@acme.test');
  await page.getByTestId('conversation-pane').waitFor();
  return page;
};
const rowsOf = (page: Page, id: string) => page.locator(`[data-testid="conversation-row"][data-id="${id}"]`);

describe('holds in the inbox', () => {
  for (const [index, [size, viewport]] of (
    [
      ['desk', desk],
      ['phone', phone],
    ] as const
  ).entries()) {
    it(`snoozes by keyboard, finds it with the filter, and brings it back when its time passes (${size})`, async () => {
      const chat = chats[index];
      if (!chat) throw new Error('no conversation');
      const page = await openConversation(viewport, chat.id);
      await rowsOf(page, chat.id).waitFor({ state: 'attached' });
      await page.getByRole('button', { name: 'Snooze', exact: true }).focus();
      await page.keyboard.press('Enter');
      await page.getByRole('button', { name: '1 hour' }).waitFor();
      expect(await seriousAxeViolations(page)).toEqual([]);
      await page.getByRole('button', { name: '1 hour' }).focus();
      await page.keyboard.press('Enter');
      await expect
        .poll(() => page.getByTestId('conversation-hold').textContent(), { timeout: 15_000 })
        .toContain('Snoozed until');
      await expect.poll(() => rowsOf(page, chat.id).count(), { timeout: 15_000 }).toBe(0);
      await expect(overflowsSideways(page)).resolves.toBe(false);

      // The filter shows it with its hold.
      if (size === 'phone') await page.getByRole('button', { name: '← Conversations' }).click();
      await page.getByRole('button', { name: 'Filters' }).click();
      await page.getByLabel('On hold').selectOption('snoozed');
      await expect.poll(() => rowsOf(page, chat.id).count(), { timeout: 15_000 }).toBe(1);
      await expect(rowsOf(page, chat.id).textContent()).resolves.toContain('Snoozed until');
      expect(await seriousAxeViolations(page)).toEqual([]);
      await page.getByRole('button', { name: 'Clear' }).click();
      await expect.poll(() => rowsOf(page, chat.id).count()).toBe(0);

      // An hour and a minute later the sweep ends the snooze, and the queue shows it again live.
      const later = { ...baton.baton.app, now: () => new Date(Date.now() + 3_660_000) };
      await wakeSnoozedConversations(later);
      await expect.poll(() => rowsOf(page, chat.id).count(), { timeout: 15_000 }).toBe(1);
      await page.close();
    });

    it(`marks waiting on the customer until the customer writes (${size})`, async () => {
      const chat = chats[index];
      if (!chat) throw new Error('no conversation');
      const page = await openConversation(viewport, chat.id);
      await page.getByRole('button', { name: 'Waiting on customer' }).click();
      await expect
        .poll(() => page.getByTestId('conversation-hold').textContent(), { timeout: 15_000 })
        .toContain('Waiting on the customer');
      expect(await seriousAxeViolations(page)).toEqual([]);
      await customerWrites(baton, 'Here is the receipt you asked for', { chat });
      await expect.poll(() => page.getByTestId('conversation-hold').count(), { timeout: 15_000 }).toBe(0);
      await expect(page.getByRole('button', { name: 'Waiting on customer' }).isVisible()).resolves.toBe(true);
      await page.close();
    });
  }
});
