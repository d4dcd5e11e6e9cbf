/**
 * "Backtest this draft" in real Chromium (issue 14's browser test): with forty judged shipping
 * answers recorded, Olu (ops) raises the shipping threshold in the ops console's policy editor,
 * backtests the draft, sees the shipping handoffs rise, the missed handoffs fall and the changed
 * conversations listed with links to the inbox, then publishes it. The console passes axe.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
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

describe('policy draft backtest', () => {
  it('an ops person edits the policy, backtests the draft, sees what changes, and publishes it', async () => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, bypassCSP: true });
    const page = await context.newPage();
    await page.goto(`${baton.url}/ops`);
    await page.getByLabel('Email').fill('olu@acme.test');
    await page.getByLabel('Password').fill(demoAgent(baton, 'olu@acme.test').password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByTestId('policy-current').waitFor({ timeout: 15_000 });

    const editor = page.getByLabel('Policy (YAML)');
    const document = parse(await editor.inputValue());
    document.categories.shipping.threshold = 0.6;
    await editor.fill(stringify(document));
    await page.getByLabel('Conversations to replay').selectOption({ label: 'Everything recorded' });
    await page.getByRole('button', { name: 'Backtest this draft' }).click();

    const result = page.getByTestId('policy-backtest');
    await result.waitFor({ timeout: 30_000 });
    const cells = async (table: string, row: string) =>
      page
        .getByTestId(table)
        .getByRole('row', { name: new RegExp(`^${row}`) })
        .locator('td')
        .allTextContents();
    const [, shippingNow = '', shippingDraft = '', change = ''] = await cells(
      'backtest-by-category',
      'shipping',
    );
    expect(Number(shippingDraft) - Number(shippingNow)).toBe(20);
    expect(change).toBe('+20');
    await expect(cells('backtest-labelled', 'Missed handoffs')).resolves.toEqual(['9', '0']);
    await expect(cells('backtest-labelled', 'Needless handoffs')).resolves.toEqual(['0', '11']);

    const changed = page.getByTestId('backtest-changed').locator('li');
    await expect(changed.count()).resolves.toBe(20);
    await expect(changed.first().textContent()).resolves.toMatch(
      /shipping: answer → escalate \(low_confidence\)/,
    );
    const href = await changed.first().getByRole('link').getAttribute('href');
    expect(href).toMatch(/^\/agent\?c=[0-9a-f-]{36}$/);
    expect(await seriousAxeViolations(page)).toEqual([]);

    await page
      .getByLabel('Why this change (required)')
      .fill('Backtest: nine missed shipping handoffs caught');
    await page.getByRole('button', { name: 'Save policy' }).click();
    await page.getByTestId('policy-saved').waitFor();
    await expect(page.getByTestId('policy-history').locator('li').first().textContent()).resolves.toMatch(
      /Olu Bakare.*Backtest: nine missed shipping handoffs caught/,
    );
    expect(parse(await editor.inputValue()).categories.shipping.threshold).toBe(0.6);
  });
});
