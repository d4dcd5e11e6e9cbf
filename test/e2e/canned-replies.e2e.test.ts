/**
 * Canned replies in real Chromium at desk and phone sizes: ops keep them on their page (the
 * server's refusal shown in words, edit, delete), the inbox menu links there for ops only, and an
 * agent picks one in the reply box by keyboard — `/` in an empty reply, filter by title, Enter —
 * with what Baton could not fill left visible and selected to type over. axe finds nothing serious.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/browser.ts';
import {
  agentApi,
  agentToken,
  customerWrites,
  desk,
  handedOver,
  overflowsSideways,
  phone,
  seriousAxeViolations,
  signInOnPage,
} from '../support/desk.ts';
import { setAgentsAway, startTestBaton, type TestBaton } from '../support/test-baton.ts';

let baton: TestBaton;
let browser: Browser;
let conversationId: string;

beforeAll(async () => {
  [baton, browser] = await Promise.all([startTestBaton({ withWeb: true }), launchChromium()]);
  const ops = await agentToken(baton, 'olu@acme.test');
  for (const [title, body] of [
    ['Refund on its way', 'Hi {{customer.first_name}}, your refund is on its way. {{agent.first_name}}'],
    ['Delivery delayed', 'Sorry for the wait: your parcel is delayed by the carrier.'],
  ] as const) {
    const saved = await agentApi(baton, ops, 'POST', '/api/canned-replies', {
      teamKey: 'billing',
      title,
      body,
    });
    if (saved.status !== 201) throw new Error(`saving a canned reply failed: ${saved.status}`);
  }
  // Nobody else is assigned the handoff, so Sam (admin) may reply to it.
  await setAgentsAway(baton, ['maya@acme.test', 'leo@acme.test']);
  const chat = await customerWrites(baton, 'I want to speak to a human about a refund please');
  await handedOver(baton, chat);
  conversationId = chat.id;
  // Starting Baton and Chromium and an AI turn can outlast the default on a busy machine.
}, 240_000);
afterAll(async () => {
  await browser?.close();
  await baton?.close();
});

const signedIn = async (viewport: { width: number; height: number }, path: string, email: string) => {
  const page = await (await browser.newContext({ viewport })).newPage();
  await page.goto(`${baton.url}${path}`);
  await signInOnPage(page, baton, email);
  return page;
};

const focusedLabel = (page: Page) =>
  page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.id);

/**
 * Opens the conversation's reply box by keyboard, `/` in the empty reply opens the picker with the
 * cursor in its filter, and "refund" leaves the one reply that matches.
 */
const filterPickerToRefund = async (page: Page): Promise<void> => {
  await page.getByTestId('conversation-pane').waitFor();
  await page.keyboard.press('r');
  await expect.poll(() => focusedLabel(page)).toBe('Reply to the customer');
  await page.keyboard.press('/');
  await page.getByTestId('canned-picker').waitFor();
  await expect.poll(() => page.getByTestId('canned-option').count(), { timeout: 15_000 }).toBe(2);
  await page.keyboard.type('refund');
  await expect.poll(() => page.getByTestId('canned-option').allTextContents()).toHaveLength(1);
};

describe('the canned replies page', () => {
  for (const [size, viewport] of [
    ['desk', desk],
    ['phone', phone],
  ] as const) {
    it(`lets ops write, correct, edit and delete a team's reply (${size})`, async () => {
      const page = await signedIn(viewport, '/canned-replies', 'olu@acme.test');
      await page.getByRole('heading', { name: 'Billing' }).waitFor();
      await expect(page.getByText('Refund on its way').first().isVisible()).resolves.toBe(true);
      const title = `Address change ${size}`;

      await page.getByRole('button', { name: 'New canned reply' }).click();
      await page.getByLabel('Team').selectOption('orders');
      await page.getByLabel('Title (what agents type to find it)').fill(title);
      // A placeholder Baton cannot fill is refused by the server, in words naming it.
      await page
        .getByLabel('Reply', { exact: true })
        .fill('Hi {{customer.nickname}}, we changed the address.');
      await expect(page.getByRole('form', { name: 'New canned reply' }).textContent()).resolves.toContain(
        '{{customer.first_name}}',
      );
      await page.getByRole('button', { name: 'Save reply' }).click();
      const alert = page.getByRole('alert');
      await alert.waitFor();
      await expect(alert.textContent()).resolves.toContain('Unknown placeholder {{customer.nickname}}');
      expect(await seriousAxeViolations(page)).toEqual([]);

      await page
        .getByLabel('Reply', { exact: true })
        .fill('Hi {{customer.first_name}}, we changed the address.');
      await page.getByRole('button', { name: 'Save reply' }).click();
      const orders = page.locator('section', {
        has: page.getByRole('heading', { name: 'Orders & delivery' }),
      });
      await orders.getByText(title).waitFor();

      await orders.getByRole('button', { name: `Edit ${title}` }).click();
      await page.getByLabel('Title (what agents type to find it)').fill(`${title} (new)`);
      await page.getByRole('button', { name: 'Save changes' }).click();
      await orders.getByText(`${title} (new)`).waitFor();
      await expect(overflowsSideways(page)).resolves.toBe(false);
      expect(await seriousAxeViolations(page)).toEqual([]);

      await orders.getByRole('button', { name: `Delete ${title} (new)` }).click();
      await orders.getByRole('button', { name: `Delete “${title} (new)”` }).click();
      await expect.poll(() => orders.getByText(`${title} (new)`).count(), { timeout: 15_000 }).toBe(0);
      await page.close();
    });
  }

  it('is linked from the inbox menu for ops, not for agents, and refused to agents', async () => {
    const ops = await signedIn(desk, '/agent', 'olu@acme.test');
    await ops.getByRole('link', { name: 'Canned replies' }).click();
    await ops.getByRole('heading', { name: 'Canned replies', level: 1 }).waitFor();
    await ops.close();

    const agent = await signedIn(desk, '/agent', 'maya@acme.test');
    await agent.getByRole('navigation', { name: 'Views' }).waitFor();
    await expect(agent.getByRole('link', { name: 'Canned replies' }).count()).resolves.toBe(0);
    await agent.goto(`${baton.url}/canned-replies`);
    await agent.getByText('Canned replies are kept by ops and admins.').waitFor();
    await agent.close();
  });
});

describe('the canned-reply picker', () => {
  for (const [size, viewport] of [
    ['desk', desk],
    ['phone', phone],
  ] as const) {
    it(`picks a reply by keyboard and leaves what it could not fill to type over (${size})`, async () => {
      const page = await signedIn(viewport, `/agent?c=${conversationId}`, 'sam@acme.test');
      await filterPickerToRefund(page);
      expect(await seriousAxeViolations(page)).toEqual([]);
      const picker = page.getByTestId('canned-picker');
      await page.keyboard.press('Enter');

      // The agent's name is filled; the anonymous customer's name is left, listed and selected.
      const box = page.getByLabel('Reply to the customer');
      await expect
        .poll(() => box.inputValue())
        .toBe('Hi {{customer.first_name}}, your refund is on its way. Sam');
      await expect(page.getByTestId('reply-unfilled').textContent()).resolves.toContain(
        '{{customer.first_name}}',
      );
      await expect(picker.count()).resolves.toBe(0);
      await page.keyboard.type('Alex');
      await expect.poll(() => box.inputValue()).toBe('Hi Alex, your refund is on its way. Sam');
      await expect(page.getByTestId('reply-unfilled').count()).resolves.toBe(0);
      await expect(overflowsSideways(page)).resolves.toBe(false);
      await page.keyboard.press('Enter');
      await expect
        .poll(() => page.getByTestId('transcript').textContent(), { timeout: 15_000 })
        .toContain('Hi Alex, your refund is on its way.');

      // The button opens it too; Escape closes it and gives the reply box its focus back.
      await page.getByRole('button', { name: 'Canned reply' }).click();
      await picker.waitFor();
      await page.keyboard.press('Escape');
      await expect(picker.count()).resolves.toBe(0);
      await expect.poll(() => focusedLabel(page)).toBe('Reply to the customer');
      await page.close();
      // A sign-in, a sent reply and the picker opened twice: on a machine busy with other work this
      // outlasted the default minute once (3.5–4 s when quiet).
    }, 120_000);
  }

  it('keeps the letters typed straight after picking: the placeholder is selected before the next key', async () => {
    const page = await signedIn(desk, `/agent?c=${conversationId}`, 'sam@acme.test');
    await filterPickerToRefund(page);
    // An agent who knows the reply types the name at once, without waiting for the screen.
    await page.keyboard.press('Enter');
    await page.keyboard.type('Jo');
    await expect
      .poll(() => page.getByLabel('Reply to the customer').inputValue())
      .toBe('Hi Jo, your refund is on its way. Sam');
    await page.close();
  }, 120_000);

  it('lists the picker key in the ? sheet', async () => {
    const page = await signedIn(desk, '/agent', 'sam@acme.test');
    await page.getByRole('navigation', { name: 'Views' }).waitFor();
    await page.keyboard.press('?');
    const sheet = page.getByTestId('shortcut-help');
    await sheet.waitFor();
    await expect(sheet.textContent()).resolves.toContain('Pick a canned reply');
    await page.close();
  });
});
