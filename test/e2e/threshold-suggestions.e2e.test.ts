/**
 * Threshold suggestions in real Chromium: with forty judged 'shipping' answers (the least confident
 * ones wrong), Olu (ops) sees the suggestion on the calibration page, runs its backtest, can accept
 * only then, and accepting stores a draft — the live policy is unchanged. The ops console shows the
 * draft above the editor; Olu backtests it there and publishes it, and the policy history lists the
 * new version with the why, and the policy page shows shipping's calibration. Both pages pass axe.
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
  it('an ops person backtests a suggestion, accepts it as a draft, and publishes the draft', async () => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, bypassCSP: true });
    const page = await context.newPage();
    await page.goto(`${baton.url}/calibration`);
    await page.getByLabel('Email').fill('olu@acme.test');
    await page.getByLabel('Password').fill(demoAgent(baton, 'olu@acme.test').password);
    await page.getByRole('button', { name: 'Sign in' }).click();

    const olu = await baton.store.agents.getByEmail(
      (await baton.store.workspaces.getBySlug('acme'))?.id ?? '',
      'olu@acme.test',
    );
    if (!olu) throw new Error('no demo ops person');
    const shipping = page.getByTestId('threshold-suggestion').filter({ hasText: 'shipping' });
    await shipping.waitFor({ timeout: 15_000 });
    await expect(shipping.textContent()).resolves.toMatch(/threshold 0\.4 → 0\.55/);
    const apply = shipping.getByRole('button', { name: 'Accept' });
    await shipping
      .getByLabel('Why (kept with the draft, or with the dismissal)')
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
    const before = (await baton.store.policies.current(olu.workspaceId))?.version ?? 0;
    await apply.click();
    // The status is there before the save returns ("Saving…"): wait for what it says after.
    await expect
      .poll(() => shipping.getByRole('status').textContent(), { timeout: 15_000 })
      .toMatch(/^Saved as a policy draft \(shipping 0\.4 → 0\.55\); nothing changes until it is published/);
    // Accepting changed nothing for customers.
    expect((await baton.store.policies.current(olu.workspaceId))?.version ?? 0).toBe(before);

    await shipping.getByRole('link', { name: 'Open the draft in the ops console' }).click();
    const draft = page.getByTestId('policy-draft');
    await draft.waitFor({ timeout: 15_000 });
    await expect(draft.getByRole('heading', { level: 3 }).first().textContent()).resolves.toBe(
      'Draft from threshold suggestion: shipping 0.40 → 0.55, by Olu Bakare',
    );
    await draft.getByRole('button', { name: 'Backtest', exact: true }).click();
    const backtest = draft.getByTestId('policy-backtest');
    await backtest.waitFor();
    const shippingRow = draft.getByTestId('backtest-by-category').getByRole('row', { name: /^shipping/ });
    const [, handoffsNow = 0, handoffsDraft = 0] = (await shippingRow.locator('td').allTextContents()).map(
      Number,
    );
    expect(handoffsDraft - handoffsNow).toBe(10);
    expect(await seriousAxeViolations(page)).toEqual([]);

    await draft.getByRole('button', { name: 'Publish' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: `Published the draft as version ${before + 1}.` })
      .waitFor();
    await expect
      .poll(() => page.getByTestId('policy-current').textContent(), { timeout: 15_000 })
      .toContain(`Version ${before + 1}`);
    const history = page.getByTestId('policy-history');
    const newest = history.locator('li').first();
    await expect
      .poll(() => newest.textContent(), { timeout: 15_000 })
      .toMatch(
        /Olu Bakare.*Wrong shipping answers at low confidence\s*Threshold suggestion applied: shipping 0\.4 → 0\.55/s,
      );
    await expect.poll(() => draft.count(), { timeout: 15_000 }).toBe(0);

    // The policy page also says how the thresholds are read: shipping's from its reviewed answers,
    // as the calibration API fits them, with the reliability curve opened in place.
    const fitted = (await page.evaluate(async () => (await fetch('/api/coaching/calibration')).json())) as {
      categories: { category: string; labels: number }[];
    };
    const shippingFit = fitted.categories.find((c) => c.category === 'shipping');
    expect(shippingFit?.labels).toBeGreaterThanOrEqual(40);
    const calibration = page.getByTestId('policy-calibration-category').filter({ hasText: /^shipping:/ });
    await expect
      .poll(() => calibration.textContent(), { timeout: 15_000 })
      .toContain(`${shippingFit?.labels} reviewed answers`);
    await calibration.locator('summary').click();
    await calibration.getByTestId('reliability').waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
  });
});
