/**
 * The review screen in real Chromium: an agent flags an AI answer; the qa reviewer opens the week's
 * queue, finds the flag first with its sources, decision trace and the flag's label, labels it with
 * the keyboard, goes on to a sampled conversation by itself, picks a root cause and labels that
 * too; both labels are stored once with who gave them, and the progress says so. A handed-over
 * conversation shows its handoff packet beside the trace; an answered one says there was none.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { isoWeekOf, previousIsoWeek } from '../../src/core/coaching/iso-week.ts';
import { launchChromium } from '../support/browser.ts';
import {
  agentApi,
  agentToken,
  customerWrites,
  demoAgent,
  desk,
  phone,
  seriousAxeViolations,
} from '../support/desk.ts';
import { eventually } from '../support/http.ts';
import { startTestBaton, type TestBaton } from '../support/test-baton.ts';

/** What the test reads of the stored packet: the summary and the reasons the reviewer must see. */
const packetShape = z.object({
  summary: z.string().min(1),
  reasons: z
    .tuple([z.object({ label: z.string(), evidence: z.string() })])
    .rest(z.object({ label: z.string(), evidence: z.string() })),
});

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
    // The transcript is drawn as it is in the inbox: an answer's steps keep their own lines.
    const answerBubble = page.locator('.review-pane .bubble.author-ai').first();
    await expect(answerBubble.evaluate((el) => getComputedStyle(el).whiteSpace)).resolves.toBe('pre-wrap');

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

  it('shows the handoff packet beside the trace, on a wide screen and on a phone', async () => {
    const handedOver = await aiTurn('I want to talk to a real person about my subscription');
    const answered = await aiTurn('How do I pause my subscription?');
    const sam = await agentToken(baton, 'sam@acme.test');
    const flag = await agentApi(
      baton,
      sam,
      'POST',
      `/api/inbox/conversations/${handedOver.id}/messages/${handedOver.messageId}/flags`,
      { kind: 'off_tone' },
    );
    expect(flag.status).toBeLessThan(300);
    const handedOverEvent = (await baton.store.events.list(handedOver.id)).findLast(
      (event) => event.type === 'handed_over',
    );
    const packet = packetShape.parse(handedOverEvent?.data.packet);

    const quinnToken = await agentToken(baton, 'quinn@acme.test');
    const queue = await agentApi(baton, quinnToken, 'GET', '/api/review/queue');
    const { items } = z
      .object({ items: z.array(z.object({ conversationId: z.string() })) })
      .parse(queue.body);
    const placeOf = (id: string) => items.findIndex((item) => item.conversationId === id);
    expect([placeOf(handedOver.id), placeOf(answered.id)].every((place) => place >= 0)).toBe(true);

    for (const viewport of [desk, phone]) {
      const page = await (await browser.newContext({ viewport })).newPage();
      await page.goto(`${baton.url}/review`);
      const { password } = demoAgent(baton, 'quinn@acme.test');
      await page.getByLabel('Email').fill('quinn@acme.test');
      await page.getByLabel('Password').fill(password);
      await page.getByRole('button', { name: 'Sign in' }).click();

      const reviewItems = page.getByTestId('review-item');
      await reviewItems.first().waitFor({ timeout: 15_000 });
      // An answered conversation says so where the packet would be.
      await reviewItems.nth(placeOf(answered.id)).click();
      await expect(page.getByTestId('review-no-handoff').textContent()).resolves.toBe(
        'No handoff: the AI answered.',
      );
      await reviewItems.nth(placeOf(handedOver.id)).click();
      const shown = page.getByTestId('handoff-packet');
      await shown.waitFor();
      await expect(shown.getByTestId('packet-summary').textContent()).resolves.toBe(packet.summary);
      const [firstReason] = packet.reasons;
      await expect(shown.getByTestId('packet-reasons').textContent()).resolves.toContain(
        `${firstReason.label}: ${firstReason.evidence}`,
      );
      const trace = await page.getByTestId('decision-trace').boundingBox();
      const beside = await shown.boundingBox();
      // Side by side on the wide screen (the packet right of the trace), stacked below it on a phone.
      if (viewport === desk) expect((beside?.x ?? 0) > (trace?.x ?? 0) + (trace?.width ?? 0) - 1).toBe(true);
      else expect((beside?.y ?? 0) > (trace?.y ?? 0)).toBe(true);
      expect(await seriousAxeViolations(page)).toEqual([]);
      await page.context().close();
    }
  });

  it('moves between weeks: to the week before, which may be empty, and back to this one', async () => {
    await aiTurn('How long does standard shipping take?');
    const page = await (await browser.newContext({ viewport: desk })).newPage();
    await page.goto(`${baton.url}/review`);
    const { password } = demoAgent(baton, 'quinn@acme.test');
    await page.getByLabel('Email').fill('quinn@acme.test');
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByTestId('review-item').first().waitFor({ timeout: 15_000 });
    const thisWeek = isoWeekOf(new Date());
    const weekBefore = previousIsoWeek(thisWeek) ?? '';
    // This week is still being sampled: nothing after it to go to.
    expect(await page.getByRole('link', { name: /→$/ }).count()).toBe(0);
    await page.getByRole('link', { name: `← Week ${weekBefore}` }).click();
    await page.getByRole('heading', { name: `Week ${weekBefore}` }).waitFor();
    expect(new URL(page.url()).searchParams.get('week')).toBe(weekBefore);
    await page.getByRole('link', { name: `Week ${thisWeek} →` }).click();
    await page.getByRole('heading', { name: `Week ${thisWeek}` }).waitFor();
    await page.getByTestId('review-item').first().waitFor({ timeout: 15_000 });
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.context().close();
  });
});
