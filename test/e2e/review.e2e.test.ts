/**
 * The review screen in real Chromium: an agent flags an AI answer; the qa reviewer opens the week's
 * queue, finds the flag first with its sources, decision trace and the flag's label, labels it with
 * the keyboard, goes on to a sampled conversation by itself, picks a root cause and labels that
 * too; both labels are stored once with who gave them, and the progress says so.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/browser.ts';
import { agentApi, agentToken, customerWrites, demoAgent } from '../support/desk.ts';
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

/** A customer's question the AI has taken its turn on; resolves with the conversation and AI message ids. */
const aiTurn = async (text: string) => {
  const chat = await customerWrites(baton, text, { externalId: 'cus_ana' });
  const message = await eventually(
    async () => (await baton.store.messages.list(chat.id)).find((m) => m.author === 'ai') ?? null,
    30_000,
  );
  return { id: chat.id, messageId: message.id };
};

describe('the review screen', () => {
  it('lets a qa reviewer label a flagged answer and a sampled one from the keyboard', async () => {
    const flagged = await aiTurn('Where is my order 1042?');
    await aiTurn('How do I reset my password?');
    const sam = await agentToken(baton, 'sam@acme.test');
    const flag = await agentApi(
      baton,
      sam,
      'POST',
      `/api/inbox/conversations/${flagged.id}/messages/${flagged.messageId}/flags`,
      { kind: 'wrong', correctAnswer: 'Order 1042 left the warehouse yesterday.' },
    );
    expect(flag.status).toBeLessThan(300);

    const page = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
    await page.goto(`${baton.url}/review`);
    const { password } = demoAgent(baton, 'quinn@acme.test');
    await page.getByLabel('Email').fill('quinn@acme.test');
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();

    const items = page.getByTestId('review-item');
    await items.first().waitFor({ timeout: 15_000 });
    expect(await items.count()).toBeGreaterThanOrEqual(2);
    await expect(items.first().textContent()).resolves.toContain('flagged');
    const progress = page.getByTestId('review-progress');
    await expect(progress.textContent()).resolves.toMatch(/^0 of \d+ reviewed$/);
    const storedLabel = page.getByTestId('stored-label');
    await storedLabel.first().waitFor();
    await expect(storedLabel.first().textContent()).resolves.toContain('Flag by Sam Rivera: incorrect');
    await expect(page.getByTestId('decision-trace').textContent()).resolves.toMatch(/^Why did the AI/);

    await page.keyboard.press('2');
    await page.getByRole('status').filter({ hasText: 'Saved: incorrect.' }).waitFor();
    await page.getByText(/^1 of \d+ reviewed$/).waitFor();
    // It went on to the next conversation by itself: the second item is now the one under review.
    await expect(items.nth(1).getAttribute('aria-current')).resolves.toBe('true');
    await page.getByLabel('Root cause').selectOption('missing_article');
    await page.getByLabel('Notes').fill('No article on resets yet.');
    await page.getByRole('heading', { level: 2 }).last().click();
    await page.keyboard.press('3');
    await page.getByText(/^2 of \d+ reviewed$/).waitFor();

    const quinn = await baton.store.agents.getByEmail(
      (await baton.store.workspaces.getBySlug('acme'))?.id ?? '',
      'quinn@acme.test',
    );
    const reviews = (
      await baton.store.reviews.listLabels(quinn?.workspaceId ?? '', { source: 'review' })
    ).map((label) => [
      label.conversationId === flagged.id,
      label.label,
      label.rootCause,
      label.notes,
      label.authorId,
    ]);
    expect(reviews).toEqual([
      [true, 'incorrect', null, null, quinn?.id],
      [false, 'incomplete', 'missing_article', 'No article on resets yet.', quinn?.id],
    ]);
  });
});
