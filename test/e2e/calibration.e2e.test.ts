/**
 * The calibration view in real Chromium: with 80 reviewed 'orders' answers whose raw confidence
 * (0.6–0.99) claimed far more than the one-in-two that were right, the qa reviewer sees the
 * category calibrated, why that model was chosen, and the reliability table with ECE before and after.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/browser.ts';
import { demoAgent } from '../support/desk.ts';
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

/** Stored AI answers in `orders` at the given raw confidence, each with a reviewer's label. */
const reviewedAnswers = async (count: number) => {
  const workspaceId = (await baton.store.workspaces.getBySlug('acme'))?.id ?? '';
  const quinn = await baton.store.agents.getByEmail(workspaceId, 'quinn@acme.test');
  const customer = await baton.store.customers.create({ workspaceId, name: 'Calibration Customer' });
  for (let i = 0; i < count; i += 1) {
    const conversation = await baton.store.conversations.create(
      { workspaceId, customerId: customer.id },
      {
        type: 'conversation_started',
        actor: { kind: 'customer', id: customer.id },
        data: { channel: 'widget' },
      },
    );
    const confidence = 0.6 + (0.39 * ((i * 37) % count)) / count;
    await baton.store.events.append(conversation.id, {
      type: 'decision_made',
      actor: { kind: 'ai' },
      data: {
        action: 'answer',
        category: 'orders',
        trace: { retrieval: { kind: 'answer', confidence }, thresholds: { answerConfidence: 0.5 } },
      },
    });
    await baton.store.reviews.saveLabel({
      workspaceId,
      conversationId: conversation.id,
      messageId: null,
      source: 'review',
      label: i % 2 === 0 ? 'correct' : 'incorrect',
      rootCause: null,
      correctAnswer: null,
      notes: null,
      authorId: quinn?.id ?? '',
    });
  }
};

describe('the calibration view', () => {
  it('shows a calibrated category with its reliability before and after', async () => {
    await reviewedAnswers(80);
    const page = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
    await page.goto(`${baton.url}/calibration`);
    await page.getByLabel('Email').fill('quinn@acme.test');
    await page.getByLabel('Password').fill(demoAgent(baton, 'quinn@acme.test').password);
    await page.getByRole('button', { name: 'Sign in' }).click();

    const orders = page.getByTestId('calibration-category').filter({ hasText: 'orders' });
    await orders.waitFor({ timeout: 15_000 });
    await expect(orders.textContent()).resolves.toMatch(/80 reviewed answers · calibrated · Platt/);
    const table = orders.getByTestId('reliability');
    await expect(table.locator('tbody tr').count()).resolves.toBe(10);
    const caption = (await table.locator('caption').textContent()) ?? '';
    const [before, after] = [...caption.matchAll(/(\d+)%/g)].map((match) => Number(match[1]));
    expect(after).toBeLessThan(before ?? 0);
  });
});
