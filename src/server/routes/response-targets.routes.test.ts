/**
 * Response targets and timers over HTTP (issue 15): every staff role reads each team's targets, ops
 * and admins set them (bad values refused whole with 400 `invalid_input`, nothing saved), and the
 * inbox rows and the conversation detail carry the reply a person owes and when it is due.
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
import { setAgentsAway, type TestBaton } from '../../../test/support/test-baton.ts';
import { startTestBatonOn, testKinds } from '../../../test/support/test-kinds.ts';

let baton: TestBaton;
let sam: string;
let maya: string;
let ops: string;
let qa: string;

const setUp = async (kind: ReturnType<typeof testKinds>[number]) => {
  baton = await startTestBatonOn(kind);
  // Nobody is picked automatically: sam picks up by hand and is the one who replies.
  await setAgentsAway(baton, ['maya@acme.test', 'leo@acme.test']);
  sam = await agentToken(baton, 'sam@acme.test');
  maya = await agentToken(baton, 'maya@acme.test');
  const opsPerson = await addStaff(baton, { email: 'olu.targets@acme.test', role: 'ops', teamKeys: [] });
  ops = await signInAs(baton, opsPerson.email, opsPerson.password);
  const qaPerson = await addStaff(baton, { email: 'quinn.targets@acme.test', role: 'qa', teamKeys: [] });
  qa = await signInAs(baton, qaPerson.email, qaPerson.password);
};

interface TargetRow {
  teamKey: string;
  firstResponseMinutes: number;
  nextResponseMinutes: number;
  isDefault: boolean;
  version: number;
}
const targetsOf = async (token: string): Promise<TargetRow[]> => {
  const response = await agentApi(baton, token, 'GET', '/api/response-targets');
  expect(response.status).toBe(200);
  return response.body.teams as TargetRow[];
};
const put = (token: string, team: string, body: unknown) =>
  agentApi(baton, token, 'PUT', `/api/response-targets/${team}`, body);

interface Due {
  kind: string;
  dueAt: string;
  targetMinutes: number;
}
const rowDue = async (id: string): Promise<Due | null | undefined> => {
  const list = await agentApi(baton, sam, 'GET', '/api/inbox/conversations?view=all');
  return (list.body.conversations as { id: string; responseDue?: Due | null }[]).find((c) => c.id === id)
    ?.responseDue;
};
const detailDue = async (id: string): Promise<Due | null | undefined> => {
  const detail = await agentApi(baton, sam, 'GET', `/api/inbox/conversations/${id}`);
  return (detail.body.conversation as { responseDue?: Due | null }).responseDue;
};

describe.each(testKinds())('on %s', (kind) => {
  beforeAll(() => setUp(kind), 120_000);
  afterAll(async () => baton?.close());

  describe('response targets', () => {
    it('gives every team the defaults until ops set its own, which every role then reads', async () => {
      const [first] = await targetsOf(maya);
      if (!first) throw new Error('the demo has no teams');
      expect(first).toMatchObject({
        firstResponseMinutes: 60,
        nextResponseMinutes: 120,
        isDefault: true,
        version: 0,
      });
      const saved = await put(ops, first.teamKey, {
        firstResponseMinutes: 15,
        nextResponseMinutes: 45,
        note: 'Launch week',
      });
      expect(saved.status).toBe(200);
      for (const token of [maya, qa, sam]) {
        expect((await targetsOf(token)).find((row) => row.teamKey === first.teamKey)).toEqual(
          expect.objectContaining({
            firstResponseMinutes: 15,
            nextResponseMinutes: 45,
            isDefault: false,
            version: 1,
          }),
        );
      }
      const read = await agentApi(baton, maya, 'GET', '/api/response-targets');
      expect(read.body.canEdit).toBe(false);
    });

    it('lets only ops and admins set targets', async () => {
      const [first] = await targetsOf(sam);
      const team = first?.teamKey ?? 'missing';
      const body = { firstResponseMinutes: 20, nextResponseMinutes: 40 };
      expect((await put(maya, team, body)).status).toBe(403);
      expect((await put(qa, team, body)).status).toBe(403);
      expect((await put(sam, team, body)).status).toBe(200);
    });

    it('refuses targets that are not whole minutes from 1 to a week, with a stable code, and saves nothing', async () => {
      const [first] = await targetsOf(sam);
      if (!first) throw new Error('the demo has no teams');
      const before = await targetsOf(sam);
      const bad: unknown[] = [
        { firstResponseMinutes: 0, nextResponseMinutes: 30 },
        { firstResponseMinutes: 2.5, nextResponseMinutes: 30 },
        { firstResponseMinutes: 'ten', nextResponseMinutes: 30 },
        { firstResponseMinutes: 10_081, nextResponseMinutes: 30 },
        { firstResponseMinutes: 10, nextResponseMinutes: -5 },
        { firstResponseMinutes: 10 },
        { firstResponseMinutes: 10, nextResponseMinutes: 30, colour: 'red' },
        { firstResponseMinutes: 10, nextResponseMinutes: 30, note: 'bell\u0007' },
      ];
      for (const body of bad) {
        const refused = await put(ops, first.teamKey, body);
        expect(refused.status, JSON.stringify(body)).toBe(400);
        expect(refused.body.error).toMatchObject({ code: 'invalid_input' });
      }
      const unknown = await put(ops, 'no-such-team', { firstResponseMinutes: 10, nextResponseMinutes: 30 });
      expect(unknown.status).toBe(404);
      expect(unknown.body.error).toMatchObject({ code: 'not_found' });
      expect(await targetsOf(sam)).toEqual(before);
    });
  });

  describe('the timer on a conversation', () => {
    it('owes a first reply from the handoff, none after the agent replies, and a next reply once the customer writes again', async () => {
      const chat = await customerWrites(baton, 'I want to speak to a human about my refund please');
      await handedOver(baton, chat);
      const conversation = (await agentApi(baton, sam, 'GET', `/api/inbox/conversations/${chat.id}`)).body
        .conversation as { teamKey: string };
      expect(
        (await put(ops, conversation.teamKey, { firstResponseMinutes: 7, nextResponseMinutes: 11 })).status,
      ).toBe(200);
      const handoff = (await baton.store.events.list(chat.id)).find((e) => e.type === 'handed_over');
      if (!handoff) throw new Error('no handed_over event');
      const first = await rowDue(chat.id);
      expect(first).toEqual({
        kind: 'first_response',
        dueAt: new Date(handoff.at.getTime() + 7 * 60_000).toISOString(),
        targetMinutes: 7,
      });
      expect(await detailDue(chat.id)).toEqual(first);

      expect(
        (await agentApi(baton, sam, 'POST', `/api/inbox/conversations/${chat.id}/pick-up`, {})).status,
      ).toBe(200);
      const note = await agentApi(baton, sam, 'POST', `/api/inbox/conversations/${chat.id}/notes`, {
        text: 'Checking the order first',
      });
      expect(note.status).toBe(201);
      expect(await rowDue(chat.id)).toEqual(first);
      const reply = await agentApi(baton, sam, 'POST', `/api/inbox/conversations/${chat.id}/replies`, {
        text: 'Hello, I am looking at your refund now.',
        idempotencyKey: 'targets-reply-1',
      });
      expect(reply.status).toBe(201);
      expect(await rowDue(chat.id)).toBeNull();

      await customerWrites(baton, 'Thanks, it was the blue jacket', { chat });
      const written = (await baton.store.events.list(chat.id))
        .filter((e) => e.type === 'message_added' && e.data.author === 'customer')
        .at(-1);
      if (!written) throw new Error('no customer message event');
      expect(await detailDue(chat.id)).toEqual({
        kind: 'next_response',
        dueAt: new Date(written.at.getTime() + 11 * 60_000).toISOString(),
        targetMinutes: 11,
      });

      expect(
        (await agentApi(baton, sam, 'POST', `/api/inbox/conversations/${chat.id}/resolve`, {})).status,
      ).toBe(200);
      expect(await rowDue(chat.id)).toBeNull();
    });
  });
});
