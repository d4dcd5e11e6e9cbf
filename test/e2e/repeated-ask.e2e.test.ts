/**
 * SPEC §4/§5 in the live chat, in real Chromium: a customer who asks the same thing a third time in
 * different words is handed to a person (reason `repeated_ask`), and the agent's packet names the
 * earlier asks — the default policy escalates on the second repeat.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/browser.ts';
import { signInOnPage } from '../support/desk.ts';
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

const ask = async (page: Page, text: string) => {
  await page.getByLabel('Your message').fill(text);
  await page.getByRole('button', { name: 'Send' }).click();
};

const aiAnswers = (page: Page) => page.locator('[data-testid="message"][data-author="ai"]');

describe('a question asked three times in different words', () => {
  it('is answered twice, then handed over with repeated_ask and the earlier asks as evidence', async () => {
    const customer = await (await browser.newContext()).newPage();
    await customer.goto(`${baton.url}/chat`);

    await ask(customer, 'how do I get a copy of my invoice');
    await aiAnswers(customer).nth(0).waitFor({ timeout: 15_000 });
    await ask(customer, 'where can I download the receipt for my order');
    await aiAnswers(customer).nth(1).waitFor({ timeout: 15_000 });
    expect(await customer.locator('[data-testid="message"][data-kind="handoff"]').count()).toBe(0);

    await ask(customer, 'I still need that invoice, can you just send it');
    const handoff = customer.locator('[data-testid="message"][data-kind="handoff"]');
    await handoff.waitFor({ timeout: 15_000 });
    expect(await handoff.textContent()).toContain('I still need that invoice');

    const admin = baton.agents.find((a) => a.role === 'admin') ?? baton.agents[0];
    if (!admin) throw new Error('no demo agent');
    const agent = await (await browser.newContext()).newPage();
    await agent.goto(`${baton.url}/agent`);
    await signInOnPage(agent, baton, admin.email);
    await agent
      .locator('[data-testid="conversation-row"]', { hasText: 'I still need that invoice' })
      .first()
      .click();
    const reasons = agent.getByTestId('packet-reasons');
    await reasons.waitFor();
    const text = (await reasons.textContent()) ?? '';
    expect(text).toMatch(/asked more than once/i);
    expect(text).toContain('how do I get a copy of my invoice');
    expect(text).toContain('where can I download the receipt for my order');
  });
});
