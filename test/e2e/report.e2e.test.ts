/**
 * The weekly report page in real Chromium at phone width: an agent flags an AI answer and the qa
 * reviewer labels it and a second conversation; Quinn opens /report (the week just finished by
 * default), asks for this week, and the page shows, rendered, exactly the counts GET
 * /api/coaching/report gives for that week; the page has no serious accessibility violation and
 * does not scroll sideways.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isoWeekOf, previousIsoWeek } from '../../src/core/coaching/iso-week.ts';
import { launchChromium } from '../support/browser.ts';
import {
  agentApi,
  agentToken,
  customerWrites,
  overflowsSideways,
  phone,
  seriousAxeViolations,
  signInOnPage,
} from '../support/desk.ts';
import { eventually } from '../support/http.ts';
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

/** A customer's question the AI has taken its turn on; resolves with the conversation and AI message ids. */
const aiTurn = async (text: string) => {
  const chat = await customerWrites(baton, text, { externalId: 'cus_ana' });
  const message = await eventually(
    async () => (await baton.store.messages.list(chat.id)).find((m) => m.author === 'ai') ?? null,
    30_000,
  );
  return { id: chat.id, messageId: message.id };
};

interface ReportCounts {
  readonly sampled: { flagged: number; sampled: number; population: number; reviewed: number };
  readonly wrong: { count: number };
}

describe('the weekly report page', () => {
  it('shows qa the counts the report API gives for the week, on a phone', async () => {
    const flagged = await aiTurn('Where is my order 1042?');
    const other = await aiTurn('How do I reset my password?');
    const sam = await agentToken(baton, 'sam@acme.test');
    const flag = await agentApi(
      baton,
      sam,
      'POST',
      `/api/inbox/conversations/${flagged.id}/messages/${flagged.messageId}/flags`,
      { kind: 'wrong', correctAnswer: 'Order 1042 left the warehouse yesterday.' },
    );
    expect(flag.status).toBeLessThan(300);
    const quinn = await agentToken(baton, 'quinn@acme.test');
    const labelled = await Promise.all([
      agentApi(baton, quinn, 'PUT', `/api/review/conversations/${flagged.id}/label`, {
        label: 'incorrect',
        rootCause: 'missing_article',
      }),
      agentApi(baton, quinn, 'PUT', `/api/review/conversations/${other.id}/label`, { label: 'correct' }),
    ]);
    expect(labelled.map((response) => response.status)).toEqual([200, 200]);

    const week = isoWeekOf(new Date());
    const api = await agentApi(baton, quinn, 'GET', `/api/coaching/report?week=${week}`);
    expect(api.status).toBe(200);
    const { markdown, report } = api.body as { markdown: string; report: ReportCounts };
    expect(report.sampled.reviewed).toBe(2);
    expect(report.wrong.count).toBe(1);

    const page = await (await browser.newContext({ viewport: phone })).newPage();
    await page.goto(`${baton.url}/report`);
    await signInOnPage(page, baton, 'quinn@acme.test');
    const shown = page.getByTestId('weekly-report');
    await shown.waitFor({ timeout: 15_000 });
    // The week just finished is the default.
    const weekInput = page.getByLabel('Week (like 2026-W49)');
    await expect(weekInput.inputValue()).resolves.toBe(previousIsoWeek(week));

    await weekInput.fill(week);
    await page.getByRole('button', { name: 'Show' }).click();
    // The report's own title, one level under the page's.
    await page
      .getByRole('heading', { level: 3, name: new RegExp(`^Weekly review ${week} — `) })
      .waitFor({ timeout: 15_000 });
    const text = (await shown.textContent()) ?? '';
    const { flagged: flags, sampled, population, reviewed } = report.sampled;
    expect(text).toContain(
      `${reviewed} conversations reviewed: ${flags} flagged by agents and ${sampled} sampled from ${population} AI-handled conversations.`,
    );
    expect(text).toContain(`${report.wrong.count} wrong (`);
    // The Markdown is rendered, not shown as source: every table row of the API's Markdown is a
    // table row on the page with the same cells, and no Markdown syntax is left in the text.
    const markdownRows = markdown
      .split('\n')
      .filter((line) => line.startsWith('|') && !/^\|[\s|-]+\|$/.test(line))
      .map((line) =>
        line
          .slice(1, -1)
          .split('|')
          .map((cell) => cell.trim()),
      );
    const pageRows = await shown
      .locator('tr')
      .evaluateAll((rows) =>
        rows.map((row) => [...row.children].map((cell) => cell.textContent?.trim() ?? '')),
      );
    expect(markdownRows.length).toBeGreaterThan(0);
    expect(pageRows).toEqual(markdownRows);
    expect(text).not.toMatch(/^#|\| --- \|/m);

    await expect(seriousAxeViolations(page)).resolves.toEqual([]);
    await expect(overflowsSideways(page)).resolves.toBe(false);
  });
});
