/**
 * People in real Chromium, on a company's own workspace: the admin invites an agent from the people
 * page, the agent joins through the one-time link and signs in; the admin deactivates them and
 * their open inbox is signed out. The people, join and set-up pages pass axe (injected, so CSP is bypassed).
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

describe('people page', () => {
  it('invites an agent who joins by the link; deactivating them signs them out', async () => {
    const admin = await (await browser.newContext({ bypassCSP: true })).newPage();
    await signInAt(admin, '/people', COMPANY_ADMIN.email, COMPANY_ADMIN.password);
    await admin.getByRole('heading', { name: 'Everyone' }).waitFor();
    await admin.getByRole('row', { name: /Nadia Okoro/ }).waitFor();
    expect(await seriousAxeViolations(admin)).toEqual([]);

    const invite = admin.getByRole('form', { name: 'Invite someone' });
    await invite.getByLabel('Email').fill('ravi@northwind.example');
    await invite.getByLabel('Name').fill('Ravi Shah');
    await invite.getByLabel('Orders & delivery').check();
    await invite.getByRole('button', { name: 'Invite' }).click();
    const link = await admin.getByLabel('One-time link').inputValue();
    expect(link).toMatch(/\/join\?token=/);
    await admin.getByText('Ravi Shah (ravi@northwind.example)').waitFor();

    const agent = await (await browser.newContext({ bypassCSP: true })).newPage();
    await agent.goto(link);
    await agent.getByRole('heading', { name: 'Join Northwind Tea' }).waitFor();
    expect(await seriousAxeViolations(agent)).toEqual([]);
    await agent.getByLabel('Choose a password').fill('chai-and-biscuits');
    await agent.getByRole('button', { name: 'Join' }).click();
    await agent.getByRole('link', { name: 'Sign in' }).click();
    await agent.getByLabel('Email').fill('ravi@northwind.example');
    await agent.getByLabel('Password').fill('chai-and-biscuits');
    await agent.getByRole('button', { name: 'Sign in' }).click();
    await agent.getByText('Ravi Shah').first().waitFor();

    await admin.reload();
    await admin.getByRole('button', { name: 'Deactivate Ravi Shah' }).click();
    await admin.getByRole('row', { name: /Ravi Shah.*deactivated/ }).waitFor();
    await agent.reload();
    await agent.getByRole('button', { name: 'Sign in' }).waitFor();
  });

  it('the set-up page passes axe', async () => {
    const page = await (await browser.newContext({ bypassCSP: true })).newPage();
    await page.goto(`${company.url}/setup?token=unused`);
    await page.getByRole('heading', { name: 'Set up Baton' }).waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
  });
});
