/**
 * The planner page's wording and reference scenarios, in real Chromium: a share typed as "150%" is
 * refused as "at most 100%"; the heading names the scenario being edited; volumes are whole
 * conversations, also when read from history; the reference teams start at 5, 25 and 100 people;
 * and where a plan misses a reported range, one sentence says which input would have to change.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/browser.ts';
import { customerWrites, desk, signInOnPage } from '../support/desk.ts';
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

const openPlanner = async (): Promise<Page> => {
  const page = await (await browser.newContext({ viewport: desk })).newPage();
  await page.goto(`${baton.url}/planner`);
  await signInOnPage(page, baton, 'sam@acme.test');
  await page.getByTestId('headcount-before').waitFor({ timeout: 15_000 });
  return page;
};

const volumeValues = (page: Page): Promise<string[]> =>
  page
    .locator('input[aria-label^="Weekly volume"]')
    .evaluateAll((inputs) => inputs.map((input) => (input instanceof HTMLInputElement ? input.value : '')));

describe('the planner page', () => {
  it('refuses a share of 150% as "at most 100%", naming the field', async () => {
    const page = await openPlanner();
    await page.getByLabel('AI resolution share, Order status').fill('150');
    await page.getByRole('button', { name: 'Calculate' }).click();
    const problems = page.getByTestId('plan-problems');
    await problems.waitFor();
    const text = (await problems.textContent()) ?? '';
    expect(text).toContain('AI resolution share, Order status: must be at most 100%');
    expect(text).not.toMatch(/<=|expected number/);
  });

  it('names the scenario being edited in the heading and calculates it when picked', async () => {
    const page = await openPlanner();
    const scenario = page.getByLabel('Scenario');
    const heading = page.getByRole('heading', { level: 1 });
    for (const [name, people] of [
      ['5-agent team automating 50%', '5'],
      ['25-agent team automating 65%', '25'],
      ['100-agent team automating 70%', '100'],
    ] as const) {
      await scenario.selectOption({ label: name });
      await expect(heading.textContent()).resolves.toBe(name);
      await page
        .getByTestId('headcount-before')
        .getByText(people, { exact: true })
        .waitFor({ timeout: 15_000 });
      await expect(page.getByTestId('stale').count()).resolves.toBe(0);
      for (const value of await volumeValues(page)) expect(value).toMatch(/^\d+$/);
    }
  });

  it('says in one sentence per figure which input would have to change where the plan misses a reported range', async () => {
    const page = await openPlanner();
    await page.getByLabel('Scenario').selectOption({ label: '25-agent team automating 65%' });
    await page.getByTestId('headcount-before').getByText('25', { exact: true }).waitFor({ timeout: 15_000 });
    const misses = page.locator('[data-testid="comparisons"] li.gap');
    const count = await misses.count();
    expect(count).toBeGreaterThan(0);
    for (let i = 0; i < count; i += 1) {
      const change = (await misses.nth(i).getByTestId('comparison-change').textContent()) ?? '';
      expect(change).toMatch(/^[A-Z].* would have to .*\.$/);
      expect(change.slice(0, -1)).not.toMatch(/\. [A-Z]/);
    }
    await expect(
      page.locator('[data-testid="comparisons"] li.within [data-testid="comparison-change"]').count(),
    ).resolves.toBe(0);
  });

  it('reads history into whole conversations per week', async () => {
    for (const text of [
      'where is my order 1042?',
      'how do I return an item?',
      'I want to talk to a person',
    ]) {
      await customerWrites(baton, text);
    }
    const page = await openPlanner();
    await page.getByRole('button', { name: /Use this workspace's history/ }).click();
    await page.getByTestId('history-evidence').waitFor({ timeout: 15_000 });
    const values = await volumeValues(page);
    expect(values.length).toBeGreaterThan(0);
    for (const value of values) expect(value).toMatch(/^\d+$/);
  });
});
