/**
 * The customer chat as customers use it, in real Chromium on a phone (390 px) and a desk: the
 * newest message is always in view (the handoff included), Enter sends and Shift+Enter starts a
 * line, the AI's typing shows, "talking with" names a person only once they have written, and a
 * reassignment or resolution shows in the transcript, not only in the header.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { conversationDetailSchema } from '../../src/api/schemas.ts';
import { launchChromium } from '../support/browser.ts';
import { agentApi, agentToken, desk, overflowsSideways, phone } from '../support/desk.ts';
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

const openChat = async (viewport: { width: number; height: number }): Promise<Page> => {
  const page = await (await browser.newContext({ viewport })).newPage();
  await page.goto(`${baton.url}/chat`);
  return page;
};

const ask = async (page: Page, text: string) => {
  const before = await page.locator('[data-testid="message"]').count();
  await page.getByLabel('Your message').fill(text);
  await page.keyboard.press('Enter');
  // The customer's own line, then the AI's answer or handoff.
  await page
    .locator('[data-testid="message"]')
    .nth(before + 1)
    .waitFor({ timeout: 20_000 });
};

/** Whether an element is entirely inside the visible part of the chat's scrolling transcript. */
const fullyInView = (page: Page, selector: string): Promise<boolean> =>
  page.evaluate((target) => {
    const scroller = document.querySelector('[data-testid="chat-scroll"]');
    const elements = document.querySelectorAll(target);
    const element = elements[elements.length - 1];
    if (!scroller || !element) return false;
    const box = element.getBoundingClientRect();
    const view = scroller.getBoundingClientRect();
    return box.top >= view.top - 1 && box.bottom <= view.bottom + 1 && box.bottom <= window.innerHeight;
  }, selector);

const conversationIdOf = async (page: Page): Promise<{ id: string; token: string }> => {
  const stored = await page.evaluate(() => localStorage.getItem('baton.chat'));
  const session: unknown = JSON.parse(stored ?? 'null');
  if (
    typeof session !== 'object' ||
    session === null ||
    !('conversationId' in session) ||
    !('token' in session)
  ) {
    throw new Error('no chat session stored');
  }
  return { id: String(session.conversationId), token: String(session.token) };
};

describe('the customer chat', () => {
  it('sends a message again by itself when the server is briefly unavailable, and it is stored once', async () => {
    const page = await openChat(desk);
    await ask(page, 'Where is my order?');
    const { id } = await conversationIdOf(page);
    let attempts = 0;
    // The first attempt reaches the server and is stored, but its answer is lost behind a 503 (as
    // when a proxy gives up): the chat must try again with the same idempotency key.
    await page.route(`**/api/widget/conversations/${id}/messages`, async (route) => {
      if (route.request().method() !== 'POST') return route.continue();
      attempts += 1;
      if (attempts > 1) return route.continue();
      await route.fetch();
      return route.fulfill({
        status: 503,
        headers: { 'content-type': 'application/json', 'retry-after': '0' },
        body: JSON.stringify({
          error: { code: 'database_unavailable', message: 'Try again in a few seconds.' },
        }),
      });
    });
    // The answer to the first attempt can reach the chat over its socket before the retry is sent,
    // so the test waits for the retry's own (successful) response, not only for the answer.
    const retried = page.waitForResponse(
      (response) =>
        response.url().endsWith(`/api/widget/conversations/${id}/messages`) &&
        response.request().method() === 'POST' &&
        response.ok(),
    );
    await ask(page, 'And can I change the delivery address?');
    await retried;
    expect(attempts).toBe(2);
    const maya = await agentToken(baton, 'maya@acme.test');
    const stored = await agentApi(baton, maya, 'GET', `/api/inbox/conversations/${id}`);
    const { messages } = conversationDetailSchema.parse(stored.body);
    expect(messages.filter((m) => m.body === 'And can I change the delivery address?')).toHaveLength(1);
    await expect(page.getByRole('alert').count()).resolves.toBe(0);
  });

  it('keeps the newest message in view on a phone, the handoff message included, without sideways scrolling', async () => {
    const page = await openChat(phone);
    for (const question of [
      'where is my order 1042?',
      'how do I return an item?',
      'what are your shipping options and costs?',
    ]) {
      await ask(page, question);
      await expect(fullyInView(page, '[data-testid="message"]')).resolves.toBe(true);
    }
    await ask(page, 'I want to talk to a real person');
    await page.locator('[data-testid="message"][data-kind="handoff"]').waitFor();
    await expect(fullyInView(page, '[data-kind="handoff"]')).resolves.toBe(true);
    const scroll = await page.getByTestId('chat-scroll').evaluate((e) => ({
      overflows: e.scrollHeight > e.clientHeight,
      atEnd: e.scrollHeight - e.scrollTop - e.clientHeight <= 2,
    }));
    expect(scroll).toEqual({ overflows: true, atEnd: true });
    await expect(overflowsSideways(page)).resolves.toBe(false);
    // The page itself does not scroll: the transcript does, and the box to write stays on screen.
    const composer = await page.getByLabel('Your message').boundingBox();
    expect((composer?.y ?? 9999) + (composer?.height ?? 0)).toBeLessThanOrEqual(phone.height);
  });

  it('lets a keyboard user scroll the transcript: it takes focus and Home goes to the first line', async () => {
    const page = await openChat(phone);
    for (const question of ['how do I return an item?', 'what are your shipping options and costs?']) {
      await ask(page, question);
    }
    const transcript = page.getByRole('log', { name: 'Conversation' });
    await transcript.focus();
    await page.keyboard.press('Home');
    await eventually(async () => ((await transcript.evaluate((e) => e.scrollTop)) === 0 ? true : null), 5000);
  });

  it('sends on Enter and starts a new line on Shift+Enter', async () => {
    const page = await openChat(desk);
    const box = page.getByLabel('Your message');
    await box.click();
    await page.keyboard.type('My parcel arrived damaged.');
    await page.keyboard.press('Shift+Enter');
    await page.keyboard.type('The box was crushed.');
    await expect(page.locator('[data-testid="message"]').count()).resolves.toBe(0);
    await page.keyboard.press('Enter');
    const mine = page.locator('[data-testid="message"][data-author="customer"] .bubble-body');
    await mine.waitFor();
    await expect(mine.textContent()).resolves.toBe('My parcel arrived damaged.\nThe box was crushed.');
    await expect(box.inputValue()).resolves.toBe('');
  });

  it('answers thanks after an answer with a polite reply and keeps the conversation with the assistant', async () => {
    const page = await openChat(desk);
    await ask(page, 'How long does standard delivery take?');
    await ask(page, 'Great, thank you!');
    const last = page.locator('[data-testid="message"]').last();
    await expect(last.getAttribute('data-author')).resolves.toBe('ai');
    await expect(last.locator('.bubble-body').textContent()).resolves.toBe(
      'You’re welcome! Is there anything else I can help you with?',
    );
    const { id } = await conversationIdOf(page);
    const sam = await agentToken(baton, 'sam@acme.test');
    const detail = conversationDetailSchema.parse(
      (await agentApi(baton, sam, 'GET', `/api/inbox/conversations/${id}`)).body,
    );
    expect(detail.conversation.state).toBe('ai');
  });

  it('shows that the assistant is typing while it works on an answer', async () => {
    const page = await openChat(desk);
    await ask(page, 'where is my order 1042?');
    await page.evaluate(() => {
      const seen = { typing: '' };
      Object.assign(window, { seenTyping: seen });
      new MutationObserver(() => {
        const typing = document.querySelector('[data-testid="typing"]');
        if (typing) seen.typing = typing.textContent ?? '';
      }).observe(document.body, { childList: true, subtree: true });
    });
    await ask(page, 'how long does delivery take?');
    const seen = await page.evaluate(() => JSON.stringify(Reflect.get(window, 'seenTyping')));
    expect(JSON.parse(seen)).toEqual({ typing: 'Acme’s assistant is typing…' });
    await expect(page.getByTestId('typing').count()).resolves.toBe(0);
  });

  it('names a person only once they write, and shows a reassignment and the resolution in the transcript', async () => {
    const page = await openChat(phone);
    await ask(page, 'I want to talk to a real person');
    await page.locator('[data-kind="handoff"]').waitFor();
    const { id } = await conversationIdOf(page);
    const maya = await agentToken(baton, 'maya@acme.test');
    const status = page.getByTestId('chat-status');

    // Assigned, but Maya has not written: she has the conversation, the customer is not yet talking with her.
    expect((await agentApi(baton, maya, 'POST', `/api/inbox/conversations/${id}/pick-up`)).status).toBe(200);
    await status.getByText('Maya Chen', { exact: false }).waitFor({ timeout: 10_000 });
    await expect(status.textContent()).resolves.toMatch(/^Maya Chen .*has your conversation/);

    await agentApi(baton, maya, 'POST', `/api/inbox/conversations/${id}/replies`, {
      text: 'Hi, Maya here. Let me look at this.',
    });
    await status.getByText(/You’re talking with Maya Chen/).waitFor({ timeout: 10_000 });
    const notices = page.getByTestId('chat-notice');
    await notices.getByText('Maya Chen joined the conversation').waitFor();

    const agents = await agentApi(baton, maya, 'GET', '/api/inbox/agents');
    const sam = (agents.body.agents as { id: string; name: string }[]).find((a) => a.name === 'Sam Rivera');
    await agentApi(baton, maya, 'POST', `/api/inbox/conversations/${id}/reassign`, { agentId: sam?.id });
    await notices.getByText('Maya Chen passed your conversation to Sam Rivera.').waitFor({ timeout: 10_000 });
    await expect(status.textContent()).resolves.toMatch(/^Sam Rivera .*has your conversation/);

    const samToken = await agentToken(baton, 'sam@acme.test');
    await agentApi(baton, samToken, 'POST', `/api/inbox/conversations/${id}/resolve`);
    await notices.getByText(/This conversation was resolved/).waitFor({ timeout: 10_000 });
    // The rating prompt below the transcript arrives with the resolved state and shrinks the
    // transcript; the transcript follows on its next resize, so the check waits a few frames.
    await expect.poll(() => fullyInView(page, '[data-testid="chat-notice"]'), { timeout: 5_000 }).toBe(true);
  });
});
