/**
 * The knowledge page in real Chromium, on a company's own workspace set up as `baton setup` does
 * (issue 10, "Done when"): the admin invites an agent, creates a team and writes an article with a rendered,
 * sanitised preview; a customer's question in the chat is answered from that article and cites it;
 * an edit is a new version, and the next customer gets the edited text. The page passes axe.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/browser.ts';
import { COMPANY_ADMIN, type CompanyBaton, startCompanyBaton } from '../support/company-baton.ts';
import { seriousAxeViolations } from '../support/desk.ts';

let company: CompanyBaton;
let browser: Browser;

beforeAll(async () => {
  [company, browser] = await Promise.all([startCompanyBaton({ withWeb: true }), launchChromium()]);
});
afterAll(async () => {
  await browser?.close();
  await company?.close();
});

const signInAt = async (page: Page, path: string, email: string, password: string) => {
  await page.goto(`${company.url}${path}`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
};

/** A new customer asks in the chat; resolves with the text of the AI's reply bubble. */
const customerAsks = async (text: string): Promise<string> => {
  const page = await (await browser.newContext()).newPage();
  await page.goto(`${company.url}/chat`);
  await page.getByLabel('Your message').fill(text);
  await page.keyboard.press('Enter');
  const reply = page.locator('[data-testid="message"]').nth(1);
  await reply.waitFor({ timeout: 20_000 });
  const shown = (await reply.textContent()) ?? '';
  await page.context().close();
  return shown;
};

const articleBody = [
  '# Delivery times',
  '',
  'Standard delivery takes **3 to 5 working days**. Express delivery arrives the next working day.',
  '',
  '<img src="x" alt="" onerror="window.hostilePreview = true">',
].join('\n');

describe('knowledge page', () => {
  it('an admin invites an agent, creates a team and writes an article; a customer is answered from it, then from its edit', async () => {
    const admin = await (await browser.newContext({ bypassCSP: true })).newPage();
    await signInAt(admin, '/people', COMPANY_ADMIN.email, COMPANY_ADMIN.password);
    const invite = admin.getByRole('form', { name: 'Invite someone' });
    await invite.getByLabel('Email').fill('ravi@northwind.example');
    await invite.getByLabel('Name').fill('Ravi Shah');
    await invite.getByRole('button', { name: 'Invite' }).click();
    expect(await admin.getByLabel('One-time link').inputValue()).toMatch(/\/join\?token=/);

    await admin.goto(`${company.url}/teams`);
    await admin.getByRole('button', { name: 'New team' }).click();
    const teamForm = admin.getByRole('form', { name: 'New team' });
    await teamForm.getByLabel('Key (lowercase, used in the policy)').fill('wholesale');
    await teamForm.getByLabel('Team name').fill('Wholesale');
    await teamForm.getByLabel('Monday').check();
    await teamForm.getByLabel('Holidays (YYYY-MM-DD, comma-separated)').fill('2026-12-25');
    expect(await seriousAxeViolations(admin)).toEqual([]);
    await teamForm.getByRole('button', { name: 'Save team' }).click();
    await admin.getByRole('row', { name: /Wholesale.*Mon 09:00–17:00.*2026-12-25/ }).waitFor();

    await admin.goto(`${company.url}/knowledge`);
    await admin.getByRole('heading', { name: 'Articles' }).waitFor();
    await admin.getByText('No articles yet.').waitFor();
    await admin.getByRole('button', { name: 'New article' }).click();
    await admin.getByLabel('Title').fill('Delivery times');
    await admin.getByLabel('Category').selectOption('shipping');
    await admin.getByLabel('Tags (comma-separated)').fill('delivery, parcels');
    await admin.getByLabel('Article (Markdown)').fill(articleBody);
    const preview = admin.getByRole('region', { name: 'Preview' });
    await preview.getByRole('heading', { name: 'Delivery times' }).waitFor();
    expect(await preview.locator('strong').textContent()).toBe('3 to 5 working days');
    expect(await preview.locator('[onerror]').count()).toBe(0);
    expect(await admin.evaluate(() => 'hostilePreview' in window)).toBe(false);
    expect(await seriousAxeViolations(admin)).toEqual([]);
    await admin.getByRole('button', { name: 'Create and publish' }).click();
    await admin.getByText(/\/delivery-times · v1 · published · last reviewed never/).waitFor();

    const first = await customerAsks('How long does standard delivery take?');
    expect(first).toContain('3 to 5 working days');
    expect(first).toContain('Source: Delivery times');

    await admin.getByLabel('Article (Markdown)').fill(articleBody.replace('3 to 5', '2 to 4'));
    await admin.getByRole('button', { name: 'Save as a new version' }).click();
    await admin.getByText(/\/delivery-times · v2 · published/).waitFor();
    await admin.getByText(`v2 · Edited by ${COMPANY_ADMIN.name}`).waitFor();
    await admin.getByText(`v1 · Created by ${COMPANY_ADMIN.name}`).waitFor();
    await admin.getByRole('button', { name: 'Mark reviewed' }).click();
    await admin.getByText(new RegExp(`last reviewed .+ by ${COMPANY_ADMIN.name}`)).waitFor();

    const second = await customerAsks('How long does standard delivery take?');
    expect(second).toContain('2 to 4 working days');
    expect(second).toContain('Source: Delivery times');
  });

  it('lets an agent search and read articles but not change them', async () => {
    await company.store.articles.create({
      workspaceId: company.workspace.id,
      slug: 'loose-leaf-storage',
      author: 'import',
      title: 'Loose leaf storage',
      category: null,
      tags: [],
      body: 'Keep tea in an airtight tin, away from light.',
    });
    const { hashPassword } = await import('../../src/adapters/crypto/password.ts');
    await company.store.agents.create({
      workspaceId: company.workspace.id,
      email: 'mei@northwind.example',
      name: 'Mei Lin',
      role: 'agent',
      teamKeys: [],
      passwordHash: await hashPassword('oolong-every-day'),
    });
    const page = await (await browser.newContext({ bypassCSP: true })).newPage();
    await signInAt(page, '/knowledge', 'mei@northwind.example', 'oolong-every-day');
    await page.getByRole('heading', { name: 'Articles' }).waitFor();
    expect(await page.getByRole('button', { name: 'New article' }).count()).toBe(0);
    await page.getByLabel('Search articles').fill('airtight');
    await page.getByRole('button', { name: 'Search' }).click();
    await page.getByRole('button', { name: 'Loose leaf storage' }).click();
    await page.getByRole('heading', { name: 'Loose leaf storage' }).waitFor();
    expect(await page.getByRole('button', { name: 'Delivery times' }).count()).toBe(0);
    expect(await page.getByLabel('Title').isDisabled()).toBe(true);
    expect(await page.getByRole('button', { name: 'Unpublish' }).count()).toBe(0);
    expect(await seriousAxeViolations(page)).toEqual([]);
  });
});
