/**
 * Notifications in real Chromium, at desk and phone sizes: a conversation assigned to the agent and
 * a customer writing in it flash the tab title, play the chime they chose and show a desktop
 * notification they opted into (permission granted through the browser; a page-level hook records
 * what the page created). The choices stay after a reload.
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
  phone,
  type StaffMember,
  seriousAxeViolations,
  signInWithPassword,
} from '../support/desk.ts';
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

// Records every desktop notification and chime tone the page makes, around the browser's own.
const recorder = `
  window.__shown = [];
  window.__tones = 0;
  const RealNotification = window.Notification;
  window.Notification = class extends RealNotification {
    constructor(title, options) { super(title, options); window.__shown.push({ title, body: options && options.body }); }
  };
  const RealAudio = window.AudioContext;
  window.AudioContext = class extends RealAudio {
    createOscillator() { window.__tones += 1; return super.createOscillator(); }
  };
`;

const shown = (page: Page): Promise<{ title: string; body: string }[]> =>
  page.evaluate('window.__shown') as Promise<{ title: string; body: string }[]>;
const tones = async (page: Page): Promise<number> => Number(await page.evaluate('window.__tones'));

const signIn = async (page: Page, person: StaffMember) => {
  await page.goto(`${baton.url}/agent`);
  await signInWithPassword(page, person);
  await page.locator('#list-title').waitFor();
};

describe.each([
  ['desk', desk],
  ['phone', phone],
] as const)('notifications at %s size', (size, viewport) => {
  it('flash the title, chime and show a desktop notification for a conversation assigned to me and its replies', async () => {
    const person = await addStaff(baton, {
      email: `notify-${size}@acme.test`,
      role: 'agent',
      teamKeys: ['billing'],
    });
    const chat = await customerWrites(baton, 'I was charged twice. Can I speak to a human please');
    await handedOver(baton, chat);

    const context = await browser.newContext({ viewport });
    await context.grantPermissions(['notifications'], { origin: baton.url });
    await context.addInitScript(recorder);
    const page = await context.newPage();
    await signIn(page, person);
    if (size === 'phone') await page.getByRole('button', { name: 'Menu' }).click();
    // Chosen by keyboard: focus each box and press Space.
    await page.getByLabel('Play a sound').focus();
    await page.keyboard.press('Space');
    await page.getByLabel('Desktop notifications').focus();
    await page.keyboard.press('Space');
    await expect.poll(() => page.getByLabel('Desktop notifications').isChecked()).toBe(true);
    expect(await page.getByLabel('Play a sound').isChecked()).toBe(true);
    expect(await seriousAxeViolations(page)).toEqual([]);
    // Each box sits beside its words on one line (not stretched across the menu above them).
    for (const name of ['Play a sound', 'Desktop notifications']) {
      const box = await page.getByLabel(name).boundingBox();
      const label = await page.locator('label', { hasText: name }).boundingBox();
      expect(box?.width ?? 0, name).toBeLessThan(40);
      expect(label?.height ?? 0, name).toBeLessThan(2 * (box?.height ?? 0));
    }
    await page.reload();
    await page.locator('#list-title').waitFor();
    expect(await page.getByLabel('Play a sound').isChecked()).toBe(true);
    expect(await page.getByLabel('Desktop notifications').isChecked()).toBe(true);
    // The live socket listens before anything is sent to it.
    await expect.poll(() => page.evaluate(() => document.body.dataset.live)).toBe('connected');

    const admin = await agentToken(baton, 'sam@acme.test');
    await eventually(async () => {
      const moved = await agentApi(baton, admin, 'POST', `/api/inbox/conversations/${chat.id}/reassign`, {
        agentId: person.id,
      });
      return moved.status === 200 ? true : null;
    });
    await expect
      .poll(async () => (await shown(page)).map((n) => n.title).join('|'), { timeout: 20_000 })
      .toMatch(/^Assigned to you: /);
    await expect.poll(() => page.title()).toMatch(/^Assigned to you: /);
    expect(await tones(page)).toBeGreaterThanOrEqual(2);

    await customerWrites(baton, 'Is anyone looking at this?', { chat });
    await expect
      .poll(async () => (await shown(page)).map((n) => n.body), { timeout: 20_000 })
      .toContain('Is anyone looking at this?');
    expect((await shown(page)).at(-1)?.title).toMatch(/ wrote$/);
    await context.close();
  });
});
