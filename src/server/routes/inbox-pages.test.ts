/**
 * The inbox a page at a time over HTTP against a real Baton: a queue longer than one page is read
 * whole by following the cursors, the view says how many it holds, and the unread counts count them
 * all, not only the first page's.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addStaff, agentApi, queueWaiting, signInAs } from '../../../test/support/desk.ts';
import { startTestBaton, type TestBaton } from '../../../test/support/test-baton.ts';
import type { ConversationSummary } from '../../api/schemas.ts';

let baton: TestBaton;
let token: string;
let teamKey: string;
const WAITING = 230;

beforeAll(async () => {
  baton = await startTestBaton();
  const lead = await addStaff(baton, { email: 'pia@acme.test', role: 'admin', teamKeys: [] });
  token = await signInAs(baton, lead.email, lead.password);
  // A busy morning: more customers waiting in one queue than the inbox shows on its first page.
  teamKey = await queueWaiting(baton, WAITING);
}, 120_000);
afterAll(async () => baton?.close());

interface InboxPage {
  conversations: ConversationSummary[];
  nextCursor: string | null;
  total: number;
  totalCapped: boolean;
}

const get = async (query: string) => {
  const res = await agentApi(baton, token, 'GET', `/api/inbox/conversations?${query}`);
  return { status: res.status, body: res.body as unknown as InboxPage & { error?: { code: string } } };
};

/**
 * Every row of a listing from `cursor` on (the start when null), `size` at a time, by following the
 * cursors; every page answers 200 and says the same total.
 */
const walk = async (query: string, size: number, cursor: string | null = null) => {
  const seen: ConversationSummary[] = [];
  const totals = new Set<number>();
  let next = cursor;
  do {
    const cursorPart: string = next === null ? '' : `&cursor=${encodeURIComponent(next)}`;
    const page = await get(`${query}&limit=${size}${cursorPart}`);
    expect(page.status).toBe(200);
    totals.add(page.body.total);
    seen.push(...page.body.conversations);
    next = page.body.nextCursor;
  } while (next !== null);
  expect(totals.size).toBe(1);
  return seen;
};

describe('the inbox a page at a time', () => {
  it('shows the first 200 of a longer queue with its total, and the rest by following the cursor', async () => {
    const first = await get(`view=queue&team=${teamKey}`);
    expect(first.status).toBe(200);
    expect(first.body.conversations).toHaveLength(200);
    expect(first.body.total).toBeGreaterThanOrEqual(WAITING);
    expect(first.body.totalCapped).toBe(false);
    expect(first.body.nextCursor).toEqual(expect.any(String));

    // The first page as the inbox reads it, then the rest 50 at a time from its cursor.
    const seen = [
      ...first.body.conversations,
      ...(await walk(`view=queue&team=${teamKey}`, 50, first.body.nextCursor)),
    ];
    expect(seen).toHaveLength(first.body.total);
    expect(new Set(seen.map((c) => c.id)).size).toBe(seen.length);
    // The queue's order across the pages: highest priority first, then the longest waiting.
    const whole = await get(`view=queue&team=${teamKey}&limit=500`);
    expect(whole.body.nextCursor).toBeNull();
    expect(whole.body.conversations.map((c) => c.id)).toEqual(seen.map((c) => c.id));
    const priorities = seen.map((c) => c.priority);
    expect(priorities).toEqual([...priorities].sort((a, b) => b - a));
  });

  it('counts a view narrowed by a filter, and pages it the same way', async () => {
    const narrowed = await get(`view=queue&team=${teamKey}&priority=2&limit=10`);
    expect(narrowed.status).toBe(200);
    expect(narrowed.body.conversations).toHaveLength(10);
    expect(narrowed.body.conversations.every((c) => c.priority === 2)).toBe(true);
    const whole = await get(`view=queue&team=${teamKey}&priority=2&limit=500`);
    expect(whole.body.nextCursor).toBeNull();
    expect(narrowed.body.total).toBe(whole.body.conversations.length);
    expect(narrowed.body.total).toBeGreaterThanOrEqual(Math.floor(WAITING / 3));
  });

  it('counts every unread conversation of the queue, past the first page', async () => {
    const res = await agentApi(baton, token, 'GET', '/api/inbox/unread');
    expect(res.status).toBe(200);
    const unread = res.body as { views: { queue: number }; teams: Record<string, number>; total: number };
    expect(unread.views.queue).toBeGreaterThanOrEqual(WAITING);
    expect(unread.teams[teamKey]).toBeGreaterThanOrEqual(WAITING);
    expect(unread.total).toBeGreaterThanOrEqual(WAITING);
  });

  it('keeps only what the person has not read with unread=true, in any view', async () => {
    const unreadQueue = await get(`view=queue&team=${teamKey}&unread=true&limit=5`);
    expect(unreadQueue.status).toBe(200);
    expect(unreadQueue.body.total).toBeGreaterThanOrEqual(WAITING);
    const [first] = unreadQueue.body.conversations;
    if (!first) throw new Error('nothing unread in the queue');
    const read = await agentApi(baton, token, 'POST', `/api/inbox/conversations/${first.id}/read`);
    expect(read.status).toBe(204);
    const after = await get(`view=queue&team=${teamKey}&unread=true&limit=500`);
    expect(after.body.total).toBe(unreadQueue.body.total - 1);
    expect(after.body.conversations.map((c) => c.id)).not.toContain(first.id);
    // Read or not, it is still in the queue.
    const whole = await get(`view=queue&team=${teamKey}&unread=false&limit=500`);
    expect(whole.body.conversations.map((c) => c.id)).toContain(first.id);
    expect((await get('view=queue&unread=maybe')).status).toBe(400);
  });

  it('pages the Resolved and All views by latest activity, resolved and open rows merged', async () => {
    const queued = await get(`view=queue&team=${teamKey}&limit=40`);
    const toResolve = queued.body.conversations.map((c) => c.id);
    const resolved = await agentApi(baton, token, 'POST', '/api/inbox/bulk', {
      action: 'resolve',
      conversationIds: toResolve,
    });
    expect(resolved.status).toBe(200);
    expect(resolved.body).toMatchObject({ done: toResolve.length, failed: 0 });
    for (const view of ['resolved', 'all']) {
      const whole = await get(`view=${view}&limit=500`);
      expect(whole.body.nextCursor).toBeNull();
      const ids = whole.body.conversations.map((c) => c.id);
      expect((await walk(`view=${view}`, 7)).map((c) => c.id)).toEqual(ids);
      const times = whole.body.conversations.map((c) => Date.parse(c.lastMessageAt ?? c.createdAt));
      expect(times).toEqual([...times].sort((a, b) => b - a));
      if (view === 'resolved') expect([...ids].sort()).toEqual([...toResolve].sort());
      if (view === 'all') {
        expect(ids).toEqual(expect.arrayContaining(toResolve));
        expect(whole.body.conversations.some((c) => c.state === 'queued')).toBe(true);
      }
    }
  });

  it('refuses a cursor it did not give out, or one of another order, and page sizes out of range', async () => {
    const recent = await get('view=all&limit=1');
    expect(recent.body.nextCursor).toEqual(expect.any(String));
    for (const query of [
      `view=queue&cursor=${encodeURIComponent(recent.body.nextCursor ?? '')}`,
      'view=queue&cursor=yesterday',
      'view=queue&limit=0',
      'view=queue&limit=501',
      'view=queue&limit=ten',
    ]) {
      const res = await get(query);
      expect(res.status, query).toBe(400);
      expect(res.body.error?.code, query).toBe('invalid_input');
    }
  });
});
