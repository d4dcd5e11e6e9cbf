/**
 * "Did that answer your question?" under the AI's answer, in real Chromium at phone width: Yes
 * resolves the conversation as the AI's at once and the chat asks for a rating; No asks for a person
 * in the customer's name and the conversation is handed over with the whole transcript. The choice
 * is offered only while the AI's answer is the latest word; an agent opening a confirmed
 * conversation reads that the customer confirmed it.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/browser.ts';
import {
  chatConversationIdOf,
  desk,
  overflowsSideways,
  phone,
  seriousAxeViolations,
  signInOnPage,
} from '../support/desk.ts';
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

/** A fresh chat that asks one question and waits for the AI's answer. */
const answeredChat = async (question: string): Promise<Page> => {
  // bypassCSP: axe-core is injected as an inline script, which the chat's CSP rightly refuses.
  const page = await (await browser.newContext({ viewport: phone, bypassCSP: true })).newPage();
  await page.goto(`${baton.url}/chat`);
  expect(await page.getByTestId('answer-check').count()).toBe(0);
  await page.getByLabel('Your message').fill(question);
  await page.keyboard.press('Enter');
  await page.locator('[data-testid="message"][data-author="ai"]').first().waitFor({ timeout: 20_000 });
  await page.getByTestId('answer-check').waitFor({ timeout: 10_000 });
  return page;
};

describe('the answer check under the AI’s answer', () => {
  it('Yes resolves the conversation as the AI’s and asks for a rating', async () => {
    const page = await answeredChat('How long does standard shipping take?');
    await expect(seriousAxeViolations(page)).resolves.toEqual([]);
    await expect(overflowsSideways(page)).resolves.toBe(false);
    await page.getByRole('button', { name: 'Yes, thanks' }).click();

    await page.getByTestId('rating-prompt').getByText('How did we do?').waitFor({ timeout: 10_000 });
    expect(await page.getByTestId('answer-check').count()).toBe(0);
    const id = await chatConversationIdOf(page);
    expect(await baton.store.conversations.getById(id)).toMatchObject({
      state: 'resolved',
      resolution: 'ai',
    });
    const resolved = (await baton.store.events.list(id)).filter((event) => event.type === 'resolved');
    expect(resolved.map((event) => event.data.by)).toEqual(['ai_confirmed']);

    // After a reload the choice is not offered again: the conversation is resolved.
    await page.reload();
    await page.getByTestId('rating-prompt').waitFor({ timeout: 10_000 });
    expect(await page.getByTestId('answer-check').count()).toBe(0);

    // An agent opening the conversation reads how it was resolved.
    const agentPage = await (await browser.newContext({ viewport: desk })).newPage();
    await agentPage.goto(`${baton.url}/agent?c=${id}`);
    await signInOnPage(agentPage, baton, 'maya@acme.test');
    await agentPage
      .getByText(
        'Resolved by the AI: the customer said its answer solved it. A reply from the customer reopens it.',
      )
      .waitFor({ timeout: 15_000 });
  });

  it('No asks for a person in the customer’s name, and the conversation is handed over', async () => {
    const page = await answeredChat('What payment methods do you accept?');
    await page.getByRole('button', { name: 'No, I need a person' }).click();

    const handoff = page.locator('[data-testid="message"][data-kind="handoff"]');
    await handoff.waitFor({ timeout: 20_000 });
    expect(await page.getByTestId('answer-check').count()).toBe(0);
    const id = await chatConversationIdOf(page);
    const customerWords = (await baton.store.messages.list(id))
      .filter((message) => message.author === 'customer')
      .map((message) => message.body);
    expect(customerWords).toEqual([
      'What payment methods do you accept?',
      'That did not answer my question. I would like to talk to a person, please.',
    ]);
    const handedOver = (await baton.store.events.list(id)).find((event) => event.type === 'handed_over');
    expect(JSON.stringify(handedOver?.data.reasons)).toContain('human_requested');
    expect((await baton.store.conversations.getById(id))?.state).toMatch(/queued|assigned/);
  });
});
