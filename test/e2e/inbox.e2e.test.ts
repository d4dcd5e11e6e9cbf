/**
 * The agent inbox as agents use it, in real Chromium at desk and phone sizes: a queue of five
 * handoffs worked start to finish with the keyboard alone; the reply box always on screen below
 * the packet, following new messages; Enter sends; a note does not turn the next reply into a
 * note; list and conversation as two screens on a phone; earlier conversations as dated links; the
 * trace's knowledge line agreeing with the policy line.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/browser.ts';
import {
  agentApi,
  agentToken,
  type CustomerChat,
  customerWrites,
  desk,
  handedOver,
  overflowsSideways,
  phone,
  signInOnPage,
} from '../support/desk.ts';
import { eventually, request } from '../support/http.ts';
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

const SAM = 'sam@acme.test';

const openInbox = async (viewport: { width: number; height: number }, path = '/agent'): Promise<Page> => {
  const page = await (await browser.newContext({ viewport })).newPage();
  await page.goto(`${baton.url}${path}`);
  await signInOnPage(page, baton, SAM);
  await page.locator('.inbox').waitFor();
  return page;
};

const handOver = async (text: string, externalId?: string): Promise<CustomerChat> => {
  const chat = await customerWrites(baton, text, externalId ? { externalId } : {});
  await handedOver(baton, chat);
  return chat;
};

const customerView = async (chat: CustomerChat) =>
  (await request(baton.url, 'GET', `/api/widget/conversations/${chat.id}`, { token: chat.token })).body as {
    state: string;
    messages: { author: string; kind: string; body: string }[];
  };

const openedId = (page: Page): string | null => new URL(page.url()).searchParams.get('c');

const focusedIs = (page: Page, check: string) =>
  page.evaluate((selector) => document.activeElement?.matches(selector) ?? false, check);

/** Whether the element's box lies within the window, top and bottom. */
const onScreen = async (page: Page, selector: string): Promise<boolean> => {
  const box = await page.locator(selector).first().boundingBox();
  const height = page.viewportSize()?.height ?? 0;
  return box !== null && box.y >= 0 && box.y + box.height <= height + 1;
};

describe('the inbox', () => {
  it('works a queue of five handoffs start to finish with the keyboard alone', async () => {
    // Sam's teammates step away, so the queue hands every one of the five to Sam or keeps it for Sam.
    for (const email of ['maya@acme.test', 'leo@acme.test']) {
      const away = await agentApi(baton, await agentToken(baton, email), 'PUT', '/api/agents/me/status', {
        status: 'away',
      });
      expect(away.status).toBe(200);
    }
    const chats = await Promise.all(
      [1, 2, 3, 4, 5].map((n) => handOver(`I want to talk to a person about parcel ${n}`)),
    );
    const page = await (await browser.newContext({ viewport: desk })).newPage();
    await page.goto(`${baton.url}/agent`);
    // Sign in by keyboard: the email field is the first stop.
    await page.getByLabel('Email').waitFor();
    await page.keyboard.press('Tab');
    await page.keyboard.type(SAM);
    await page.keyboard.press('Tab');
    await page.keyboard.type('sam-demo-pass');
    await page.keyboard.press('Enter');
    await page.getByTestId('conversation-row').first().waitFor();

    await page.keyboard.press('?');
    const help = page.getByTestId('shortcut-help');
    await help.getByRole('heading', { name: 'Keyboard shortcuts' }).waitFor();
    await page.keyboard.press('Escape');
    await help.waitFor({ state: 'hidden' });

    await page.keyboard.press('j');
    const worked: string[] = [];
    for (let n = 0; n < chats.length; n += 1) {
      const id = await eventually(async () => openedId(page));
      worked.push(id);
      const pane = page.getByTestId('conversation-pane');
      await pane.getByTestId('handoff-packet').waitFor();
      // The list row has visible keyboard focus.
      await expect(focusedIs(page, '[data-testid="conversation-row"][aria-current="true"]')).resolves.toBe(
        true,
      );
      const outline = await page.evaluate(() => {
        const focused = document.activeElement;
        return focused ? getComputedStyle(focused).outlineStyle : 'none';
      });
      expect(outline).not.toBe('none');

      await page.keyboard.press('a');
      await pane.getByTestId('conversation-state').getByText('assigned').waitFor();
      await page.keyboard.press('r');
      await expect(focusedIs(page, 'textarea[aria-label="Reply to the customer"]')).resolves.toBe(true);
      await page.keyboard.type(`Hello, Sam here for conversation ${n + 1}.`);
      await page.keyboard.press('Enter');
      await pane
        .getByTestId('transcript')
        .getByText(`Hello, Sam here for conversation ${n + 1}.`)
        .waitFor();
      await page.keyboard.press('Escape');
      await page.keyboard.press('e');
      if (n < chats.length - 1) await eventually(async () => (openedId(page) !== id ? true : null));
      else await pane.getByTestId('conversation-state').getByText('resolved').waitFor();
    }

    expect(new Set(worked)).toEqual(new Set(chats.map((c) => c.id)));
    for (const chat of chats) {
      const view = await customerView(chat);
      expect(view.state).toBe('resolved');
      expect(view.messages.filter((m) => m.author === 'agent').map((m) => m.body)).toHaveLength(1);
      expect(view.messages.some((m) => m.body.startsWith('Hello, Sam here for conversation'))).toBe(true);
    }
  });

  it('keeps the reply box on screen below a long packet, and follows new messages', async () => {
    const chat = await handOver('I want to talk to a person, my order arrived broken and nobody answers me');
    for (const viewport of [desk, phone]) {
      const page = await openInbox(viewport, `/agent?c=${chat.id}`);
      await page.getByTestId('handoff-packet').waitFor();
      await expect(onScreen(page, '[data-testid="reply-box"]')).resolves.toBe(true);
      // The packet comes first: its head (team, question) is what the agent sees on opening.
      await expect(onScreen(page, '[data-testid="packet-question"]')).resolves.toBe(true);
      await expect(overflowsSideways(page)).resolves.toBe(false);
    }

    const page = await openInbox(phone, `/agent?c=${chat.id}`);
    await page.getByTestId('handoff-packet').waitFor();
    // The agent reads the packet at the top; new lines do not yank them away, a button offers them.
    for (const text of ['It is the blue kettle.', 'The lid is cracked.', 'I have photos if you need them.']) {
      await customerWrites(baton, text, { chat });
    }
    await page
      .getByTestId('transcript')
      .getByText('I have photos if you need them.')
      .waitFor({ state: 'attached' });
    const jump = page.getByRole('button', { name: 'New message ↓' });
    await jump.click();
    await eventually(
      async () => ((await onScreen(page, '.bubble >> text=I have photos')) ? true : null),
      5000,
    );
    // At the end, the next message scrolls into view by itself.
    await customerWrites(baton, 'Order 1042, by the way.', { chat });
    await page.getByTestId('transcript').getByText('Order 1042, by the way.').waitFor();
    await eventually(
      async () => ((await onScreen(page, '.bubble >> text=Order 1042, by the way.')) ? true : null),
      5000,
    );
    await expect(onScreen(page, '[data-testid="reply-box"]')).resolves.toBe(true);
  });

  it('sends on Enter, adds a line on Shift+Enter, and goes back to replying after an internal note', async () => {
    const chat = await handOver('Can I speak to a human about my refund?');
    const page = await openInbox(desk);
    await page
      .locator('[data-testid="conversation-row"]', { hasText: 'speak to a human about my refund' })
      .click();
    // Opening a conversation from the list puts focus in the reply box.
    await eventually(async () =>
      (await focusedIs(page, 'textarea[aria-label="Reply to the customer"]')) ? true : null,
    );

    await page.keyboard.press('Escape');
    await page.keyboard.press('n');
    await expect(focusedIs(page, 'textarea[aria-label="Internal note"]')).resolves.toBe(true);
    await page.keyboard.type('Checked the order: refund is due.');
    await page.keyboard.press('Enter');
    const transcript = page.getByTestId('transcript');
    await transcript.locator('[data-kind="note"]', { hasText: 'Checked the order' }).waitFor();
    await expect(page.locator('textarea[aria-label="Internal note"]').count()).resolves.toBe(0);
    await expect(page.getByRole('checkbox', { name: 'Internal note' }).isChecked()).resolves.toBe(false);

    const reply = page.getByLabel('Reply to the customer');
    await reply.focus();
    await page.keyboard.type('Your refund is on its way.');
    await page.keyboard.press('Shift+Enter');
    await page.keyboard.type('It takes 3–5 working days.');
    await page.keyboard.press('Enter');
    await transcript.getByText('Your refund is on its way.').waitFor();
    await eventually(async () => ((await reply.inputValue()) === '' ? true : null), 5000);
    const view = await customerView(chat);
    expect(view.messages.map((m) => m.body)).toContain(
      'Your refund is on its way.\nIt takes 3–5 working days.',
    );
    expect(view.messages.map((m) => m.body)).not.toContain('Checked the order: refund is due.');
  });

  it('shows the list and the conversation as two screens on a phone', async () => {
    await handOver('Please put me through to a real person');
    const page = await openInbox(phone);
    const list = page.locator('#list-title');
    await expect(list.isVisible()).resolves.toBe(true);
    await expect(page.getByTestId('conversation-pane').count()).resolves.toBe(0);
    await expect(overflowsSideways(page)).resolves.toBe(false);

    const menu = page.getByRole('button', { name: 'Menu' });
    await expect(menu.getAttribute('aria-expanded')).resolves.toBe('false');
    await menu.click();
    await page.getByRole('navigation', { name: 'Views' }).waitFor();
    await page.getByRole('button', { name: 'Team queue' }).click();

    await page.locator('[data-testid="conversation-row"]', { hasText: 'real person' }).first().click();
    await page.getByTestId('handoff-packet').waitFor();
    await expect(list.isVisible()).resolves.toBe(false);
    await expect(overflowsSideways(page)).resolves.toBe(false);
    await page.getByRole('button', { name: '← Conversations' }).click();
    await list.waitFor();
    await expect(page.getByTestId('conversation-pane').count()).resolves.toBe(0);
  });

  it('lists the customer’s earlier conversations with their dates, as links that open them', async () => {
    const sam = await agentToken(baton, SAM);
    const first = await handOver('I want to talk to a person about my last invoice', 'cus_ana');
    await agentApi(baton, sam, 'POST', `/api/inbox/conversations/${first.id}/resolve`);
    const second = await handOver('I want to talk to a person again, please', 'cus_ana');

    const page = await openInbox(desk, `/agent?c=${second.id}`);
    const recent = page.getByTestId('packet-recent');
    const link = recent.getByRole('link').first();
    await link.waitFor();
    await expect(link.textContent()).resolves.toMatch(/ · resolved \d{1,2} [A-Z][a-z]{2} \d{4}$/);
    await expect(link.getAttribute('href')).resolves.toBe(`/agent?c=${first.id}`);
    await link.click();
    await eventually(async () => (openedId(page) === first.id ? true : null));
    await page.getByTestId('conversation-state').getByText('resolved').waitFor();
    await page.goBack();
    await eventually(async () => (openedId(page) === second.id ? true : null));
  });

  it('words the knowledge line of the trace so that it agrees with the policy’s answer threshold', async () => {
    const chat = await handOver('I need a person: can I pay for my kettle with seashells from the moon?');
    const page = await openInbox(desk, `/agent?c=${chat.id}`);
    const trace = page.getByTestId('decision-trace');
    await trace.locator('summary').first().click();
    const knowledge = (await trace.getByTestId('trace-knowledge').textContent()) ?? '';
    const policy = (await trace.locator('p.muted').last().textContent()) ?? '';
    expect(policy).toMatch(/sends a drafted answer at \d+% confidence or more/);
    // The answerer declined on its own evidence rule: no confidence figure to set against the policy's bar.
    expect(knowledge).toMatch(/^Knowledge: no answer drafted/);
    expect(knowledge).not.toMatch(/\d+% confidence/);
  });
});
