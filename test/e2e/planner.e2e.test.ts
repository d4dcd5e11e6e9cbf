/**
 * The team planner as a head of support uses it, in real Chromium: sign in, open the planner, pick
 * the 25-agent reference scenario, calculate, and read the same team the staffing core computes,
 * every role explained, with both charts drawn. Invalid input names the field.
 */
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planStaffing, type StaffingPlanInputDraft } from '../../src/core/staffing/index.ts';
import { scenariosDir } from '../../src/server/routes/planner.routes.ts';
import { launchChromium } from '../support/browser.ts';
import { signInOnPage } from '../support/desk.ts';
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

const scenario = (file: string): StaffingPlanInputDraft =>
  JSON.parse(readFileSync(`${scenariosDir}${file}`, 'utf8')) as StaffingPlanInputDraft;

/** Signs the demo admin in through the agent page, then follows the inbox's link to the planner. */
const openPlannerSignedIn = async (): Promise<Page> => {
  const page = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
  await page.goto(`${baton.url}/agent`);
  await signInOnPage(page, baton, 'sam@acme.test');
  await page.getByRole('link', { name: 'Team planner' }).click();
  await page.waitForURL(/\/planner$/);
  await page.getByTestId('plan-name').waitFor({ timeout: 15_000 });
  return page;
};

const text = async (page: Page, selector: string): Promise<string> =>
  ((await page.locator(selector).textContent()) ?? '').trim();

describe('the team planner page', () => {
  it('asks a visitor without a session to sign in right there, and stays on the planner', async () => {
    const page = await (await browser.newContext()).newPage();
    await page.goto(`${baton.url}/planner`);
    await page.getByRole('heading', { name: 'Sign in to the team planner' }).waitFor();
    await signInOnPage(page, baton, 'sam@acme.test');
    await page.getByTestId('headcount-before').waitFor({ timeout: 15_000 });
    expect(new URL(page.url()).pathname).toBe('/planner');
  });

  it('shows the 25-agent scenario as the staffing core plans it: head counts, every role explained, both charts', async () => {
    const expected = planStaffing(scenario('mid-team-25-agents.json'));
    const page = await openPlannerSignedIn();

    await page.getByLabel('Scenario').selectOption({ label: expected.name });
    await page.getByRole('button', { name: 'Calculate' }).click();
    await page.getByTestId('plan-name').getByText(expected.name, { exact: true }).waitFor();
    await expect(page.getByTestId('stale').count()).resolves.toBe(0);

    await expect(text(page, '[data-testid="headcount-before"]')).resolves.toBe(
      String(expected.totals.before.headcount),
    );
    await expect(text(page, '[data-testid="headcount-after"]')).resolves.toBe(
      String(expected.totals.after.headcount),
    );
    await expect(text(page, '[data-testid="total-fte-before"]')).resolves.toBe(
      expected.totals.before.fte.toFixed(1),
    );
    await expect(text(page, '[data-testid="total-fte-after"]')).resolves.toBe(
      expected.totals.after.fte.toFixed(1),
    );

    await expect(page.getByTestId('role-line').count()).resolves.toBe(expected.roles.length);
    for (const role of expected.roles) {
      const line = `[data-testid="role-line"][data-role="${role.role}"]`;
      await expect(text(page, `${line} [data-testid="fte-before"]`)).resolves.toBe(
        role.before.fte.toFixed(1),
      );
      await expect(text(page, `${line} [data-testid="fte-after"]`)).resolves.toBe(role.after.fte.toFixed(1));
      const explanation = await text(page, `${line} [data-testid="role-explanation"]`);
      expect(explanation).toContain(role.before.explanation);
      expect(explanation).toContain(role.after.explanation);
    }

    // The gaps against reported figures are listed, one per compared figure.
    await expect(page.getByTestId('comparisons').locator('li').count()).resolves.toBe(
      expected.comparisons.length,
    );

    const roles = page.getByTestId('chart-roles');
    await roles.locator('svg.recharts-surface').first().waitFor();
    await roles.locator('.recharts-bar-rectangle path').first().waitFor();
    const curve = page.getByTestId('chart-curve');
    await curve.locator('svg.recharts-surface').first().waitFor();
    await curve.locator('path.recharts-line-curve').first().waitFor();
    await expect(curve.locator('path.recharts-line-curve').count()).resolves.toBe(2);
  });

  it('names the field when the input is invalid, and marks it', async () => {
    const page = await openPlannerSignedIn();
    const field = page.getByLabel('Weekly volume, Order status by chat');
    await field.fill('-5');
    await page.getByRole('button', { name: 'Calculate' }).click();
    const problems = page.getByTestId('plan-problems');
    await problems.waitFor();
    await expect(problems.textContent()).resolves.toContain(
      'Weekly volume, Order status by chat: must be at least 0',
    );
    await expect(field.getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(page.getByTestId('stale').count()).resolves.toBe(1);
  });
});
