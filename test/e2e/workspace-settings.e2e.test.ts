/**
 * The counting settings on /settings in real Chromium: Sam (admin) shortens the recontact window
 * with a note; the page says the change reaches past conversations, shows the new version in the
 * history, and the conversations already counted are queued to be counted again.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refreshConversationFacts } from '../../src/app/conversation-facts.ts';
import { launchChromium } from '../support/browser.ts';
import { desk, seriousAxeViolations, signInOnPage } from '../support/desk.ts';
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

describe('counting settings on the settings page', () => {
  it('lets an admin change the recontact window, saying it reaches past conversations too', async () => {
    const workspaceId = baton.baton.app.workspace.id;
    const customer = await baton.store.customers.create({ workspaceId, name: 'Returning customer' });
    await baton.store.conversations.create(
      { workspaceId, customerId: customer.id },
      {
        type: 'conversation_started',
        actor: { kind: 'customer', id: customer.id },
        data: { channel: 'widget' },
      },
    );
    await refreshConversationFacts(baton.store, workspaceId);
    expect(await baton.store.metrics.staleCount(workspaceId)).toBe(0);

    const page = await (await browser.newContext({ viewport: desk })).newPage();
    await page.goto(`${baton.url}/settings`);
    await signInOnPage(page, baton, 'sam@acme.test');
    const form = page.getByRole('form', { name: 'Workspace settings' });
    await form.waitFor({ timeout: 15_000 });
    await form.getByText('A new recontact window applies to past conversations too').waitFor();
    const window = form.getByLabel('Recontact window (days)');
    await expect.poll(() => window.inputValue()).toBe('7');
    await window.fill('3');
    await form.getByLabel('Why (optional)').fill('our returns take three days');
    await form.getByRole('button', { name: 'Save settings' }).click();
    // The one conversation counted before the change is queued to be counted with the new window
    // (the page says so; the store's marks may already be taken by the 10-second refresher).
    await form
      .getByRole('status')
      .filter({ hasText: 'Saved. 1 past conversation is being counted again with the new window.' })
      .waitFor();
    await page
      .getByRole('region', { name: 'History' })
      .getByText(/Counting v1 by Sam.*our returns take three days/)
      .waitFor();

    const saved = await baton.store.settings.current(workspaceId, 'metrics');
    expect(saved?.value).toMatchObject({ recontactDays: 3 });
    await expect(seriousAxeViolations(page)).resolves.toEqual([]);
  });
});
