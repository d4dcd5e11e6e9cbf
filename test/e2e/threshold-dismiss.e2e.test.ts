/**
 * Threshold suggestion settings in real Chromium: Olu (ops) sets the workspace's target precision
 * on the calibration page (the shipping suggestion moves to 0.65), then dismisses it with a why; it
 * leaves the list and is shown as dismissed by him. The page passes axe.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/browser.ts';
import { demoAgent, seriousAxeViolations } from '../support/desk.ts';
import { seedJudgedShippingAnswers } from '../support/judged-answers.ts';
import { startTestBaton, type TestBaton } from '../support/test-baton.ts';

let baton: TestBaton;
let browser: Browser;

beforeAll(async () => {
  [baton, browser] = await Promise.all([startTestBaton({ withWeb: true }), launchChromium()]);
  await seedJudgedShippingAnswers(baton);
});
afterAll(async () => {
  await browser?.close();
  await baton?.close();
});

describe('threshold suggestion target and dismissal', () => {
  it('an ops person sets the target precision and dismisses a suggestion with a why', async () => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, bypassCSP: true });
    const page = await context.newPage();
    await page.goto(`${baton.url}/calibration`);
    await page.getByLabel('Email').fill('olu@acme.test');
    await page.getByLabel('Password').fill(demoAgent(baton, 'olu@acme.test').password);
    await page.getByRole('button', { name: 'Sign in' }).click();

    const shipping = page.getByTestId('threshold-suggestion').filter({ hasText: 'shipping' });
    await shipping.waitFor({ timeout: 15_000 });
    await page.getByLabel('Target precision (%)').fill('99');
    await page.getByRole('button', { name: 'Save target' }).click();
    await expect
      .poll(async () => shipping.textContent(), { timeout: 15_000 })
      .toMatch(/threshold 0\.4 → 0\.65/);
    expect(await seriousAxeViolations(page)).toEqual([]);

    await shipping
      .getByLabel('Why (kept with the draft, or with the dismissal)')
      .fill('Peak season, carriers are late');
    await shipping.getByRole('button', { name: 'Dismiss' }).click();
    await expect.poll(async () => shipping.count(), { timeout: 15_000 }).toBe(0);
    await expect(page.getByTestId('dismissed-suggestions').textContent()).resolves.toMatch(
      /shipping: dismissed by Olu Bakare.*Peak season, carriers are late/,
    );
    await page.reload();
    await page.getByTestId('dismissed-suggestions').waitFor({ timeout: 15_000 });
    await expect(page.getByLabel('Target precision (%)').inputValue()).resolves.toBe('99');
  });
});
