/**
 * Importing knowledge through the knowledge page in real Chromium (issue 10, scope 5): an admin
 * picks two Markdown files and a Zendesk Guide export, sees what was imported and what was skipped
 * with why, the articles appear in the list, and a customer is answered from an imported article.
 * The page passes axe with the summary shown.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/browser.ts';
import { COMPANY_ADMIN, type CompanyBaton, startCompanyBaton } from '../support/company-baton.ts';
import { seriousAxeViolations, signInWithPassword } from '../support/desk.ts';

let company: CompanyBaton;
let browser: Browser;

beforeAll(async () => {
  [company, browser] = await Promise.all([startCompanyBaton({ withWeb: true }), launchChromium()]);
});
afterAll(async () => {
  await browser?.close();
  await company?.close();
});

const signInAt = async (page: Page, path: string) => {
  await page.goto(`${company.url}${path}`);
  await signInWithPassword(page, COMPANY_ADMIN);
};

const markdownFile = (name: string, title: string, category: string, body: string) => ({
  name,
  mimeType: 'text/markdown',
  buffer: Buffer.from(`---\ntitle: ${title}\ncategory: ${category}\n---\n${body}\n`),
});

const zendeskExport = {
  articles: [
    {
      id: 4401,
      title: 'Skipping a subscription box',
      body: '<p>To skip next month’s Acme box, open <strong>Subscription</strong> and choose <em>Skip next box</em>. You are not charged for a skipped box.</p>',
      draft: false,
    },
    { id: 4402, title: 'Spring catalogue preview', body: '<p>Soon.</p>', draft: true },
  ],
};

describe('knowledge import in the browser', () => {
  it('imports two Markdown files and a Zendesk export, lists what was skipped and why, and answers from an imported article', async () => {
    const page = await (await browser.newContext()).newPage();
    await signInAt(page, '/knowledge');
    await page.getByRole('heading', { name: 'Import knowledge' }).waitFor();
    await page.getByLabel('Markdown files or a Zendesk / Intercom export (.json)').setInputFiles([
      markdownFile(
        'store-hours.md',
        'Customer service hours',
        'other',
        'Acme answers chats every day from 8:00 to 20:00.',
      ),
      markdownFile(
        'exchanges.md',
        'Exchanging a size',
        'refund',
        'Exchanges for another size are free within 30 days.',
      ),
      {
        name: 'zendesk-articles.json',
        mimeType: 'application/json',
        buffer: Buffer.from(JSON.stringify(zendeskExport)),
      },
    ]);
    await page.getByRole('button', { name: 'Import', exact: true }).click();

    await page.getByRole('status').filter({ hasText: 'Import finished: 3 imported, 1 skipped.' }).waitFor();
    const skipped = page.getByRole('list', { name: 'Skipped entries' });
    await expect
      .poll(() => skipped.textContent())
      .toContain('zendesk-articles.json #4402 "Spring catalogue preview" is a draft');
    const list = page.locator('.article-list');
    for (const title of ['Customer service hours', 'Exchanging a size', 'Skipping a subscription box']) {
      await list.getByRole('button', { name: title }).waitFor();
    }
    expect(await seriousAxeViolations(page)).toEqual([]);

    await list.getByRole('button', { name: 'Skipping a subscription box' }).click();
    await page.getByText(COMPANY_ADMIN.name).first().waitFor();

    const chat = await (await browser.newContext()).newPage();
    await chat.goto(`${company.url}/chat`);
    await chat.getByLabel('Your message').fill('How do I skip next month’s subscription box?');
    await chat.keyboard.press('Enter');
    const reply = chat.locator('[data-testid="message"]').nth(1);
    await reply.waitFor({ timeout: 20_000 });
    await expect.poll(() => reply.textContent()).toMatch(/Skip next box/);
  });
});
