/**
 * The analytics page in real Chromium: an admin signs in, sees the §9 numbers the API reports for
 * the window, a bar chart per category, and a filter that changes the numbers and the chart.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/browser.ts';
import { agentApi, agentToken, desk, seriousAxeViolations, signInOnPage } from '../support/desk.ts';
import { request } from '../support/http.ts';
import { startTestBaton, type TestBaton } from '../support/test-baton.ts';

let baton: TestBaton;
let browser: Browser;

const QUESTIONS = [
  'How long does standard shipping take?',
  'What are your shipping options and costs?',
  'How do I reset my password?',
  'I want to talk to a real person',
];

beforeAll(async () => {
  [baton, browser] = await Promise.all([startTestBaton({ withWeb: true }), launchChromium()]);
  for (const text of QUESTIONS) {
    const res = await request(baton.url, 'POST', '/api/widget/conversations', { body: {} });
    const chat = { id: (res.body.conversation as { id: string }).id, token: String(res.body.token) };
    await request(baton.url, 'POST', `/api/widget/conversations/${chat.id}/messages`, {
      token: chat.token,
      body: { text },
    });
    await baton.baton.app.aiTurns.idle();
    // The customer went quiet after the AI's answer: resolved by the AI, as the sweep would.
    await baton.store.conversations.applyChange(
      chat.id,
      'ai',
      { state: 'resolved', resolution: 'ai' },
      {
        type: 'resolved',
        actor: { kind: 'system' },
        data: { by: 'ai_assumed', resolution: 'ai', teamKey: null },
      },
    );
  }
});
afterAll(async () => {
  await browser?.close();
  await baton?.close();
});

const tileValue = (page: Page, label: string) =>
  page.getByTestId('metric-tile').filter({ hasText: label }).locator('.tile-value').textContent();

describe('the analytics page', () => {
  it('shows the API’s numbers, a chart per category, and a filter that changes both', async () => {
    const sam = await agentToken(baton, 'sam@acme.test');
    const all = (await agentApi(baton, sam, 'GET', '/api/metrics')).body;
    const shipping = (await agentApi(baton, sam, 'GET', '/api/metrics?category=shipping')).body;
    expect(all.conversations).toBe(QUESTIONS.length);
    expect(Number(shipping.conversations)).toBeGreaterThan(0);
    expect(Number(shipping.conversations)).toBeLessThan(QUESTIONS.length);

    const page = await (await browser.newContext({ viewport: desk, bypassCSP: true })).newPage();
    await page.goto(`${baton.url}/analytics`);
    await signInOnPage(page, baton, 'sam@acme.test');
    await page
      .getByRole('heading', { name: 'How the team and the AI are doing' })
      .waitFor({ timeout: 15_000 });
    await page.getByTestId('analytics-window').getByText(`${QUESTIONS.length} conversations`).waitFor();
    await expect(tileValue(page, 'Conversations')).resolves.toBe(String(QUESTIONS.length));
    const involvement = `${Math.round(Number(all.involvementRate) * 1000) / 10}`;
    await expect(tileValue(page, 'AI involvement')).resolves.toMatch(new RegExp(`^${involvement}(\\.0)?%$`));
    const bars = page.getByTestId('chart-categories').locator('.recharts-bar-rectangle');
    await bars.locator('path').first().waitFor();
    const categoriesBefore = Object.keys(all.aiResolutionRateByCategory as object).length;
    await expect(bars.count()).resolves.toBe(categoriesBefore);
    await expect(seriousAxeViolations(page)).resolves.toEqual([]);

    await page.getByLabel('Category').fill('shipping');
    await page
      .getByTestId('analytics-window')
      .getByText(`${String(shipping.conversations)} conversations`)
      .waitFor({ timeout: 10_000 });
    await expect(tileValue(page, 'Conversations')).resolves.toBe(String(shipping.conversations));
    await expect(bars.count()).resolves.toBe(1);
    await expect(page.getByTestId('category-table').locator('tbody th').allTextContents()).resolves.toEqual([
      'shipping',
    ]);
  });

  it('says when figures are still being counted again, and stops saying it once they are', async () => {
    const workspaceId = baton.baton.app.workspace.id;
    // Every conversation to count again (as after a change of the recontact window), held by another
    // process's refresh that has not finished.
    await baton.store.metrics.markAllStale(workspaceId);
    const held = await baton.store.metrics.takeStale(workspaceId, 1000, 60_000);
    expect(held.conversationIds).toHaveLength(QUESTIONS.length);

    const page = await (await browser.newContext({ viewport: desk, bypassCSP: true })).newPage();
    await page.goto(`${baton.url}/analytics`);
    await signInOnPage(page, baton, 'sam@acme.test');
    const notice = page.getByTestId('analytics-recounting');
    await notice
      .getByText(`Still counting ${QUESTIONS.length} conversations again`)
      .waitFor({ timeout: 15_000 });
    await expect(seriousAxeViolations(page)).resolves.toEqual([]);

    await baton.store.metrics.releaseStale(held);
    await page.reload();
    await page.getByTestId('analytics-window').getByText(`${QUESTIONS.length} conversations`).waitFor();
    await expect(notice.count()).resolves.toBe(0);
  });

  it('tells an agent without access what to do', async () => {
    const page = await (await browser.newContext({ viewport: desk })).newPage();
    await page.goto(`${baton.url}/analytics`);
    await signInOnPage(page, baton, 'maya@acme.test');
    // The role matrix answers before the use case: it names the roles that may read and says whom to ask.
    await page
      .getByRole('alert')
      .getByText(/needs the role qa, ops or admin; you are signed in as agent\. Ask an admin/)
      .waitFor({ timeout: 15_000 });
  });
});
