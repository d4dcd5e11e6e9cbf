/**
 * The ops console in real Chromium: the admin follows the inbox link, is refused an invalid policy
 * with the path named, publishes a valid one and sees it in the history; a template set without
 * the expectations part is refused, a good one saved; integration health shows Ana's lookups. The
 * admin compares two versions and rolls back to an earlier one with a why. A frontline agent sees
 * everything read-only.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { signCustomerIdentity } from '../../src/server/auth/customer-identity.ts';
import { launchChromium } from '../support/browser.ts';
import { eventually, request } from '../support/http.ts';
import { startTestBaton, TEST_SECRET, type TestBaton } from '../support/test-baton.ts';

let baton: TestBaton;
let browser: Browser;

beforeAll(async () => {
  [baton, browser] = await Promise.all([startTestBaton({ withWeb: true }), launchChromium()]);
});
afterAll(async () => {
  await browser?.close();
  await baton?.close();
});

const openOps = async (email: string, password: string): Promise<Page> => {
  const page = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
  await page.goto(`${baton.url}/agent`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('link', { name: 'Ops console' }).click();
  await page.waitForURL(/\/ops$/);
  await page.getByTestId('policy-current').waitFor({ timeout: 15_000 });
  return page;
};

/** Ana, identified by the company's backend, asks about a charge and is handed to Billing. */
const anaIsHandedOver = async () => {
  const identity = { externalId: 'cus_ana', identitySignature: signCustomerIdentity(TEST_SECRET, 'cus_ana') };
  const started = await request(baton.url, 'POST', '/api/widget/conversations', { body: identity });
  const id = (started.body.conversation as { id: string }).id;
  const token = String(started.body.token);
  await request(baton.url, 'POST', `/api/widget/conversations/${id}/messages`, {
    token,
    body: { text: "Why is this month's charge different from last month's?" },
  });
  await eventually(async () => {
    const view = await request(baton.url, 'GET', `/api/widget/conversations/${id}`, { token });
    return view.body.state === 'queued' || view.body.state === 'assigned' ? view : null;
  });
};

describe('the ops console', () => {
  it('edits the policy and the handoff wording with every problem named, and shows integration health', async () => {
    const page = await openOps('sam@acme.test', 'sam-demo-pass');
    await expect(page.getByTestId('policy-current').textContent()).resolves.toContain('Version 1');

    const editor = page.getByLabel('Policy (YAML)');
    const document = parse(await editor.inputValue());
    document.categories.refund.threshold = 1.5;
    await editor.fill(stringify(document));
    await page.getByLabel('Why this change (required)').fill('stricter refunds');
    await page.getByRole('button', { name: 'Save policy' }).click();
    const problems = page.getByTestId('policy-problems');
    await problems.waitFor();
    await expect(problems.textContent()).resolves.toContain('categories.refund.threshold');
    await expect(page.getByTestId('policy-history').locator('li').count()).resolves.toBe(1);

    document.categories.refund.threshold = 0.65;
    document.version = 'acme-ops-e2e';
    await editor.fill(stringify(document));
    await page.getByRole('button', { name: 'Save policy' }).click();
    await page.getByTestId('policy-saved').waitFor();
    await expect(page.getByTestId('policy-saved').textContent()).resolves.toContain('version 2');
    const history = page.getByTestId('policy-history');
    await expect(history.locator('li').count()).resolves.toBe(2);
    await expect(history.locator('li').first().textContent()).resolves.toMatch(
      /v2.*acme-ops-e2e.*Sam Rivera.*stricter refunds/,
    );

    const templates = page.getByLabel('Override (JSON)');
    await templates.fill(
      JSON.stringify({ message: 'You asked: “{question}”\n\n{lookups} {articles} {reasons}' }),
    );
    await page.getByLabel('Why this wording (required)').fill('shorter');
    await page.getByRole('button', { name: 'Save wording' }).click();
    const lint = page.getByTestId('templates-problems');
    await lint.waitFor();
    await expect(lint.textContent()).resolves.toContain('expectations');

    const sentence = 'You asked to talk to a person, so one of our named colleagues will take it from here.';
    await templates.fill(JSON.stringify({ reasons: { human_requested: sentence } }));
    await page.getByRole('button', { name: 'Save wording' }).click();
    await page.getByTestId('templates-saved').waitFor();
    await expect(page.getByTestId('templates-history').textContent()).resolves.toContain('shorter');

    await anaIsHandedOver();
    await page.getByRole('button', { name: 'Refresh' }).click();
    const rows = page.getByTestId('integration-row');
    await rows.first().waitFor();
    const table = (await page.getByTestId('integrations-table').textContent()) ?? '';
    expect(table).toContain('payment');
    expect(table).toContain('subscription');
  });

  it('compares two versions line by line and rolls back to an earlier one, saying why', async () => {
    // A version of its own to roll back from, so this test does not depend on the one before.
    const signedIn = await request(baton.url, 'POST', '/api/auth/sign-in', {
      body: { email: 'sam@acme.test', password: 'sam-demo-pass' },
    });
    const token = String(signedIn.body.token);
    const current = await request(baton.url, 'GET', '/api/ops/policy', { token });
    const document = parse(String(current.body.yaml));
    document.version = 'acme-loose-orders';
    document.categories.order_status.threshold = 0.3;
    await request(baton.url, 'PUT', '/api/ops/policy', {
      token,
      body: { yaml: stringify(document), note: 'answer more order questions' },
    });
    const latest = Number(current.body.version) + 1;

    const page = await openOps('sam@acme.test', 'sam-demo-pass');
    await page.getByLabel('From version', { exact: true }).selectOption(String(latest - 1));
    await page.getByLabel('To version', { exact: true }).selectOption(String(latest));
    await page.getByRole('button', { name: 'Show changes' }).click();
    const diff = page.getByTestId('policy-diff');
    await diff.waitFor();
    await expect(diff.locator('.ops-diff-added').allTextContents()).resolves.toEqual(
      expect.arrayContaining([expect.stringContaining('version: acme-loose-orders')]),
    );
    await expect(diff.locator('.ops-diff-removed').allTextContents()).resolves.toEqual(
      expect.arrayContaining([expect.stringContaining(`version: ${current.body.label}`)]),
    );

    await page.getByRole('button', { name: 'View v1', exact: true }).click();
    const view = page.getByTestId('policy-version-view');
    await view.waitFor();
    await expect(view.textContent()).resolves.toContain('Version 1');
    await page.getByRole('button', { name: 'Roll back to v1' }).click();
    await expect(view.getByRole('alert').textContent()).resolves.toContain('Say why');
    await page.getByLabel('Why roll back to version 1 (required)').fill('order answers went wrong');
    await page.getByRole('button', { name: 'Roll back to v1' }).click();
    await page.getByTestId('policy-rolled-back').waitFor();
    await expect(page.getByTestId('policy-rolled-back').textContent()).resolves.toContain(
      `Published version ${latest + 1}, the same policy as version 1`,
    );
    // The current version and the history are read again after the rollback: wait for them.
    await expect
      .poll(() => page.getByTestId('policy-current').textContent(), { timeout: 10_000 })
      .toMatch(new RegExp(`Version ${latest + 1}.*rollback to v1.*order answers went wrong`));
    await expect
      .poll(() => page.getByTestId('policy-history').locator('li').first().textContent(), { timeout: 10_000 })
      .toMatch(new RegExp(`v${latest + 1}.*rollback to v1.*order answers went wrong`));
  });

  it('shows a frontline agent everything read-only', async () => {
    const page = await openOps('maya@acme.test', 'maya-demo-pass');
    await page.getByTestId('ops-read-only').waitFor();
    await expect(page.getByLabel('Policy (YAML)').getAttribute('readonly')).resolves.not.toBeNull();
    await expect(page.getByRole('button', { name: 'Save policy' }).count()).resolves.toBe(0);
    await expect(page.getByRole('button', { name: 'Save wording' }).count()).resolves.toBe(0);
  });
});
