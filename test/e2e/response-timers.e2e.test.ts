/**
 * Reply timers in real Chromium at desk and phone sizes (issue 15): ops set a short target for a
 * team on the teams page; a handed-over conversation shows "First reply due in …" in its row and
 * header; once the agent replies the timer goes; when the customer writes again it shows "Next
 * reply due in …", and, with the page's clock moved past the due time, "Next reply overdue by …"
 * without a reload. axe finds nothing serious, overdue included.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/browser.ts';
import {
  addStaff,
  agentApi,
  agentToken,
  customerWrites,
  desk,
  handedOver,
  overflowsSideways,
  phone,
  type StaffMember,
  seriousAxeViolations,
  signInOnPage,
  signInWithPassword,
} from '../support/desk.ts';
import { setAgentsAway, startTestBaton, type TestBaton } from '../support/test-baton.ts';

let baton: TestBaton;
let browser: Browser;
let ops: StaffMember;
let sam: string;

beforeAll(async () => {
  [baton, browser] = await Promise.all([startTestBaton({ withWeb: true }), launchChromium()]);
  await setAgentsAway(baton, ['maya@acme.test', 'leo@acme.test']);
  ops = await addStaff(baton, { email: 'olu.timers@acme.test', role: 'ops', teamKeys: [] });
  sam = await agentToken(baton, 'sam@acme.test');
}, 240_000);
afterAll(async () => {
  await browser?.close();
  await baton?.close();
});

const handOver = async (text: string) => {
  const chat = await customerWrites(baton, text);
  await handedOver(baton, chat);
  const detail = await agentApi(baton, sam, 'GET', `/api/inbox/conversations/${chat.id}`);
  return { chat, teamKey: String((detail.body.conversation as { teamKey: string }).teamKey) };
};

/** Ops set the team's targets through the teams page. */
const setTargetsOnPage = async (teamKey: string, first: number, next: number) => {
  const listed = await agentApi(baton, sam, 'GET', '/api/response-targets');
  const team = (listed.body.teams as { teamKey: string; teamName: string }[]).find(
    (t) => t.teamKey === teamKey,
  );
  if (!team) throw new Error(`no team ${teamKey}`);
  const page = await (await browser.newContext({ viewport: desk })).newPage();
  await page.goto(`${baton.url}/teams`);
  await signInWithPassword(page, ops);
  const form = page.getByRole('form', { name: `Response targets for ${team.teamName}` });
  await form.getByLabel('First reply within (minutes)').fill('0');
  await form.getByLabel('Next reply within (minutes)').fill(String(next));
  // The field's own check stops 0 before it is sent (the server's refusal is tested over HTTP).
  await form.getByRole('button', { name: 'Save targets' }).click();
  await expect(
    form
      .getByLabel('First reply within (minutes)')
      .evaluate((input: HTMLInputElement) => input.validity.valid),
  ).resolves.toBe(false);
  await expect(form.getByRole('status').count()).resolves.toBe(0);
  await form.getByLabel('First reply within (minutes)').fill(String(first));
  await form.getByRole('button', { name: 'Save targets' }).click();
  await form.getByRole('status').waitFor();
  expect(await seriousAxeViolations(page)).toEqual([]);
  await page.context().close();
};

const openConversation = async (viewport: { width: number; height: number }, id: string): Promise<Page> => {
  const page = await (await browser.newContext({ viewport })).newPage();
  // The page's clock is ours to move, so "overdue" shows without waiting for it.
  await page.clock.install();
  await page.goto(`${baton.url}/agent?c=${id}`);
  await signInOnPage(page, baton, 'sam@acme.test');
  await page.getByTestId('conversation-pane').waitFor();
  return page;
};
const headerTimer = (page: Page) => page.getByTestId('conversation-pane').getByTestId('response-timer');
const rowOf = (page: Page, id: string) => page.locator(`[data-testid="conversation-row"][data-id="${id}"]`);
const textOf = async (locator: ReturnType<Page['locator']>) =>
  (await locator.count()) === 0 ? null : await locator.first().textContent();

describe('reply timers in the inbox', () => {
  for (const [size, viewport] of [
    ['desk', desk],
    ['phone', phone],
  ] as const) {
    it(`shows the first reply due, none once answered, then the next reply due and overdue (${size})`, async () => {
      const { chat, teamKey } = await handOver(`I want to speak to a human about my refund please (${size})`);
      await setTargetsOnPage(teamKey, 5, 9);
      const page = await openConversation(viewport, chat.id);

      await expect
        .poll(() => textOf(headerTimer(page)), { timeout: 15_000 })
        .toMatch(/^First reply due in [1-5] min$/);
      if (size === 'desk') {
        await expect
          .poll(() => textOf(rowOf(page, chat.id).getByTestId('response-timer')), { timeout: 15_000 })
          .toMatch(/^First reply due in [1-5] min$/);
      }
      expect(await seriousAxeViolations(page)).toEqual([]);

      const reply = page.getByLabel('Reply to the customer');
      await reply.fill('Hello, I am looking at your refund now.');
      await reply.press('Enter');
      await page.getByTestId('transcript').getByText('Hello, I am looking at your refund now.').waitFor();
      await expect.poll(() => headerTimer(page).count(), { timeout: 15_000 }).toBe(0);

      await customerWrites(baton, 'Thank you, it was the blue jacket', { chat });
      await expect
        .poll(() => textOf(headerTimer(page)), { timeout: 15_000 })
        .toMatch(/^Next reply due in [1-9] min$/);

      // Ten minutes on, with no reload: the next reply is overdue, in words and in red.
      await page.clock.fastForward('10:00');
      await expect
        .poll(() => textOf(headerTimer(page)), { timeout: 15_000 })
        .toMatch(/^Next reply overdue by [1-9] min$/);
      await expect(headerTimer(page).getAttribute('class')).resolves.toContain('overdue');
      expect(await seriousAxeViolations(page)).toEqual([]);
      await expect(overflowsSideways(page)).resolves.toBe(false);

      if (size === 'phone') {
        await page.getByRole('button', { name: '← Conversations' }).click();
        await expect
          .poll(() => textOf(rowOf(page, chat.id).getByTestId('response-timer')), { timeout: 15_000 })
          .toMatch(/^Next reply overdue by [1-9] min$/);
        expect(await seriousAxeViolations(page)).toEqual([]);
        await expect(overflowsSideways(page)).resolves.toBe(false);
      }
      await page.close();
    });
  }

  it('orders the list "Overdue first": rows with a reply owed before those without', async () => {
    const answered = await handOver('I want to speak to a human about my parcel please');
    const waiting = await handOver('I want to speak to a human about my parcel today');
    const id = answered.chat.id;
    expect((await agentApi(baton, sam, 'POST', `/api/inbox/conversations/${id}/pick-up`, {})).status).toBe(
      200,
    );
    const replied = await agentApi(baton, sam, 'POST', `/api/inbox/conversations/${id}/replies`, {
      text: 'Hello, I am on it.',
      idempotencyKey: 'overdue-first-1',
    });
    expect(replied.status).toBe(201);
    const page = await openConversation(desk, waiting.chat.id);
    const order = () =>
      page
        .locator('[data-testid="conversation-row"]')
        .evaluateAll((rows) => rows.map((row) => row.getAttribute('data-id')));
    const before = async () => {
      const ids = await order();
      return ids.indexOf(id) !== -1 && ids.indexOf(id) < ids.indexOf(waiting.chat.id);
    };
    // The queue's own order has the older conversation first.
    await expect.poll(before, { timeout: 15_000 }).toBe(true);
    await page.getByLabel('Overdue first').check();
    await expect.poll(before, { timeout: 15_000 }).toBe(false);
    const ids = await order();
    const timed = await page
      .locator('[data-testid="conversation-row"]')
      .evaluateAll((rows) => rows.map((row) => row.querySelector('[data-testid="response-timer"]') !== null));
    // Every row with a timer comes before every row without one.
    expect(timed.indexOf(false) === -1 || timed.slice(timed.indexOf(false)).every((t) => !t)).toBe(true);
    expect(timed[ids.indexOf(id)]).toBe(false);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.close();
  });
});
