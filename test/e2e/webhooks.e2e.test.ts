/**
 * The ops console's webhook section in real Chromium (issue 12), against a receiver on 127.0.0.1
 * that verifies every signature: ops add an endpoint and see its secret once, send a test event
 * that fails once and is retried, watch the delivery log, and retry a failed delivery now.
 * A frontline agent does not see the section.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/browser.ts';
import { desk, seriousAxeViolations, signInOnPage } from '../support/desk.ts';
import { startTestBaton, type TestBaton } from '../support/test-baton.ts';
import { startWebhookReceiver, type WebhookReceiver } from '../support/webhook-receiver.ts';

let baton: TestBaton;
let browser: Browser;
let receiver: WebhookReceiver;

beforeAll(async () => {
  [baton, browser, receiver] = await Promise.all([
    startTestBaton({
      withWeb: true,
      webhookAllowPrivate: true,
      webhooks: {
        pollMs: 50,
        timeoutMs: 2000,
        retry: { maxAttempts: 2, firstRetryMs: 200, longestRetryMs: 400 },
      },
    }),
    launchChromium(),
    startWebhookReceiver(),
  ]);
});
afterAll(async () => {
  await browser?.close();
  await baton?.close();
  await receiver?.close();
});

const openOps = async (email: string): Promise<Page> => {
  const page = await (await browser.newContext({ viewport: desk })).newPage();
  await page.goto(`${baton.url}/ops`);
  await signInOnPage(page, baton, email);
  await page.getByTestId('llm-settings').waitFor({ timeout: 15_000 });
  return page;
};

describe('the webhooks section', () => {
  it('adds an endpoint, shows its secret once, delivers a signed test event after a retry, and retries a failed one now', async () => {
    const page = await openOps('olu@acme.test');
    const section = page.getByTestId('webhooks');
    await section.getByLabel('Receiver URL').fill(receiver.url);
    await section.getByRole('button', { name: 'Add endpoint' }).click();
    const shown = section.getByTestId('webhook-secret').locator('code');
    await shown.waitFor();
    receiver.secret = (await shown.textContent()) ?? '';
    expect(receiver.secret).toMatch(/^whsec_/);
    await section.getByTestId('webhook-endpoint').getByText(receiver.url).waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await section.getByRole('button', { name: 'I have stored it' }).click();
    await page.reload();
    await section.getByTestId('webhook-endpoint').waitFor();
    expect(await page.content()).not.toContain(receiver.secret);

    receiver.script = { statuses: [500], afterwards: 200 };
    await section.getByRole('button', { name: 'Send test event' }).click();
    const row = section.getByTestId('webhook-delivery').first();
    await row.getByTestId('webhook-delivery-state').getByText('delivered').waitFor({ timeout: 15_000 });
    await expect(row.locator('td').nth(4).textContent()).resolves.toBe('2');
    expect(receiver.received.map((request) => request.verified)).toEqual([true, true]);

    receiver.script = { statuses: [], afterwards: 503 };
    await section.getByRole('button', { name: 'Send test event' }).click();
    await row.getByTestId('webhook-delivery-state').getByText('failed').waitFor({ timeout: 15_000 });
    await row.getByText('HTTP 503 on attempt 2 of 2').waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    receiver.script = { statuses: [], afterwards: 204 };
    await row.getByRole('button', { name: 'Retry now' }).click();
    await row.getByTestId('webhook-delivery-state').getByText('delivered').waitFor({ timeout: 15_000 });
    expect(receiver.received).toHaveLength(5);
    expect(receiver.received.every((request) => request.verified)).toBe(true);
  });

  it('is not shown to a frontline agent', async () => {
    const page = await openOps('maya@acme.test');
    await page.getByTestId('ops-read-only').waitFor();
    expect(await page.getByTestId('webhooks').count()).toBe(0);
  });
});
