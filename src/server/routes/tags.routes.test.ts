/**
 * Tags over HTTP: an agent tags a conversation, the list rows and the detail carry the tags, the
 * inbox filters by a tag with the other filters, and every change is an event naming who; names
 * that are not names, a 21st tag and QA are refused in words.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addStaff,
  agentApi,
  agentToken,
  customerWrites,
  handedOver,
  signInAs,
} from '../../../test/support/desk.ts';
import { setAgentsAway, startTestBaton, type TestBaton } from '../../../test/support/test-baton.ts';

let baton: TestBaton;
let sam: string;
beforeAll(async () => {
  baton = await startTestBaton();
  await setAgentsAway(baton, ['maya@acme.test', 'leo@acme.test']);
  sam = await agentToken(baton, 'sam@acme.test');
}, 120_000);
afterAll(async () => baton?.close());

const tagPath = (id: string, name: string) =>
  `/api/inbox/conversations/${id}/tags/${encodeURIComponent(name)}`;
const listed = async (query: string): Promise<{ id: string; tags: string[] }[]> => {
  const response = await agentApi(baton, sam, 'GET', `/api/inbox/conversations?${query}`);
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return response.body.conversations as { id: string; tags: string[] }[];
};
const handedOverChat = async (text: string) => {
  const chat = await customerWrites(baton, text);
  await handedOver(baton, chat);
  return chat;
};

describe('tags', () => {
  it('tags a conversation once, shows the tag in rows, detail and counts, filters by it and takes it off', async () => {
    const chat = await handedOverChat('I want to speak to a human about my refund please');
    const other = await handedOverChat('Please put me through to a person about a payment');
    const added = await agentApi(baton, sam, 'PUT', tagPath(chat.id, '  VIP '));
    expect(added.status, JSON.stringify(added.body)).toBe(200);
    expect(added.body.tags).toEqual(['vip']);
    expect((await agentApi(baton, sam, 'PUT', tagPath(chat.id, 'vip'))).body.tags).toEqual(['vip']);
    expect((await agentApi(baton, sam, 'PUT', tagPath(chat.id, 'Refund abuse'))).body.tags).toEqual([
      'refund abuse',
      'vip',
    ]);

    const rows = await listed('view=queue');
    expect(rows.find((row) => row.id === chat.id)?.tags).toEqual(['refund abuse', 'vip']);
    expect(rows.find((row) => row.id === other.id)?.tags).toEqual([]);
    expect((await listed('view=queue&tag=VIP')).map((row) => row.id)).toEqual([chat.id]);
    expect((await listed('view=all&tag=vip&status=resolved')).map((row) => row.id)).toEqual([]);
    expect((await listed('view=all&tag=vip&q=refund')).map((row) => row.id)).toEqual([chat.id]);
    const detail = await agentApi(baton, sam, 'GET', `/api/inbox/conversations/${chat.id}`);
    expect((detail.body.conversation as { tags: string[] }).tags).toEqual(['refund abuse', 'vip']);
    const tags = await agentApi(baton, sam, 'GET', '/api/inbox/tags');
    expect(tags.body.tags).toEqual([
      { name: 'refund abuse', colour: null, conversations: 1 },
      { name: 'vip', colour: null, conversations: 1 },
    ]);

    expect((await agentApi(baton, sam, 'DELETE', tagPath(chat.id, 'vip'))).body.tags).toEqual([
      'refund abuse',
    ]);
    const again = await agentApi(baton, sam, 'DELETE', tagPath(chat.id, 'vip'));
    expect(again.status).toBe(200);
    expect(again.body.tags).toEqual(['refund abuse']);
    expect(await listed('view=queue&tag=vip')).toEqual([]);

    const samId = (await baton.store.agents.getByEmail(baton.baton.app.workspace.id, 'sam@acme.test'))?.id;
    const events = (await baton.store.events.list(chat.id)).filter((e) => e.type.startsWith('tag_'));
    expect(events.map((e) => [e.type, e.data.name, e.actor])).toEqual([
      ['tag_added', 'vip', { kind: 'agent', id: samId }],
      ['tag_added', 'refund abuse', { kind: 'agent', id: samId }],
      ['tag_removed', 'vip', { kind: 'agent', id: samId }],
    ]);
    expect((detail.body.events as { type: string }[]).map((e) => e.type)).toContain('tag_added');
  });

  it('refuses a name that is not one, a 21st tag, an unknown conversation and a bad filter, in words', async () => {
    const chat = await handedOverChat('I need a human for an order problem please');
    const bad = await agentApi(baton, sam, 'PUT', tagPath(chat.id, '<b>vip</b>'));
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatchObject({
      code: 'tag_invalid',
      message: expect.stringMatching(/letters, digits/),
    });
    const long = await agentApi(baton, sam, 'PUT', tagPath(chat.id, 'x'.repeat(33)));
    expect(long.body.error).toMatchObject({
      code: 'tag_invalid',
      message: expect.stringMatching(/at most 32/),
    });
    const blank = await agentApi(baton, sam, 'PUT', tagPath(chat.id, '   '));
    expect(blank.body.error).toMatchObject({ code: 'tag_invalid' });

    for (let i = 0; i < 20; i++) {
      expect((await agentApi(baton, sam, 'PUT', tagPath(chat.id, `tag ${i}`))).status).toBe(200);
    }
    const tooMany = await agentApi(baton, sam, 'PUT', tagPath(chat.id, 'one more'));
    expect(tooMany.status).toBe(409);
    expect(tooMany.body.error).toMatchObject({
      code: 'too_many_tags',
      message: expect.stringMatching(/remove one/),
    });

    const unknown = await agentApi(baton, sam, 'PUT', tagPath('00000000-0000-4000-8000-000000000001', 'vip'));
    expect(unknown.status).toBe(404);
    const filter = await agentApi(baton, sam, 'GET', '/api/inbox/conversations?tag=%3Cb%3E');
    expect(filter.status).toBe(400);
  });

  it('lets QA read tags but not change them', async () => {
    const chat = await handedOverChat('I want to speak to a human about a charge please');
    await agentApi(baton, sam, 'PUT', tagPath(chat.id, 'bug'));
    const reviewer = await addStaff(baton, {
      email: 'tag-reviewer@acme.test',
      role: 'qa',
      teamKeys: ['billing', 'orders', 'accounts', 'trust_safety'],
    });
    const quinn = await signInAs(baton, reviewer.email, reviewer.password);
    const byQa = await agentApi(baton, quinn, 'PUT', tagPath(chat.id, 'vip'));
    expect(byQa.status).toBe(403);
    expect((await agentApi(baton, quinn, 'DELETE', tagPath(chat.id, 'bug'))).status).toBe(403);
    const read = await agentApi(baton, quinn, 'GET', `/api/inbox/conversations/${chat.id}`);
    expect((read.body.conversation as { tags: string[] }).tags).toEqual(['bug']);
    expect((await agentApi(baton, quinn, 'GET', '/api/inbox/tags')).status).toBe(200);
  });
});
