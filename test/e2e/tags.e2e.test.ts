/**
 * Tags in real Chromium at desk and phone sizes: an agent tags a conversation by keyboard (t, type,
 * Enter), the header and the list row show it, a reload keeps it, the filters' Tag choice narrows
 * the list to it, and the agent takes it off (Backspace in the empty box at the desk, × on the
 * phone). axe finds nothing serious with the box open or the filter set.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
  await signInOnPage(page, baton, 'maya@acme.test');
  await page.getByTestId('conversation-pane').waitFor();
  return page;
};
const rowsOf = (page: Page, id: string) => page.locator(`[data-testid="conversation-row"][data-id="${id}"]`);
const headerTags = (page: Page) => page.getByTestId('tag-chip').allTextContents();

describe('tags in the inbox', () => {
  for (const [index, [size, viewport]] of (
    [
      ['desk', desk],
      ['phone', phone],
    ] as const
  ).entries()) {
    it(`tags by keyboard, keeps it over a reload, filters by it and takes it off (${size})`, async () => {
      const chat = chats[index];
      if (!chat) throw new Error('no conversation');
      const page = await openConversation(viewport, chat.id);
      await page.getByRole('button', { name: '+ Add tag' }).waitFor();

      // t opens the box (it is in the ? sheet), Enter adds; the name is normalised.
      await page.keyboard.press('t');
      const box = page.getByRole('combobox', { name: /Add a tag/ });
      await expect.poll(() => box.evaluate((el) => el === document.activeElement)).toBe(true);
      await page.keyboard.type('  VIP');
      await page.keyboard.press('Enter');
      await expect.poll(() => headerTags(page), { timeout: 15_000 }).toEqual(['vip×']);
      await expect.poll(() => rowsOf(page, chat.id).textContent(), { timeout: 15_000 }).toContain('#vip');
      expect(await seriousAxeViolations(page)).toEqual([]);
      await page.keyboard.press('Escape');
      await expect
        .poll(() =>
          page.getByRole('button', { name: '+ Add tag' }).evaluate((el) => el === document.activeElement),
        )
        .toBe(true);
      await expect(overflowsSideways(page)).resolves.toBe(false);

      await page.reload();
      await page.getByTestId('conversation-pane').waitFor();
      await expect.poll(() => headerTags(page), { timeout: 15_000 }).toEqual(['vip×']);

      // The filters' Tag choice narrows the list to the tagged conversation.
      if (size === 'phone') await page.getByRole('button', { name: '← Conversations' }).click();
      await page.getByRole('button', { name: 'Filters' }).click();
      const filter = page.locator('#filter-tag');
      await expect.poll(() => filter.locator('option').allTextContents()).toContain('vip (1)');
      await filter.selectOption('vip');
      await expect
        .poll(
          () => page.getByTestId('conversation-row').evaluateAll((rows) => rows.map((r) => r.dataset.id)),
          {
            timeout: 15_000,
          },
        )
        .toEqual([chat.id]);
      expect(await seriousAxeViolations(page)).toEqual([]);
      await expect(overflowsSideways(page)).resolves.toBe(false);

      // Off again: Backspace in the empty box at the desk, the chip's × on the phone.
      if (size === 'phone') await rowsOf(page, chat.id).click();
      await page.getByTestId('conversation-pane').waitFor();
      if (size === 'desk') {
        await page.getByRole('button', { name: '+ Add tag' }).focus();
        await page.keyboard.press('Enter');
        await expect.poll(() => box.evaluate((el) => el === document.activeElement)).toBe(true);
        await page.keyboard.press('Backspace');
      } else {
        await page.getByRole('button', { name: 'Remove tag vip' }).click();
      }
      await expect.poll(() => headerTags(page), { timeout: 15_000 }).toEqual([]);
      await page.reload();
      await page.getByTestId('conversation-pane').waitFor();
      await page.getByRole('button', { name: '+ Add tag' }).waitFor();
      expect(await headerTags(page)).toEqual([]);
      await page.close();
    });
  }

  it('lists the tag shortcut in the ? sheet', async () => {
    const chat = chats[0];
    if (!chat) throw new Error('no conversation');
    const page = await openConversation(desk, chat.id);
    await page.getByRole('button', { name: '+ Add tag' }).waitFor();
    await page.keyboard.press('?');
    await page.getByTestId('shortcut-help').waitFor();
    await expect(page.getByTestId('shortcut-help').textContent()).resolves.toContain(
      'Add a tag to the conversation',
    );
    await page.close();
  });
});
