/**
 * Unread markers in real Chromium, at desk and phone sizes: a conversation with news the agent has
 * not read is marked in the list and counted in the menu and the tab title; opening it (by pointer
 * or by keyboard) marks it read for that person only; the customer writing again marks it unread.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/browser.ts';
import {
  addStaff,
  customerWrites,
  desk,
  handedOver,
  openInboxAs,
  phone,
  type StaffMember,
  seriousAxeViolations,
} from '../support/desk.ts';
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

const signIn = (page: Page, person: StaffMember) => openInboxAs(page, baton, person);

const titleCount = async (page: Page): Promise<number> => {
  const match = /^\((\d+)\) Inbox · Baton$/.exec(await page.title());
  return match ? Number(match[1]) : 0;
};

const row = (page: Page, id: string) => page.locator(`[data-testid="conversation-row"][data-id="${id}"]`);
const isUnread = async (page: Page, id: string) =>
  (await row(page, id).getAttribute('data-unread')) === 'true';

describe.each([
  ['desk', desk],
  ['phone', phone],
] as const)('unread conversations at %s size', (size, viewport) => {
  it('are marked and counted until opened, per person, and again when the customer writes', async () => {
    const person = await addStaff(baton, { email: `unread-${size}@acme.test`, role: 'admin', teamKeys: [] });
    const first = await customerWrites(baton, 'My parcel is late. Can I speak to a human please');
    const second = await customerWrites(baton, 'I was charged twice. Can I speak to a human please');
    await Promise.all([handedOver(baton, first), handedOver(baton, second)]);

    const page = await (await browser.newContext({ viewport })).newPage();
    await signIn(page, person);
    await expect.poll(() => isUnread(page, first.id), { timeout: 20_000 }).toBe(true);
    await expect.poll(() => isUnread(page, second.id)).toBe(true);
    await expect(row(page, first.id).textContent()).resolves.toContain('Unread:');
    const before = await titleCount(page);
    expect(before).toBeGreaterThanOrEqual(2);
    if (size === 'phone') await page.getByRole('button', { name: 'Menu' }).click();
    const queueCount = page.getByRole('navigation', { name: 'Views' }).getByTestId('unread-count').first();
    await expect.poll(async () => Number.parseInt((await queueCount.textContent()) ?? '0', 10)).toBe(before);
    expect(await seriousAxeViolations(page)).toEqual([]);
    if (size === 'phone') await page.getByRole('button', { name: 'Menu' }).click();

    // Opened by pointer at the desk, by keyboard (focus the row, Enter) on the phone.
    if (size === 'desk') await row(page, first.id).click();
    else {
      await row(page, first.id).focus();
      await page.keyboard.press('Enter');
    }
    await expect.poll(() => titleCount(page), { timeout: 20_000 }).toBe(before - 1);
    if (size === 'phone') await page.getByRole('button', { name: '← Conversations' }).click();
    await expect.poll(() => isUnread(page, first.id)).toBe(false);
    expect(await isUnread(page, second.id)).toBe(true);
    expect(await seriousAxeViolations(page)).toEqual([]);

    // Another person has read nothing.
    const colleague = await addStaff(baton, {
      email: `unread-colleague-${size}@acme.test`,
      role: 'admin',
      teamKeys: [],
    });
    const other = await (await browser.newContext({ viewport })).newPage();
    await signIn(other, colleague);
    await expect.poll(() => isUnread(other, first.id), { timeout: 20_000 }).toBe(true);
    await other.context().close();

    // At the desk the first stays open (and so read) until the agent opens another.
    let opened = 1;
    if (size === 'desk') {
      await row(page, second.id).click();
      opened = 2;
      await expect.poll(() => titleCount(page), { timeout: 20_000 }).toBe(before - 2);
    }
    await customerWrites(baton, 'Any news about my parcel?', { chat: first });
    await expect.poll(() => isUnread(page, first.id), { timeout: 20_000 }).toBe(true);
    await expect.poll(() => titleCount(page)).toBe(before - opened + 1);
    await page.context().close();
  });
});

describe('the "Unread only" switch', () => {
  it('keeps the conversations with news the person has not read, and brings one back when the customer writes', async () => {
    const person = await addStaff(baton, { email: 'unread-only@acme.test', role: 'admin', teamKeys: [] });
    const first = await customerWrites(baton, 'My parcel is late again. Can I speak to a human please');
    const second = await customerWrites(baton, 'My refund is missing. Can I speak to a human please');
    await Promise.all([handedOver(baton, first), handedOver(baton, second)]);

    const page = await (await browser.newContext({ viewport: desk })).newPage();
    await signIn(page, person);
    await expect.poll(() => row(page, first.id).count(), { timeout: 20_000 }).toBe(1);
    await row(page, first.id).click();
    await expect.poll(() => isUnread(page, first.id), { timeout: 20_000 }).toBe(false);
    // Leave it, so it is not the open (and so read-as-it-goes) conversation any more.
    await row(page, second.id).click();

    await page.getByLabel('Unread only').check();
    await expect.poll(() => row(page, first.id).count(), { timeout: 20_000 }).toBe(0);
    await page.getByLabel('Unread only').uncheck();
    await expect.poll(() => row(page, first.id).count(), { timeout: 20_000 }).toBe(1);
    await page.getByLabel('Unread only').check();
    await expect.poll(() => row(page, first.id).count(), { timeout: 20_000 }).toBe(0);
    expect(await seriousAxeViolations(page)).toEqual([]);

    await customerWrites(baton, 'Hello? Still waiting on that parcel', { chat: first });
    await expect.poll(() => row(page, first.id).count(), { timeout: 20_000 }).toBe(1);
    expect(await isUnread(page, first.id)).toBe(true);
    await page.context().close();
  });
});
