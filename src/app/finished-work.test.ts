/**
 * Retention of finished background work, as a running install sees it: an answered customer's AI
 * job stays for the retention's days, then one sweep deletes it and the conversation keeps all
 * it showed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agentApi, agentToken, customerWrites } from '../../test/support/desk.ts';
import { startTestBaton, type TestBaton } from '../../test/support/test-baton.ts';
import { hashLinkToken } from './company/people.ts';
import { pruneFinishedWork } from './finished-work.ts';

const DAY_MS = 24 * 3600_000;
let baton: TestBaton;
beforeAll(async () => {
  baton = await startTestBaton();
});
afterAll(async () => baton?.close());

const sweepAfter = (days: number) =>
  pruneFinishedWork(baton.store, baton.baton.app.workspace.id, new Date(Date.now() + days * DAY_MS), {
    aiJobDays: 7,
    webhookLogDays: 30,
    peopleLinkDays: 30,
  });

describe('pruneFinishedWork', () => {
  it('deletes an answered turn’s job after the retention, not before, and the chat keeps its answer', async () => {
    const chat = await customerWrites(baton, 'How long does standard shipping take?');
    await baton.baton.app.aiTurns.idle();
    expect(await sweepAfter(6.9)).toEqual({ aiJobs: 0, webhookDeliveries: 0, peopleLinks: 0 });
    const swept = await sweepAfter(7.1);
    expect(swept.aiJobs).toBeGreaterThanOrEqual(1);
    expect(await sweepAfter(7.1)).toEqual({ aiJobs: 0, webhookDeliveries: 0, peopleLinks: 0 });
    const authors = (await baton.store.messages.list(chat.id)).map((m) => m.author);
    expect(authors).toEqual(['customer', 'ai']);
  });

  it('deletes an invitation nobody used a month after it expired, with the address it was sent to', async () => {
    const admin = await agentToken(baton, 'sam@acme.test');
    const invited = await agentApi(baton, admin, 'POST', '/api/people/invitations', {
      email: 'late.joiner@example.com',
      name: 'Late Joiner',
    });
    expect(invited.status).toBe(201);
    const token = new URL(String(invited.body.url)).searchParams.get('token') ?? '';
    const stored = async () => (await baton.store.peopleLinks.get(hashLinkToken(token)))?.email ?? null;
    expect(await stored()).toBe('late.joiner@example.com');
    // Invitations last 7 days; the spent link stays 30 more.
    expect((await sweepAfter(36)).peopleLinks).toBe(0);
    expect(await stored()).toBe('late.joiner@example.com');
    expect((await sweepAfter(38)).peopleLinks).toBe(1);
    expect(await stored()).toBeNull();
  });
});
