/**
 * A queue longer than one page in real Chromium: the list says how many conversations the view
 * holds, not how many it shows; "Show more" brings the next ones, which stay through a live refresh.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/browser.ts';
import {
  addStaff,
  customerWrites,
  desk,
  handedOver,
  openInboxAs,
  queueWaiting,
  seriousAxeViolations,
} from '../support/desk.ts';
import { startTestBaton, type TestBaton } from '../support/test-baton.ts';

let baton: TestBaton;
let browser: Browser;
const WAITING = 260;

beforeAll(async () => {
  [baton, browser] = await Promise.all([startTestBaton({ withWeb: true }), launchChromium()]);
  await queueWaiting(baton, WAITING);
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await baton?.close();
});

describe('a long queue in the inbox', () => {
  it('shows the first 200 with the whole count, and the rest on "Show more"', async () => {
    const lead = await addStaff(baton, { email: 'noor@acme.test', role: 'admin', teamKeys: [] });
    const page = await (await browser.newContext({ viewport: desk })).newPage();
    await openInboxAs(page, baton, lead);
    const rows = page.getByTestId('conversation-row');
    await expect.poll(() => rows.count(), { timeout: 20_000 }).toBe(200);

    const title = page.locator('#list-title');
    const total = async () =>
      Number(/\(([\d,]+)\)/.exec((await title.textContent()) ?? '')?.[1]?.replace(/,/g, ''));
    const before = await total();
    expect(before).toBeGreaterThanOrEqual(WAITING);
    const more = page.getByRole('button', { name: 'Show more' });
    await expect(page.getByText(`200 of ${before.toLocaleString('en')} shown`).isVisible()).resolves.toBe(
      true,
    );
    expect(await seriousAxeViolations(page)).toEqual([]);

    await more.click();
    await expect.poll(() => rows.count()).toBe(Math.min(before, 400));
    if (before > 400) await more.click();
    await expect.poll(() => rows.count()).toBe(before);
    await expect(more.count()).resolves.toBe(0);

    // One more customer is handed over: the live refresh keeps every row shown and counts the newcomer.
    await handedOver(baton, await customerWrites(baton, 'My parcel is late. Can I speak to a human please'));
    await expect.poll(total, { timeout: 20_000 }).toBe(before + 1);
    await expect.poll(() => rows.count()).toBe(before + 1);
  });
});
