/**
 * POST /api/inbox/bulk over HTTP against a real Baton: one action on a selection, each conversation
 * done or refused on its own with the reason its own button would give; refusals that hold for all
 * (role, unknown agent or team, a malformed selection) refuse the request before anything changes.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addStaff, agentApi, queueWaiting, signInAs } from '../../../test/support/desk.ts';
import { startTestBaton, type TestBaton } from '../../../test/support/test-baton.ts';
import type { BulkResponse } from '../../api/bulk-schemas.ts';

let baton: TestBaton;
let lead: string;
let teamKey: string;
let waiting: string[];

beforeAll(async () => {
  baton = await startTestBaton();
  const admin = await addStaff(baton, { email: 'bo@acme.test', role: 'admin', teamKeys: [] });
  lead = await signInAs(baton, admin.email, admin.password);
  teamKey = await queueWaiting(baton, 8, { from: new Date(Date.UTC(2026, 10, 3, 8)) });
  const workspace = await baton.store.workspaces.getBySlug('acme');
  const queued = await baton.store.conversations.list(workspace?.id ?? '', {
    states: ['queued'],
    teamKeys: [teamKey],
    limit: 100,
  });
  waiting = queued.map((conversation) => conversation.id);
  expect(waiting.length).toBeGreaterThanOrEqual(8);
});
afterAll(async () => baton?.close());

const bulk = async (body: unknown, token = lead) => {
  const res = await agentApi(baton, token, 'POST', '/api/inbox/bulk', body);
  return { status: res.status, body: res.body as unknown as BulkResponse & { error?: { code: string } } };
};

describe('bulk actions on a selection', () => {
  it('tags and untags every conversation of the selection', async () => {
    const selection = waiting.slice(0, 3);
    const tagged = await bulk({ action: 'tag', conversationIds: selection, tag: 'Outage' });
    expect(tagged.status).toBe(200);
    expect(tagged.body).toMatchObject({ done: 3, failed: 0 });
    expect(tagged.body.results.map((r) => r.id)).toEqual(selection);
    for (const result of tagged.body.results) {
      expect(result.ok && result.conversation.tags).toContain('outage');
    }
    const untagged = await bulk({ action: 'untag', conversationIds: selection.slice(0, 2), tag: 'outage' });
    expect(untagged.body).toMatchObject({ done: 2, failed: 0 });
    const detail = await agentApi(baton, lead, 'GET', `/api/inbox/conversations/${selection[0]}`);
    expect((detail.body.conversation as { tags: string[] }).tags).not.toContain('outage');
  });

  it('resolves what it can and says why not for the rest, each on its own', async () => {
    const [first, second, third] = waiting.slice(3, 6);
    if (!first || !second || !third) throw new Error('not enough waiting');
    // One is resolved by someone else first: resolving it again is refused as it would be alone.
    const alone = await agentApi(baton, lead, 'POST', `/api/inbox/conversations/${third}/resolve`);
    expect(alone.status).toBe(200);
    const refusedAlone = await agentApi(baton, lead, 'POST', `/api/inbox/conversations/${third}/resolve`);
    const nowhere = randomUUID();

    const res = await bulk({ action: 'resolve', conversationIds: [first, third, nowhere, second] });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ done: 2, failed: 2 });
    expect(res.body.results.map((r) => [r.id, r.ok])).toEqual([
      [first, true],
      [third, false],
      [nowhere, false],
      [second, true],
    ]);
    const refused = res.body.results[1];
    expect(refused?.ok === false && refused.error.code).toBe(
      (refusedAlone.body.error as { code: string }).code,
    );
    const missing = res.body.results[2];
    expect(missing?.ok === false && missing.error.code).toMatch(/not_found/);
    for (const id of [first, second]) {
      expect((await baton.store.conversations.getById(id))?.state).toBe('resolved');
    }
  });

  it('assigns a selection to a colleague and moves one back to a team', async () => {
    const colleague = await addStaff(baton, { email: 'kit@acme.test', role: 'agent', teamKeys: [teamKey] });
    const [one, two] = waiting.slice(6, 8);
    if (!one || !two) throw new Error('not enough waiting');
    const assigned = await bulk({ action: 'assign', conversationIds: [one, two], agentId: colleague.id });
    expect(assigned.body).toMatchObject({ done: 2, failed: 0 });
    for (const id of [one, two]) {
      const conversation = await baton.store.conversations.getById(id);
      expect(conversation).toMatchObject({ state: 'assigned', assigneeId: colleague.id });
    }
    const moved = await bulk({ action: 'move', conversationIds: [two], teamKey });
    expect(moved.body).toMatchObject({ done: 1, failed: 0 });
    expect((await baton.store.conversations.getById(two))?.assigneeId).not.toBe(colleague.id);
  });

  it('refuses before changing anything: a role that may not, an unknown agent or team, a bad selection', async () => {
    const reviewer = await addStaff(baton, { email: 'qa-bulk@acme.test', role: 'qa', teamKeys: [] });
    const qa = await signInAs(baton, reviewer.email, reviewer.password);
    const some = waiting.slice(0, 2);
    const before = await Promise.all(some.map((id) => baton.store.conversations.getById(id)));

    const forbidden = await bulk({ action: 'resolve', conversationIds: some }, qa);
    expect(forbidden.status).toBe(403);
    expect((await bulk({ action: 'tag', conversationIds: some, tag: 'vip' }, qa)).status).toBe(403);
    const noAgent = await bulk({ action: 'assign', conversationIds: some, agentId: randomUUID() });
    expect([noAgent.status, noAgent.body.error?.code]).toEqual([404, 'not_found']);
    const noTeam = await bulk({ action: 'move', conversationIds: some, teamKey: 'nobody-here' });
    expect([noTeam.status, noTeam.body.error?.code]).toEqual([404, 'not_found']);
    for (const body of [
      { action: 'resolve', conversationIds: [] },
      { action: 'resolve', conversationIds: [some[0], some[0]] },
      { action: 'resolve', conversationIds: Array.from({ length: 101 }, () => randomUUID()) },
      { action: 'resolve', conversationIds: ['not-an-id'] },
      { action: 'delete', conversationIds: some },
      { action: 'assign', conversationIds: some },
      { action: 'tag', conversationIds: some, tag: '' },
    ]) {
      const res = await bulk(body);
      expect(res.status, JSON.stringify(body).slice(0, 80)).toBe(400);
      expect(res.body.error?.code).toBe('invalid_input');
    }
    const after = await Promise.all(some.map((id) => baton.store.conversations.getById(id)));
    expect(after).toEqual(before);
  });
});
