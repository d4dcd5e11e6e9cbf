/**
 * axe-core on every page, at desk and phone size: the customer chat, sign-in, the inbox (list and
 * an open conversation, with the trace expanded), ops and the planner — no serious or critical
 * violations. (The widget's host page is checked in widget.e2e.test.ts.) And each page can be
 * walked with Tab, every stop showing where focus is.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/browser.ts';
import {
  customerWrites,
  desk,
  handedOver,
  phone,
  seriousAxeViolations,
  signInOnPage,
} from '../support/desk.ts';
import { startTestBaton, type TestBaton } from '../support/test-baton.ts';

let baton: TestBaton;
let browser: Browser;
let conversationId: string;

beforeAll(async () => {
  [baton, browser] = await Promise.all([startTestBaton({ withWeb: true }), launchChromium()]);
  const chat = await customerWrites(baton, 'I want to talk to a person about a charge on my card', {
    externalId: 'cus_ana',
  });
  await handedOver(baton, chat);
  conversationId = chat.id;
});
afterAll(async () => {
  await browser?.close();
  await baton?.close();
});

const viewports = [
  ['desk', desk],
  ['phone', phone],
] as const;

const open = async (viewport: { width: number; height: number }, path: string): Promise<Page> => {
  const page = await (await browser.newContext({ viewport })).newPage();
  await page.goto(`${baton.url}${path}`);
  return page;
};

const signedIn = async (viewport: { width: number; height: number }, path: string): Promise<Page> => {
  const page = await open(viewport, path);
  await signInOnPage(page, baton, 'sam@acme.test');
  return page;
};

/** Tabs through the page; every focused element must draw an outline or a focus ring. */
const focusStopsWithoutOutline = async (page: Page, stops: number): Promise<string[]> => {
  const missing: string[] = [];
  for (let i = 0; i < stops; i += 1) {
    await page.keyboard.press('Tab');
    const seen = await page.evaluate(() => {
      const focused = document.activeElement;
      if (!focused || focused === document.body || focused.tagName === 'IFRAME') return null;
      const style = getComputedStyle(focused);
      const visible = style.outlineStyle !== 'none' && Number.parseFloat(style.outlineWidth) > 0;
      return visible
        ? null
        : `${focused.tagName.toLowerCase()} "${(focused.textContent ?? '').trim().slice(0, 30)}"`;
    });
    if (seen) missing.push(seen);
  }
  return missing;
};

describe.each(viewports)('accessibility at %s size', (_name, viewport) => {
  it('the customer chat, with a conversation in it', async () => {
    const page = await open(viewport, '/chat');
    await page.getByLabel('Your message').fill('where is my order 1042?');
    await page.keyboard.press('Enter');
    await page.locator('[data-testid="message"][data-author="ai"]').waitFor({ timeout: 20_000 });
    await expect(seriousAxeViolations(page)).resolves.toEqual([]);
    await expect(focusStopsWithoutOutline(page, 5)).resolves.toEqual([]);
  });

  it('sign-in', async () => {
    const page = await open(viewport, '/agent');
    await page.getByLabel('Email').waitFor();
    await expect(seriousAxeViolations(page)).resolves.toEqual([]);
    await expect(focusStopsWithoutOutline(page, 3)).resolves.toEqual([]);
  });

  it('the inbox list', async () => {
    const page = await signedIn(viewport, '/agent');
    await page.getByTestId('conversation-row').first().waitFor();
    await expect(seriousAxeViolations(page)).resolves.toEqual([]);
    await expect(focusStopsWithoutOutline(page, 12)).resolves.toEqual([]);
  });

  it('an open conversation in the inbox, trace expanded', async () => {
    const page = await signedIn(viewport, `/agent?c=${conversationId}`);
    await page.getByTestId('handoff-packet').waitFor();
    await page.getByTestId('decision-trace').locator('summary').first().click();
    await expect(seriousAxeViolations(page)).resolves.toEqual([]);
    await expect(focusStopsWithoutOutline(page, 15)).resolves.toEqual([]);
  });

  it('the ops console', async () => {
    const page = await signedIn(viewport, '/ops');
    await page.getByTestId('policy-current').waitFor({ timeout: 15_000 });
    await expect(seriousAxeViolations(page)).resolves.toEqual([]);
    await expect(focusStopsWithoutOutline(page, 12)).resolves.toEqual([]);
  });

  it('the planner, with its charts drawn', async () => {
    const page = await signedIn(viewport, '/planner');
    await page.getByTestId('chart-roles').locator('.recharts-bar-rectangle path').first().waitFor({
      timeout: 20_000,
    });
    await expect(seriousAxeViolations(page)).resolves.toEqual([]);
    await expect(focusStopsWithoutOutline(page, 12)).resolves.toEqual([]);
  });
});
