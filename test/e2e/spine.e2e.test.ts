/**
 * The spine as a person uses it, in real Chromium: a customer gets an AI answer with its source,
 * asks for a person and is handed over; an agent signs in, sees the conversation in the queue,
 * replies; both see each other's messages live; the agent resolves.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/browser.ts';
import { signInOnPage } from '../support/desk.ts';
import { setAgentsAway, startTestBaton, type TestBaton } from '../support/test-baton.ts';

let baton: TestBaton;
let browser: Browser;

beforeAll(async () => {
  [baton, browser] = await Promise.all([startTestBaton({ withWeb: true }), launchChromium()]);
  // The admin who replies below is the one on shift, so the handoff is assigned to them.
  await setAgentsAway(baton, ['maya@acme.test', 'leo@acme.test']);
});
afterAll(async () => {
  await browser?.close();
  await baton?.close();
});

const ask = async (page: Page, text: string) => {
  await page.getByLabel('Your message').fill(text);
  await page.getByRole('button', { name: 'Send' }).click();
};

describe('customer and agent, end to end', () => {
  it('answers "where is my order 1042?" from the knowledge base with the article it came from', async () => {
    const page = await (await browser.newContext()).newPage();
    await page.goto(`${baton.url}/chat`);
    await ask(page, 'where is my order 1042?');
    const answer = page.locator('[data-testid="message"][data-author="ai"]').first();
    await answer.waitFor({ timeout: 15_000 });
    await expect(answer.locator('[data-testid="citations"]').textContent()).resolves.toMatch(/Source: .+/);
  });

  it('hands a customer who asks for a person to an agent, who replies and resolves, all live', async () => {
    const customer = await (await browser.newContext()).newPage();
    await customer.goto(`${baton.url}/chat`);
    await ask(customer, 'I want to talk to a real person');
    const handoff = customer.locator('[data-testid="message"][data-kind="handoff"]');
    await handoff.waitFor({ timeout: 15_000 });
    const handoffText = (await handoff.textContent()) ?? '';
    expect(handoffText).toContain('I want to talk to a real person');
    expect(handoffText).not.toMatch(/^\s*please wait\.?\s*$/i);

    const admin = baton.agents.find((a) => a.role === 'admin') ?? baton.agents[0];
    if (!admin) throw new Error('no demo agent');
    const agent = await (await browser.newContext()).newPage();
    await agent.goto(`${baton.url}/agent`);
    await signInOnPage(agent, baton, admin.email);
    const row = agent.locator('[data-testid="conversation-row"]', {
      hasText: 'I want to talk to a real person',
    });
    await row.first().click();
    await agent.getByTestId('handoff-packet').waitFor();

    await agent.getByLabel('Reply to the customer').fill('Hello, this is a person. How can I help?');
    await agent.getByRole('button', { name: 'Send reply' }).click();
    // The customer sees the reply without reloading.
    await customer.getByText('Hello, this is a person. How can I help?').waitFor({ timeout: 10_000 });
    await customer
      .getByTestId('chat-status')
      .getByText(/talking with/)
      .waitFor();

    await ask(customer, 'My parcel arrived damaged.');
    await agent
      .getByTestId('transcript')
      .getByText('My parcel arrived damaged.')
      .waitFor({ timeout: 10_000 });

    await agent.getByRole('button', { name: 'Resolve', exact: true }).click();
    await agent.getByTestId('conversation-state').getByText('resolved').waitFor();
    await customer
      .getByTestId('chat-status')
      .getByText(/resolved/)
      .waitFor({ timeout: 10_000 });
  });
});
