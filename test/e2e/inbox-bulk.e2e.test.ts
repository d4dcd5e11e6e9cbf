/**
 * Bulk actions in real Chromium: an admin picks rows of a queue, resolves some and tags others from
 * the bar above the list, and reads what was done; a reviewer (qa) gets no checkboxes.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/browser.ts';
import {
  addStaff,
  desk,
  openInboxAs,
  queueWaiting,
  type StaffMember,
  seriousAxeViolations,
} from '../support/desk.ts';
import { startTestBaton, type TestBaton } from '../support/test-baton.ts';

let baton: TestBaton;
let browser: Browser;
const WAITING = 6;
let teamKey: string;

beforeAll(async () => {
  [baton, browser] = await Promise.all([startTestBaton({ withWeb: true }), launchChromium()]);
  teamKey = await queueWaiting(baton, WAITING);
});
afterAll(async () => {
  await browser?.close();
  await baton?.close();
});

const signIn = async (person: StaffMember): Promise<Page> => {
  const page = await (await browser.newContext({ viewport: desk })).newPage();
  await openInboxAs(page, baton, person);
  return page;
};

describe('bulk actions in the inbox', () => {
  it('resolves and tags the picked conversations and says what was done', async () => {
    const lead = await addStaff(baton, { email: 'ines@acme.test', role: 'admin', teamKeys: [] });
    const page = await signIn(lead);
    const rows = page.getByTestId('conversation-row');
    await expect.poll(() => rows.count(), { timeout: 20_000 }).toBe(WAITING);
    const bar = page.getByRole('region', { name: 'Selected conversations' });
    await expect(bar.count()).resolves.toBe(0);

    await page.getByLabel('Select Waiting 0').check();
    await page.getByLabel('Select Waiting 1').check();
    await page.getByLabel('Select Waiting 2').check();
    await bar.getByText('3 selected').waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await bar.getByRole('button', { name: 'Resolve' }).click();
    await page.getByRole('status').filter({ hasText: 'Resolved 3.' }).waitFor({ timeout: 15_000 });
    await expect.poll(() => rows.count(), { timeout: 20_000 }).toBe(WAITING - 3);
    await expect(bar.count()).resolves.toBe(0);

    // Picked by mistake, put back.
    await page.getByLabel('Select Waiting 3').check();
    await bar.getByRole('button', { name: 'Clear selection' }).click();
    await expect(bar.count()).resolves.toBe(0);

    await page.getByLabel('Select every conversation shown').check();
    await bar.getByText(`${WAITING - 3} selected`).waitFor();
    await bar.getByLabel('Tag the selected with').fill('Outage');
    await bar.getByRole('button', { name: 'Tag' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: `Tagged ${WAITING - 3}.` })
      .waitFor({ timeout: 15_000 });
    await expect
      .poll(async () => (await rows.allTextContents()).filter((text) => text.includes('outage')).length, {
        timeout: 20_000,
      })
      .toBe(WAITING - 3);
    // Every one done: nothing stays picked.
    await expect(bar.count()).resolves.toBe(0);
    await page.context().close();
  });

  it('picks the open conversation with x, and letter keys still work from a checkbox', async () => {
    const lead = await addStaff(baton, { email: 'yara@acme.test', role: 'admin', teamKeys: [] });
    const page = await signIn(lead);
    const rows = page.getByTestId('conversation-row');
    await expect.poll(() => rows.count(), { timeout: 20_000 }).toBeGreaterThan(1);
    const bar = page.getByRole('region', { name: 'Selected conversations' });
    await rows.first().click();
    // The conversation puts the cursor in the reply box once it has loaded; leave the box after
    // that (an Escape pressed before it would be undone by the load), so letters are shortcuts again.
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? null))
      .toBe('Reply to the customer');
    await page.keyboard.press('Escape');
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.tagName ?? null))
      .not.toBe('TEXTAREA');
    await page.keyboard.press('x');
    await bar.getByText('1 selected').waitFor();
    await page.keyboard.press('x');
    await expect.poll(() => bar.count()).toBe(0);

    // From a focused checkbox, j opens the next conversation (the second row).
    const secondId = await rows.nth(1).getAttribute('data-id');
    await page.locator('.row-pick').nth(1).focus();
    await page.keyboard.press('j');
    await expect.poll(() => page.url()).toContain(secondId ?? 'none');
    await page.context().close();
  });

  it('keeps picks with the list they were made in: another view and back, nothing is picked', async () => {
    const lead = await addStaff(baton, { email: 'zeno@acme.test', role: 'admin', teamKeys: [] });
    const page = await signIn(lead);
    const rows = page.getByTestId('conversation-row');
    await expect.poll(() => rows.count(), { timeout: 20_000 }).toBeGreaterThan(1);
    const bar = page.getByRole('region', { name: 'Selected conversations' });
    const rowPicks = page.locator('li.pickable .row-pick');
    await rowPicks.nth(0).check();
    await rowPicks.nth(1).check();
    await bar.getByText('2 selected').waitFor();
    const views = page.getByRole('navigation', { name: 'Views' });
    await views.getByRole('button', { name: /^With the AI/ }).click();
    await expect.poll(() => bar.count()).toBe(0);
    await views.getByRole('button', { name: /^Team queue/ }).click();
    await expect.poll(() => rows.count(), { timeout: 20_000 }).toBeGreaterThan(1);
    await expect(bar.count()).resolves.toBe(0);
    await expect(page.locator('.row-pick:checked').count()).resolves.toBe(0);
    await expect(rowPicks.count()).resolves.toBeGreaterThan(1);
    await page.context().close();
  });

  it('gives a reviewer no checkboxes', async () => {
    const reviewer = await addStaff(baton, {
      email: 'qa-bulk-page@acme.test',
      role: 'qa',
      teamKeys: [teamKey],
    });
    const page = await signIn(reviewer);
    await expect
      .poll(() => page.getByTestId('conversation-row').count(), { timeout: 20_000 })
      .toBeGreaterThan(0);
    await expect(page.locator('.row-pick').count()).resolves.toBe(0);
    await page.context().close();
  });
});
