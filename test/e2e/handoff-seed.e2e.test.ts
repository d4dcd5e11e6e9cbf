/**
 * Issue 4's seed scenario in real Chromium: Ana, on the Pro plan, asks why this month's charge
 * differs from last month's. The AI looks up her plan and payments, hands her to Billing with a
 * message naming the plan, the last payment and its date, the team, the wait and the no-repeat
 * promise; the agent sees the same facts in the packet and replies without asking again.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signCustomerIdentity } from '../../src/server/auth/customer-identity.ts';
import { launchChromium } from '../support/browser.ts';
import { signInOnPage } from '../support/desk.ts';
import { setAgentsAway, startTestBaton, TEST_SECRET, type TestBaton } from '../support/test-baton.ts';

let baton: TestBaton;
let browser: Browser;

beforeAll(async () => {
  [baton, browser] = await Promise.all([startTestBaton({ withWeb: true }), launchChromium()]);
  // Maya, who replies below, is Billing's one agent on shift, so the handoff is assigned to her.
  await setAgentsAway(baton, ['sam@acme.test', 'leo@acme.test']);
});
afterAll(async () => {
  await browser?.close();
  await baton?.close();
});

const QUESTION = "Why is this month's charge different from last month's?";

describe('the billing handoff seed scenario', () => {
  it('hands Ana to Billing with her plan and payments, and the agent sees the same facts', async () => {
    const payments = (await fetch(`${baton.accountsUrl}/customers/cus_ana/payments`, {
      headers: { authorization: 'Bearer demo-account-key' },
    }).then((r) => r.json())) as { payments: { amount: number }[] };
    const lastAmount = payments.payments[0]?.amount.toFixed(2) ?? 'missing';

    const customer = await (await browser.newContext()).newPage();
    const signature = signCustomerIdentity(TEST_SECRET, 'cus_ana');
    await customer.goto(`${baton.url}/chat?as=cus_ana&sig=${signature}`);
    await customer.getByLabel('Your message').fill(QUESTION);
    await customer.getByRole('button', { name: 'Send' }).click();
    const handoff = customer.locator('[data-testid="message"][data-kind="handoff"]');
    await handoff.waitFor({ timeout: 20_000 });
    const message = (await handoff.locator('.bubble-body').textContent()) ?? '';

    expect(message).toContain(QUESTION);
    expect(message).toContain('Pro');
    expect(message).toContain(lastAmount);
    expect(message).toMatch(/\d{1,2} \w+ \d{4}/);
    expect(message).toContain('Billing');
    expect(message).toMatch(/wait|minute|right away|back/i);
    expect(message).toMatch(/won.t have to repeat/i);

    const maya = baton.agents.find((a) => a.email === 'maya@acme.test');
    if (!maya) throw new Error('the demo has no Maya');
    const agent = await (await browser.newContext()).newPage();
    await agent.goto(`${baton.url}/agent`);
    await signInOnPage(agent, baton, maya.email);
    await agent.locator('[data-testid="conversation-row"]', { hasText: 'Ana' }).first().click();
    const packet = agent.getByTestId('handoff-packet');
    await packet.waitFor();
    await expect(packet.getByTestId('packet-question').textContent()).resolves.toBe(QUESTION);
    const lookups = (await packet.getByTestId('packet-lookups').textContent()) ?? '';
    expect(lookups).toContain('Pro');
    expect(lookups).toContain(lastAmount);
    const dateInMessage = /(\d{1,2} \w+ \d{4})/.exec(message)?.[1] ?? 'no date';
    expect(lookups).toContain(dateInMessage);
    await expect(packet.textContent()).resolves.toContain('Billing');

    const reply = `Hi Ana, I can see the change: your last payment was £${lastAmount} after the move to Pro. Let me explain the difference.`;
    await agent.getByLabel('Reply to the customer').fill(reply);
    await agent.getByRole('button', { name: 'Send reply' }).click();
    await customer.getByText(reply).waitFor({ timeout: 10_000 });
    await agent.getByRole('button', { name: 'Needed', exact: true }).click();
    await agent.getByRole('button', { name: 'Needed', exact: true, pressed: true }).waitFor();
  });
});
