/**
 * Roles in the inbox, in real Chromium: a specialist, ops or admin takes a colleague's
 * conversation over with a confirmation; an agent who cannot is told who has it; a QA reviewer
 * gets a notes-only box and no control that would speak to the customer or move the conversation.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/browser.ts';
import {
  addStaff,
  agentApi,
  agentToken,
  type CustomerChat,
  customerWrites,
  demoAgent,
  desk,
  handedOver,
  overflowsSideways,
  phone,
  type StaffMember,
  seriousAxeViolations,
} from '../support/desk.ts';
import { eventually, request } from '../support/http.ts';
import { startTestBaton, type TestBaton } from '../support/test-baton.ts';

let baton: TestBaton;
let browser: Browser;
let admin: string;
let reviewer: StaffMember;

beforeAll(async () => {
  [baton, browser] = await Promise.all([startTestBaton({ withWeb: true }), launchChromium()]);
  admin = await agentToken(baton, 'sam@acme.test');
  reviewer = await addStaff(baton, { email: 'rita.review@acme.test', role: 'qa', teamKeys: ['billing'] });
});
afterAll(async () => {
  await browser?.close();
  await baton?.close();
});

const idOf = async (email: string): Promise<string> => {
  const agents = await agentApi(baton, admin, 'GET', '/api/inbox/agents');
  const found = (agents.body.agents as { id: string; name: string }[]).find((a) =>
    a.name.startsWith(email === 'maya@acme.test' ? 'Maya' : 'Sam'),
  );
  if (!found) throw new Error(`no agent ${email}`);
  return found.id;
};

/** A handed-over billing conversation that `holder` has. */
const heldBy = async (email: string, text: string): Promise<CustomerChat> => {
  const chat = await customerWrites(baton, text);
  await handedOver(baton, chat);
  const path = `/api/inbox/conversations/${chat.id}/reassign`;
  expect((await agentApi(baton, admin, 'POST', path, { teamKey: 'billing' })).status).toBe(200);
  expect((await agentApi(baton, admin, 'POST', path, { agentId: await idOf(email) })).status).toBe(200);
  return chat;
};

const openAs = async (
  viewport: { width: number; height: number },
  email: string,
  password: string,
  chat: CustomerChat,
): Promise<Page> => {
  const page = await (await browser.newContext({ viewport })).newPage();
  await page.goto(`${baton.url}/agent?c=${chat.id}`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByTestId('conversation-pane').waitFor();
  return page;
};

const assigneeOf = async (chat: CustomerChat): Promise<string | null> => {
  const detail = await agentApi(baton, admin, 'GET', `/api/inbox/conversations/${chat.id}`);
  return (detail.body.conversation as { assigneeId: string | null }).assigneeId;
};

describe('taking over in the inbox', () => {
  for (const [size, viewport] of [
    ['desk', desk],
    ['phone', phone],
  ] as const) {
    it(`asks before taking a colleague's conversation, then holds it (${size})`, async () => {
      const chat = await heldBy('maya@acme.test', `I want to talk to a person about my invoice (${size})`);
      const sam = demoAgent(baton, 'sam@acme.test');
      const page = await openAs(viewport, sam.email, sam.password, chat);
      const pane = page.getByTestId('conversation-pane');
      await pane.getByText('→ Maya Chen').waitFor();
      await expect(pane.getByRole('button', { name: 'Pick up' }).count()).resolves.toBe(0);

      await pane.getByRole('button', { name: 'Take over', exact: true }).click();
      const confirm = pane.getByRole('button', { name: 'Take over from Maya Chen' });
      await confirm.waitFor();
      await expect(confirm.evaluate((b) => b === document.activeElement)).resolves.toBe(true);
      await expect(overflowsSideways(page)).resolves.toBe(false);
      expect(await seriousAxeViolations(page)).toEqual([]);
      // Cancel first: nothing changes and focus returns to the button.
      await pane.getByRole('button', { name: 'Cancel' }).click();
      await expect(assigneeOf(chat)).resolves.toBe(await idOf('maya@acme.test'));
      await pane.getByRole('button', { name: 'Take over', exact: true }).click();
      await pane.getByRole('button', { name: 'Take over from Maya Chen' }).click();

      await pane.getByText('→ Sam Rivera').waitFor();
      await expect(assigneeOf(chat)).resolves.toBe(await idOf('sam@acme.test'));
      await page.context().close();
    });
  }

  it('tells an agent who cannot take over who has the conversation, and sends nothing', async () => {
    const chat = await heldBy('sam@acme.test', 'I want to talk to a person about a charge on my card');
    const maya = demoAgent(baton, 'maya@acme.test');
    const page = await openAs(desk, maya.email, maya.password, chat);
    const pane = page.getByTestId('conversation-pane');
    await pane.getByText('→ Sam Rivera').waitFor();
    await expect(pane.getByRole('button', { name: 'Take over', exact: true }).count()).resolves.toBe(0);

    await pane.getByLabel('Reply to the customer').fill('Hello, Maya here.');
    await page.keyboard.press('Enter');
    await pane
      .getByRole('alert')
      .getByText('Sam Rivera already has this conversation. Ask them to hand it over, or ask a specialist.')
      .waitFor();
    const view = await request(baton.url, 'GET', `/api/widget/conversations/${chat.id}`, {
      token: chat.token,
    });
    expect(JSON.stringify(view.body)).not.toContain('Maya here');
    await page.context().close();
  });
});

describe('a QA reviewer in the inbox', () => {
  it('gets a notes-only box and no reply, pick-up, take-over, reassign or resolve controls', async () => {
    const chat = await heldBy('maya@acme.test', 'I want to talk to a person about a refund');
    for (const viewport of [desk, phone]) {
      const page = await openAs(viewport, reviewer.email, reviewer.password, chat);
      const pane = page.getByTestId('conversation-pane');
      await pane.getByTestId('handoff-packet').waitFor();
      for (const name of ['Pick up', 'Resolve', 'Take over']) {
        await expect(pane.getByRole('button', { name, exact: true }).count()).resolves.toBe(0);
      }
      await expect(pane.getByLabel('Reassign').count()).resolves.toBe(0);
      await expect(pane.getByLabel('Reply to the customer').count()).resolves.toBe(0);
      await pane.getByTestId('review-only').waitFor();
      expect(await seriousAxeViolations(page)).toEqual([]);
      await page.context().close();
    }

    const page = await openAs(desk, reviewer.email, reviewer.password, chat);
    const pane = page.getByTestId('conversation-pane');
    // A reviewer's note stays inside the team, and the conversation stays with its holder.
    await pane.getByTestId('handoff-packet').waitFor();
    await pane.getByLabel('Internal note').fill('Review: the packet had the right order.');
    await pane.getByRole('button', { name: 'Add note' }).click();
    await pane.getByTestId('transcript').getByText('Review: the packet had the right order.').waitFor();
    const view = await request(baton.url, 'GET', `/api/widget/conversations/${chat.id}`, {
      token: chat.token,
    });
    expect(JSON.stringify(view.body)).not.toContain('Review: the packet');
    await eventually(async () => ((await assigneeOf(chat)) === (await idOf('maya@acme.test')) ? true : null));
    await page.context().close();
  });
});
