/**
 * Typing indicators from the desk to the customer, in real Chromium: while the agent writes a
 * reply in the inbox, the customer's chat shows "<agent> is typing…"; it goes once they stop.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/browser.ts';
import { agentApi, agentToken, desk, phone, signInOnPage } from '../support/desk.ts';
import { eventually } from '../support/http.ts';
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

const chatConversationId = async (page: Page): Promise<string> => {
  const stored: unknown = JSON.parse(
    (await page.evaluate(() => localStorage.getItem('baton.chat'))) ?? 'null',
  );
  if (typeof stored !== 'object' || stored === null || !('conversationId' in stored)) {
    throw new Error('no chat session stored');
  }
  return String(stored.conversationId);
};

describe('typing indicators', () => {
  it('shows the customer that the agent is writing a reply, and stops when they stop', async () => {
    const chat = await (await browser.newContext({ viewport: phone })).newPage();
    await chat.goto(`${baton.url}/chat`);
    await chat.getByLabel('Your message').fill('I want to talk to a person about my parcel');
    await chat.keyboard.press('Enter');
    await chat.locator('[data-testid="message"]').nth(1).waitFor({ timeout: 20_000 });
    const id = await eventually(async () => chatConversationId(chat).catch(() => null));
    const admin = await agentToken(baton, 'sam@acme.test');
    await eventually(async () => {
      const taken = await agentApi(baton, admin, 'POST', `/api/inbox/conversations/${id}/take-over`);
      return taken.status === 200 ? true : null;
    });

    const inbox = await (await browser.newContext({ viewport: desk })).newPage();
    await inbox.goto(`${baton.url}/agent?c=${id}`);
    await signInOnPage(inbox, baton, 'sam@acme.test');
    const box = inbox.getByLabel('Reply to the customer');
    await box.click();
    await inbox.keyboard.type('Let me check where your parcel is', { delay: 30 });

    await chat.getByTestId('typing').getByText('Sam Rivera is typing…').waitFor({ timeout: 10_000 });
    // The indicator lasts a few seconds after the last signal, then goes.
    await chat.getByTestId('typing').waitFor({ state: 'detached', timeout: 20_000 });
    await expect(chat.getByText('Let me check where your parcel is').count()).resolves.toBe(0);
    await inbox.context().close();
    await chat.context().close();
  });
});
