/**
 * CSAT in the customer's chat, in real Chromium: after a person resolves the conversation the chat
 * asks how it went, the customer picks stars and writes a comment, and the chat thanks them — the
 * rating stored once, and still shown as given after a reload.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/browser.ts';
import { agentApi, agentToken, chatConversationIdOf, phone, seriousAxeViolations } from '../support/desk.ts';
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

describe('rating a resolved conversation in the chat', () => {
  it('asks after the resolution, takes stars and a comment, and thanks the customer', async () => {
    // bypassCSP: axe-core is injected as an inline script, which the chat's CSP rightly refuses.
    const page = await (await browser.newContext({ viewport: phone, bypassCSP: true })).newPage();
    await page.goto(`${baton.url}/chat`);
    await page.getByLabel('Your message').fill('I want to talk to a real person');
    await page.keyboard.press('Enter');
    await page.locator('[data-kind="handoff"]').waitFor({ timeout: 20_000 });
    expect(await page.getByTestId('rating-prompt').count()).toBe(0);

    const id = await chatConversationIdOf(page);
    // Automatic assignment may have given it to a colleague: the admin takes it over.
    const sam = await agentToken(baton, 'sam@acme.test');
    expect((await agentApi(baton, sam, 'POST', `/api/inbox/conversations/${id}/take-over`)).status).toBe(200);
    await agentApi(baton, sam, 'POST', `/api/inbox/conversations/${id}/replies`, {
      text: 'Hi, Sam here. Your refund is on its way.',
    });
    expect((await agentApi(baton, sam, 'POST', `/api/inbox/conversations/${id}/resolve`)).status).toBe(200);

    const prompt = page.getByTestId('rating-prompt');
    await prompt.getByText('How did we do?').waitFor({ timeout: 10_000 });
    await expect(seriousAxeViolations(page)).resolves.toEqual([]);
    const send = prompt.getByRole('button', { name: 'Send rating' });
    await expect(send.isDisabled()).resolves.toBe(true);
    await prompt.getByLabel('4 – Good').check({ force: true });
    await prompt.getByLabel('Anything to add? (optional)').fill('Sam sorted it quickly.');
    await send.click();

    await page.getByTestId('rating-thanks').getByText('4 out of 5').waitFor({ timeout: 10_000 });
    expect(await prompt.count()).toBe(0);
    const rated = (await baton.store.events.list(id)).filter((event) => event.type === 'rated');
    expect(rated.map((event) => event.data)).toEqual([
      expect.objectContaining({ rating: 4, comment: 'Sam sorted it quickly.' }),
    ]);

    await page.reload();
    await page.getByTestId('rating-thanks').waitFor({ timeout: 10_000 });
    expect(await page.getByTestId('rating-prompt').count()).toBe(0);
  });
});
