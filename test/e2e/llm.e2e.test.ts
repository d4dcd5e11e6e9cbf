/**
 * The chat with an OpenAI-compatible model, in real Chromium (issue 11): Baton talks to a fake
 * model server over HTTP. A signed-in customer asks about her order; the model looks it up with
 * a tool, the answer streams into the chat (ai_draft_delta) and the stored answer replaces the
 * draft. When she then asks for a person, the agent's packet shows the lookup the model made.
 * When the model fails, the customer is handed over and ops see the provider's health in the
 * console beside the account lookups.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signCustomerIdentity } from '../../src/server/auth/customer-identity.ts';
import { launchChromium } from '../support/browser.ts';
import { signInOnPage } from '../support/desk.ts';
import {
  type FakeOpenAiServer,
  groundedModel,
  startFakeOpenAiServer,
} from '../support/fake-openai-server.ts';
import { startTestBaton, TEST_SECRET, type TestBaton } from '../support/test-baton.ts';

let baton: TestBaton;
let browser: Browser;
let fake: FakeOpenAiServer;

beforeAll(async () => {
  // Slow enough per word that the answer is visibly written sentence by sentence.
  fake = await startFakeOpenAiServer({
    script: (request, index) => {
      const reply = groundedModel(request, index);
      return reply.kind === 'text' ? { ...reply, chunkDelayMs: 120 } : reply;
    },
  });
  [baton, browser] = await Promise.all([
    startTestBaton({
      withWeb: true,
      llm: {
        baseUrl: fake.baseUrl,
        apiKey: null,
        model: 'fake-model',
        timeoutMs: 15_000,
        maxRetries: 1,
        prices: null,
      },
    }),
    launchChromium(),
  ]);
});
afterAll(async () => {
  await browser?.close();
  await baton?.close();
  await fake?.close();
});

const ask = async (page: Page, text: string) => {
  await page.getByLabel('Your message').fill(text);
  await page.getByRole('button', { name: 'Send' }).click();
};

describe('the chat with a model', () => {
  it('answers from a tool call, then streams the next answer, which the stored answer replaces', async () => {
    const page = await (await browser.newContext()).newPage();
    const deltas: string[] = [];
    page.on('websocket', (socket) =>
      socket.on('framereceived', (frame) => {
        const text = typeof frame.payload === 'string' ? frame.payload : frame.payload.toString('utf8');
        if (text.includes('"ai_draft_delta"')) deltas.push(text);
      }),
    );
    await page.goto(`${baton.url}/chat?as=cus_ana&sig=${signCustomerIdentity(TEST_SECRET, 'cus_ana')}`);
    // The first answer comes from the order lookup the model makes; the socket is listening after it.
    await ask(page, 'where is my order 1042?');
    const first = page.locator('[data-testid="message"][data-author="ai"]').first();
    await first.waitFor({ timeout: 20_000 });
    await expect(first.textContent()).resolves.toMatch(/1042 is shipped/);

    await ask(page, 'How do I reset my password?');
    await page.getByTestId('ai-draft').waitFor({ timeout: 20_000 });
    const answer = page.locator('[data-testid="message"][data-author="ai"]').nth(1);
    await answer.waitFor({ timeout: 20_000 });
    await expect(page.getByTestId('ai-draft').count()).resolves.toBe(0);
    expect(deltas.length).toBeGreaterThan(0);
    await expect(answer.locator('[data-testid="citations"]').textContent()).resolves.toMatch(/Source: .+/);
  });

  it('hands over an ungrounded draft with the model’s lookup and the unsent draft in the agent’s packet', async () => {
    // The model looks the order up, then promises a day its sources do not give.
    fake.script((request) =>
      request.messages.some((message) => message.role === 'tool')
        ? { kind: 'text', text: 'Your order 1042 will be with you on Friday [4].' }
        : { kind: 'tool_calls', calls: [{ name: 'order', arguments: '{"order_number":"1042"}' }] },
    );
    const customer = await (await browser.newContext()).newPage();
    await customer.goto(`${baton.url}/chat?as=cus_ana&sig=${signCustomerIdentity(TEST_SECRET, 'cus_ana')}`);
    await ask(customer, 'is order 1042 on its way?');
    await customer.locator('[data-testid="message"][data-kind="handoff"]').waitFor({ timeout: 20_000 });

    const admin = baton.agents.find((agent) => agent.role === 'admin');
    if (!admin) throw new Error('no demo admin');
    const agent = await (await browser.newContext()).newPage();
    await agent.goto(`${baton.url}/agent`);
    await signInOnPage(agent, baton, admin.email);
    await agent
      .locator('[data-testid="conversation-row"]', { hasText: 'is order 1042 on its way?' })
      .first()
      .click();
    const packet = agent.getByTestId('handoff-packet');
    await packet.waitFor();
    const text = (await packet.textContent()) ?? '';
    expect(text).toMatch(/Order status\W*shipped/);
    expect(text).toContain('Your order 1042 will be with you on Friday.');
    fake.script((request, index) => {
      const reply = groundedModel(request, index);
      return reply.kind === 'text' ? { ...reply, chunkDelayMs: 120 } : reply;
    });
  });

  it('hands over when the model fails, and ops see the provider’s failures in the console like an integration’s', async () => {
    fake.script(() => ({ kind: 'status', status: 503 }));
    const customer = await (await browser.newContext()).newPage();
    await customer.goto(`${baton.url}/chat`);
    await ask(customer, 'how do I change my delivery address?');
    await customer.locator('[data-testid="message"][data-kind="handoff"]').waitFor({ timeout: 20_000 });

    const ops = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
    await ops.goto(`${baton.url}/agent`);
    await signInOnPage(ops, baton, 'olu@acme.test');
    await ops.getByRole('link', { name: 'Ops console' }).click();
    const provider = ops.getByTestId('integration-row').filter({ hasText: 'ai: fake-model' });
    await provider.waitFor({ timeout: 15_000 });
    const cells = await provider.locator('td').allTextContents();
    // Integration, calls, failures, time-outs, error rate, p50, p95, last error.
    expect(Number(cells[2])).toBeGreaterThanOrEqual(1);
    expect(cells[7]).toContain('server_error');
    fake.script((request, index) => {
      const reply = groundedModel(request, index);
      return reply.kind === 'text' ? { ...reply, chunkDelayMs: 120 } : reply;
    });
  });
});
