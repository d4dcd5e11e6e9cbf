/**
 * The knowledge audit in real Chromium: with two articles giving different refund windows for
 * Acme gadgets, Olu (ops) opens the audit from the inbox menu, finds the contradiction with both
 * sentences, follows its link to the article on the knowledge page, and sets the review time.
 * Quinn (qa) reads the audit but cannot change the setting. The page passes axe.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/browser.ts';
import { agentApi, agentToken, demoAgent, seriousAxeViolations } from '../support/desk.ts';
import { startTestBaton, type TestBaton } from '../support/test-baton.ts';

let baton: TestBaton;
let browser: Browser;

beforeAll(async () => {
  [baton, browser] = await Promise.all([startTestBaton({ withWeb: true }), launchChromium()]);
  const olu = await agentToken(baton, 'olu@acme.test');
  for (const [title, body] of [
    [
      'Refunds on Acme gadgets',
      'Acme gadget refunds can be requested within 45 days of the parcel arriving.',
    ],
    [
      'Gadget refunds explained',
      'Acme gadget refunds can be requested within 20 days of the parcel arriving.',
    ],
  ]) {
    const created = await agentApi(baton, olu, 'POST', '/api/knowledge/articles', {
      title,
      body,
      category: null,
      tags: [],
    });
    expect(created.status).toBe(201);
  }
});
afterAll(async () => {
  await browser?.close();
  await baton?.close();
});

const signIn = async (email: string): Promise<Page> => {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, bypassCSP: true });
  const page = await context.newPage();
  await page.goto(`${baton.url}/agent`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(demoAgent(baton, email).password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('link', { name: 'Knowledge audit' }).click();
  await page.waitForURL(/\/knowledge-audit$/);
  await page.getByTestId('audit-summary').waitFor({ timeout: 30_000 });
  return page;
};

describe('knowledge audit page', () => {
  it('an ops person finds two refund windows that disagree, opens the article, and sets the review time', async () => {
    const page = await signIn('olu@acme.test');
    const finding = page
      .getByTestId('audit-contradiction')
      .filter({ hasText: 'Refunds on Acme gadgets' })
      .filter({ hasText: 'Gadget refunds explained' });
    await expect(finding.count()).resolves.toBe(1);
    await expect(finding.textContent()).resolves.toMatch(/45 days.*20 days|20 days.*45 days/);
    expect(await seriousAxeViolations(page)).toEqual([]);

    await page.getByLabel('Review every (days)').fill('60');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect(page.getByRole('status').textContent()).resolves.toContain('60 days');

    await finding.getByRole('link', { name: 'Gadget refunds explained' }).click();
    await page.waitForURL(/\/knowledge\?article=/);
    await expect
      .poll(
        async () =>
          page
            .getByLabel('Title', { exact: true })
            .inputValue()
            .catch(() => ''),
        {
          timeout: 15_000,
        },
      )
      .toBe('Gadget refunds explained');
  });

  it('a qa reviewer reads the audit but does not change the setting', async () => {
    const page = await signIn('quinn@acme.test');
    await expect(page.getByTestId('audit-contradiction').count()).resolves.toBeGreaterThan(0);
    await expect(page.getByLabel('Review every (days)').count()).resolves.toBe(0);
    await expect(page.getByText(/not reviewed for 60 days/).count()).resolves.toBe(1);
  });
});
