/**
 * Choosing a workspace in the browser (issue 10), on one install serving the Acme demo and a second
 * company: the sign-in page honours `?workspace=slug`, says where it signs in and shows the
 * server's message for a wrong slug; the second company's admin reaches their own, empty inbox.
 * The page passes axe (injected, so CSP is bypassed).
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setUpWorkspace } from '../../src/app/company/set-up-workspace.ts';
import { launchChromium } from '../support/browser.ts';
import { customerWrites, desk, handedOver, seriousAxeViolations } from '../support/desk.ts';
import { startTestBaton, type TestBaton } from '../support/test-baton.ts';

const NORTHWIND_ADMIN = {
  name: 'Nadia Okoro',
  email: 'nadia@northwind.example',
  password: 'steeped-leaves-42',
};

let baton: TestBaton;
let browser: Browser;

beforeAll(async () => {
  [baton, browser] = await Promise.all([startTestBaton({ withWeb: true }), launchChromium()]);
  await setUpWorkspace(baton.store, { slug: 'northwind', name: 'Northwind Tea', admin: NORTHWIND_ADMIN });
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await baton?.close();
});

describe('signing in to a named workspace', () => {
  it('signs the second company’s admin in to their own empty inbox from ?workspace=', async () => {
    // A customer waits in the default (Acme) workspace: the Northwind inbox must not show them.
    await handedOver(baton, await customerWrites(baton, 'I want to talk to a person about my order please'));
    const page = await (await browser.newContext({ viewport: desk, bypassCSP: true })).newPage();
    await page.goto(`${baton.url}/agent?workspace=northwind`);
    await expect.poll(() => page.getByLabel('Workspace').inputValue()).toBe('northwind');
    await page.getByText('Signing in to the workspace “northwind”.').waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.getByLabel('Email').fill(NORTHWIND_ADMIN.email);
    await page.getByLabel('Password').fill(NORTHWIND_ADMIN.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText('Nobody is waiting here.').first().waitFor({ timeout: 20_000 });
    expect(await page.getByText('my order please').count()).toBe(0);
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  it('shows the server’s message for a slug that names no workspace, and the default when empty', async () => {
    const page = await (await browser.newContext({ viewport: desk })).newPage();
    await page.goto(`${baton.url}/agent?workspace=nowhere`);
    await page.getByLabel('Email').fill(NORTHWIND_ADMIN.email);
    await page.getByLabel('Password').fill(NORTHWIND_ADMIN.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').filter({ hasText: 'Check the workspace slug' }).waitFor();

    // Emptied, the field means the install's default workspace, where Nadia has no account.
    await page.getByLabel('Workspace').fill('');
    await page.getByText("Signing in to this install's default workspace.").waitFor();
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).not.toContain('Check the workspace slug');
  });
});
