/**
 * The analytics page over time in real Chromium, on a workspace with simulated history: the
 * charts' numbers are the API's, a filter changes them, a bar and a table cell open exactly the
 * conversations the API says are behind them (linked to the inbox), the series downloads as CSV
 * with the right rows, the week toggle regroups, and the page is axe-clean at desk and phone width.
 */
import { readFile } from 'node:fs/promises';
import { Writable } from 'node:stream';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runSimulate } from '../../src/cli/commands/simulate.ts';
import { launchChromium } from '../support/browser.ts';
import {
  agentApi,
  agentToken,
  desk,
  overflowsSideways,
  phone,
  seriousAxeViolations,
  signInOnPage,
} from '../support/desk.ts';
import { startTestBaton, type TestBaton } from '../support/test-baton.ts';

let baton: TestBaton;
let browser: Browser;
let sam: string;
const DAY_MS = 86_400_000;
const quiet = new Writable({ write: (_chunk, _encoding, done) => done() });

beforeAll(async () => {
  [baton, browser] = await Promise.all([startTestBaton({ withWeb: true }), launchChromium()]);
  await runSimulate({ store: baton.store, days: 4, perDay: 6, seed: 11, now: new Date(), stderr: quiet });
  sam = await agentToken(baton, 'sam@acme.test');
}, 300_000);
afterAll(async () => {
  await browser?.close();
  await baton?.close();
});

type Point = {
  period: string;
  from: string;
  to: string;
  conversations: number;
  rates: Record<string, { of: number; counts: number }>;
};

const dayOf = (time: number) => new Date(time).toISOString().slice(0, 10);
/** The page's default window: the last 30 days through today. */
const pageFrom = () => dayOf(Date.now() - 29 * DAY_MS);
const pageThrough = () => dayOf(Date.now());
const windowQuery = () => `from=${pageFrom()}&to=${dayOf(Date.now() + DAY_MS)}`;

const seriesOf = async (extra: string): Promise<Point[]> => {
  const res = await agentApi(baton, sam, 'GET', `/api/metrics/series?${windowQuery()}${extra}`);
  expect(res.status).toBe(200);
  return res.body.series as Point[];
};

const drillIds = async (query: string): Promise<{ total: number; ids: string[] }> => {
  const res = await agentApi(baton, sam, 'GET', `/api/metrics/conversations?${query}&limit=200`);
  expect(res.status).toBe(200);
  return {
    total: Number(res.body.total),
    ids: (res.body.conversations as { id: string }[]).map((row) => row.id),
  };
};

/** The conversations column of the series table, as numbers, in period order. */
const tableConversations = (page: Page) =>
  page
    .getByTestId('series-table')
    .locator('tbody tr')
    .evaluateAll((rows) => rows.map((row) => Number(row.querySelectorAll('td')[0]?.textContent ?? 'NaN')));

const listedIds = (page: Page) =>
  page
    .getByTestId('drill-down')
    .locator('tbody tr')
    .evaluateAll((rows) => rows.map((row) => row.getAttribute('data-conversation-id') ?? ''));

describe('the analytics page over time', () => {
  it('charts the API’s series, follows a filter, drills down to the right conversations and downloads CSV', async () => {
    const all = await seriesOf('&by=day');
    const total = all.reduce((sum, point) => sum + point.conversations, 0);
    expect(total).toBeGreaterThan(10);

    const context = await browser.newContext({ viewport: desk, bypassCSP: true, acceptDownloads: true });
    const page = await context.newPage();
    await page.goto(`${baton.url}/analytics`);
    await signInOnPage(page, baton, 'sam@acme.test');
    await page.getByTestId('series-table').waitFor({ timeout: 30_000 });
    await expect
      .poll(() => tableConversations(page), { timeout: 15_000 })
      .toEqual(all.map((p) => p.conversations));
    await expect(seriousAxeViolations(page)).resolves.toEqual([]);

    // A bar: the first day with handoffs, in the handoff series of the volume chart.
    const handoffDay = all.find((point) => (point.rates.handoffRate?.counts ?? 0) > 0);
    if (!handoffDay) throw new Error('the simulated history has no handoff');
    const expectedHandoffs = await drillIds(
      `from=${encodeURIComponent(handoffDay.from)}&to=${encodeURIComponent(handoffDay.to)}&metric=handoffRate`,
    );
    expect(expectedHandoffs.total).toBe(handoffDay.rates.handoffRate?.counts);
    await page
      .getByTestId('chart-volume')
      .locator('.recharts-bar')
      .nth(1)
      .locator('.recharts-bar-rectangle path')
      .first()
      .click();
    const panel = page.getByTestId('drill-down');
    await panel
      .getByRole('heading', { name: `Handed to a person: conversations from ${handoffDay.period}` })
      .waitFor();
    await panel.getByTestId('drill-down-total').getByText(`${expectedHandoffs.total} conversation`).waitFor();
    await expect.poll(() => listedIds(page)).toEqual(expectedHandoffs.ids);
    const firstLink = panel.locator('tbody tr').first().getByRole('link');
    await expect(firstLink.getAttribute('href')).resolves.toBe(`/agent?c=${expectedHandoffs.ids[0]}`);
    await expect(seriousAxeViolations(page)).resolves.toEqual([]);

    // A tile: every conversation of the window.
    const everything = await drillIds(`${windowQuery()}&metric=conversations`);
    expect(everything.total).toBe(total);
    await page.getByRole('button', { name: /^Conversations: \d+\. List the conversations$/ }).click();
    await panel.getByTestId('drill-down-total').getByText(`${total} conversations`).waitFor();
    await expect.poll(() => listedIds(page)).toEqual(everything.ids.slice(0, 50));

    // A number that is not a rate of conversations: the conversations it is computed over.
    const resolvedTimed = await drillIds(`${windowQuery()}&metric=timeToResolution&part=of`);
    expect(resolvedTimed.total).toBeGreaterThan(0);
    await page
      .getByRole('button', { name: /^Time to resolution: .+\. List the resolved conversations timed$/ })
      .click();
    await panel.getByTestId('drill-down-total').getByText(`${resolvedTimed.total} conversation`).waitFor();
    await expect.poll(() => listedIds(page)).toEqual(resolvedTimed.ids.slice(0, 50));

    // CSV of what is shown.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page
        .getByRole('region', { name: /Over time, by day/ })
        .getByRole('button', { name: 'Download CSV' })
        .click(),
    ]);
    expect(download.suggestedFilename()).toBe(`baton-over-time-by-day-${pageFrom()}-to-${pageThrough()}.csv`);
    const path = await download.path();
    const lines = (await readFile(path, 'utf8')).trimEnd().split('\r\n');
    expect(lines[0]?.split(',').slice(0, 5)).toEqual([
      'period',
      'from',
      'to',
      'conversations',
      'handed_over',
    ]);
    expect(lines.slice(1).map((line) => line.split(',')[0])).toEqual(all.map((point) => point.period));
    expect(lines.slice(1).map((line) => Number(line.split(',')[3]))).toEqual(
      all.map((point) => point.conversations),
    );

    // A filter changes the charts: one category.
    const report = (await agentApi(baton, sam, 'GET', `/api/metrics?${windowQuery()}`)).body;
    const category = Object.keys(report.aiResolutionRateByCategory as object)[0];
    if (!category) throw new Error('the simulated history has no category');
    const narrowed = await seriesOf(`&by=day&category=${category}`);
    const narrowedTotal = narrowed.reduce((sum, point) => sum + point.conversations, 0);
    expect(narrowedTotal).toBeLessThan(total);
    await page.getByLabel('Category').fill(category);
    await expect
      .poll(() => tableConversations(page), { timeout: 15_000 })
      .toEqual(narrowed.map((p) => p.conversations));
    const volumeBars = page
      .getByTestId('chart-volume')
      .locator('.recharts-bar')
      .first()
      .locator('.recharts-bar-rectangle path');
    await expect
      .poll(() => volumeBars.count())
      .toBe(narrowed.filter((point) => point.conversations > 0).length);

    // A category's AI resolution rate opens the conversations the AI resolved in it.
    const resolvedInCategory = await drillIds(
      `${windowQuery()}&category=${category}&metric=aiResolutionRate`,
    );
    await page.getByTestId('category-table').getByRole('button').first().click();
    await panel
      .getByRole('heading', { name: `AI resolution rate: conversations the AI resolved in ${category}` })
      .waitFor();
    await panel
      .getByTestId('drill-down-total')
      .getByText(`${resolvedInCategory.total} conversation`)
      .waitFor();
    await expect.poll(() => listedIds(page)).toEqual(resolvedInCategory.ids.slice(0, 50));

    // By week.
    const weeks = await seriesOf(`&by=week&category=${category}`);
    await page.getByLabel('Over time by').selectOption('week');
    await page.getByRole('heading', { name: 'Over time, by week' }).waitFor();
    await expect
      .poll(() => tableConversations(page), { timeout: 15_000 })
      .toEqual(weeks.map((p) => p.conversations));
    await expect(seriousAxeViolations(page)).resolves.toEqual([]);

    // Phone width: still usable and axe-clean, nothing scrolls the page sideways.
    await page.setViewportSize(phone);
    await page.getByRole('heading', { name: 'Over time, by week' }).waitFor();
    await expect(overflowsSideways(page)).resolves.toBe(false);
    await expect(seriousAxeViolations(page)).resolves.toEqual([]);
    await context.close();
  }, 240_000);
});
