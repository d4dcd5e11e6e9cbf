/**
 * Knowledge gaps in real Chromium: two customers ask about something Acme's help centre does not
 * cover and agents answer them; the admin opens the gaps page, sees one gap of two conversations
 * with its examples, drafts an article from the agents' replies, edits it and publishes it, and
 * the article is in the knowledge base.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/browser.ts';
import { customerWrites, demoAgent } from '../support/desk.ts';
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

/** A customer asks; once the AI has decided, an agent's reply is added to the conversation. */
const askedAndAnswered = async (question: string, reply: string, agentId: string) => {
  const chat = await customerWrites(baton, question);
  await eventually(async () => {
    const events = await baton.store.events.list(chat.id);
    return events.some((e) => e.type === 'decision_made') ? events : null;
  }, 30_000);
  await baton.store.messages.append(
    { conversationId: chat.id, author: 'agent', authorId: agentId, body: reply },
    { kind: 'agent', id: agentId },
  );
  return chat.id;
};

describe('the knowledge gaps page', () => {
  it('shows a gap with its examples and publishes an article drafted from the agents’ replies', async () => {
    const workspace = await baton.store.workspaces.getBySlug('acme');
    const sam = await baton.store.agents.getByEmail(workspace?.id ?? '', 'sam@acme.test');
    const samId = sam?.id ?? '';
    await askedAndAnswered(
      'Can you engrave initials on a leather wallet?',
      'Hi! We can engrave up to three initials on any leather wallet for a small fee, added at checkout.',
      samId,
    );
    await askedAndAnswered(
      'Is engraving initials on a wallet possible?',
      'Hello, yes: wallet engraving takes up to three initials and adds two days to delivery.',
      samId,
    );

    const page = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
    await page.goto(`${baton.url}/gaps`);
    const { password } = demoAgent(baton, 'sam@acme.test');
    await page.getByLabel('Email').fill('sam@acme.test');
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();

    const gap = page
      .getByTestId('gap')
      .filter({ hasText: /engrav/i })
      .first();
    await gap.waitFor({ timeout: 15_000 });
    await expect(gap.textContent()).resolves.toContain('2 conversations');
    await gap.getByRole('button', { name: 'Write an article' }).click();
    const editor = gap.getByLabel('Article (Markdown with front matter)');
    await editor.waitFor();
    const draft = await editor.inputValue();
    expect(draft).toMatch(/three initials/);
    await editor.fill(
      draft.replace(/^title: .*$/m, 'title: "Engraving initials on wallets"').replace(/^category: .*\n/m, ''),
    );
    await gap.getByRole('button', { name: 'Publish article' }).click();
    await gap.getByRole('status').filter({ hasText: 'Published “Engraving initials on wallets”' }).waitFor();

    const article = await baton.store.articles.getBySlug(
      workspace?.id ?? '',
      'engraving-initials-on-wallets',
    );
    expect(article?.body).toMatch(/three initials/);
  });
});
