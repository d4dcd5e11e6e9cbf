/**
 * Threshold suggestions in real Chromium: with forty judged 'shipping' answers (the least confident
 * ones wrong), Olu (ops) sees the suggestion on the calibration page, runs its backtest, can apply
 * only then, applies it with a why, and the ops console's policy history lists the new version.
 * The page passes axe.
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

describe('threshold suggestions', () => {
  it('an ops person backtests a suggestion, applies it, and finds it in the policy versions', async () => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, bypassCSP: true });
    const page = await context.newPage();
    await page.goto(`${baton.url}/calibration`);
    await page.getByLabel('Email').fill('olu@acme.test');
    await page.getByLabel('Password').fill(demoAgent(baton, 'olu@acme.test').password);
    await page.getByRole('button', { name: 'Sign in' }).click();

    const shipping = page.getByTestId('threshold-suggestion').filter({ hasText: 'shipping' });
    await shipping.waitFor({ timeout: 15_000 });
    await expect(shipping.textContent()).resolves.toMatch(/threshold 0\.4 → 0\.55/);
    const apply = shipping.getByRole('button', { name: 'Apply' });
    await shipping
      .getByLabel('Why (kept with the policy version)')
      .fill('Wrong shipping answers at low confidence');
    await expect(apply.isDisabled()).resolves.toBe(true);

    await shipping.getByRole('button', { name: 'Run backtest' }).click();
    const table = shipping.getByTestId('suggestion-backtest');
    await table.waitFor();
    const row = async (name: string) =>
      (
        await table
          .getByRole('row', { name: new RegExp(`^${name}`) })
          .locator('td')
          .allTextContents()
      ).map(Number);
    const [wrongBefore = 0, wrongAfter = 0] = await row('Wrong answers sent');
    expect(wrongBefore - wrongAfter).toBe(6);
    const [handoffsBefore = 0, handoffsAfter = 0] = await row('Handoffs');
    expect(handoffsAfter - handoffsBefore).toBe(10);
    expect(await seriousAxeViolations(page)).toEqual([]);

    await expect(apply.isEnabled()).resolves.toBe(true);
    await apply.click();
    await expect(shipping.getByRole('status').textContent()).resolves.toMatch(
      /Published as policy version \d+/,
    );

    await page.goto(`${baton.url}/ops`);
    const history = page.getByTestId('policy-history');
    await history.waitFor({ timeout: 15_000 });
    const newest = history.locator('li').first();
    await expect(newest.textContent()).resolves.toMatch(
      /Olu Bakare.*Wrong shipping answers at low confidence\s*Threshold suggestion applied: shipping 0\.4 → 0\.55/s,
    );
  });
});
