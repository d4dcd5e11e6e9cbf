/**
 * The coaching settings on /settings in real Chromium: Olu (ops) sets the reviewers' weekly capacity
 * and the report cadence with a note; the store holds them with who and why; Quinn (qa) sees the
 * same values and cannot change them.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/browser.ts';
import { desk, seriousAxeViolations, signInOnPage } from '../support/desk.ts';
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

const settingsPageAs = async (email: string) => {
  const page = await (await browser.newContext({ viewport: desk })).newPage();
  await page.goto(`${baton.url}/settings`);
  await signInOnPage(page, baton, email);
  const form = page.getByRole('form', { name: 'Coaching settings' });
  await form.waitFor({ timeout: 15_000 });
  return { page, form };
};

describe('coaching settings on the settings page', () => {
  it('lets ops set the review capacity and report cadence, and shows qa the same, read-only', async () => {
    const { page, form } = await settingsPageAs('olu@acme.test');
    await form.getByLabel('Reviews per week').fill('9');
    await form.getByLabel('Report cadence').selectOption('fortnightly');
    await form.getByLabel('Why (optional)').fill('one reviewer on leave');
    await form.getByRole('button', { name: 'Save coaching settings' }).click();
    await page.getByRole('status').filter({ hasText: 'Coaching settings saved.' }).waitFor();

    const workspace = await baton.store.workspaces.getBySlug('acme');
    const olu = await baton.store.agents.getByEmail(workspace?.id ?? '', 'olu@acme.test');
    const [sampling, cadence] = await Promise.all([
      baton.store.settings.current(workspace?.id ?? '', 'review_sampling'),
      baton.store.settings.current(workspace?.id ?? '', 'report_cadence'),
    ]);
    expect(sampling).toMatchObject({
      value: { reviewsPerWeek: 9 },
      author: olu?.id,
      note: 'one reviewer on leave',
    });
    expect(cadence).toMatchObject({ value: { cadence: 'fortnightly' }, author: olu?.id });

    const qa = await settingsPageAs('quinn@acme.test');
    const capacity = qa.form.getByLabel('Reviews per week');
    await expect.poll(() => capacity.inputValue()).toBe('9');
    await expect(capacity.isDisabled()).resolves.toBe(true);
    await expect(qa.form.getByLabel('Report cadence').inputValue()).resolves.toBe('fortnightly');
    await expect(qa.form.getByRole('button', { name: 'Save coaching settings' }).count()).resolves.toBe(0);
    await expect(seriousAxeViolations(qa.page)).resolves.toEqual([]);
  });
});
