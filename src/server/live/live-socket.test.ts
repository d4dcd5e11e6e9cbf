/**
 * The live socket gives each listener only what it may read (SPEC §11), with real ws clients: a
 * frontline agent hears their teams' conversations and nothing of another team's (not even an
 * internal note); a customer hears only their conversation; sign-out, expiry and deactivation
 * close staff sockets, and a changed role or team makes them reconnect; a foreign page's Origin is refused; a session token in the URL opens nothing.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import {
  addStaff,
  agentApi,
  agentToken,
  customerWrites,
  handedOver,
  signInAs,
} from '../../../test/support/desk.ts';
import { eventually, request } from '../../../test/support/http.ts';
import { startTestBaton, type TestBaton } from '../../../test/support/test-baton.ts';
import { hashSessionToken } from '../auth/agent-sessions.ts';
import { ACCESS_CHANGED_CLOSE, SESSION_ENDED_CLOSE } from './live-socket.ts';

let baton: TestBaton;
let admin: string;
const ALLOWED = 'https://admin.acme.example';

beforeAll(async () => {
  baton = await startTestBaton({ liveAllowedOrigins: [ALLOWED] });
  admin = await agentToken(baton, 'sam@acme.test');
});
afterAll(async () => baton?.close());

interface Listening {
  readonly ws: WebSocket;
  readonly received: { type: string; conversationId?: string; message?: { body: string } }[];
  readonly closed: Promise<number>;
}

const listen = async (query: string, headers: Record<string, string> = {}): Promise<Listening> => {
  const ws = new WebSocket(`${baton.url.replace('http', 'ws')}/api/live${query}`, { headers });
  const received: Listening['received'] = [];
  ws.on('message', (data) => received.push(JSON.parse(String(data))));
  const closed = new Promise<number>((resolve) => ws.on('close', (code) => resolve(code)));
  await new Promise<void>((resolve, reject) => {
    ws.on('open', () => resolve());
    ws.on('unexpected-response', (_req, res) => reject(new Error(`refused with ${res.statusCode}`)));
    ws.on('error', reject);
  });
  await eventually(async () => received.find((u) => u.type === 'ready'));
  return { ws, received, closed };
};

const asStaff = (token: string, origin?: string) =>
  listen('', { cookie: `baton_session=${token}`, ...(origin ? { origin } : {}) });

/** A handed-over conversation moved by the admin to `team`'s queue. */
const inTeam = async (team: string, text: string) => {
  const chat = await customerWrites(baton, text);
  await handedOver(baton, chat);
  const moved = await agentApi(baton, admin, 'POST', `/api/inbox/conversations/${chat.id}/reassign`, {
    teamKey: team,
  });
  expect(moved.status).toBe(200);
  return chat;
};

const heard = (listening: Listening, body: string) =>
  listening.received.some((u) => u.type === 'message' && u.message?.body === body);

describe('what a staff socket hears', () => {
  it("gives a frontline agent their teams' conversations and nothing of another team's", async () => {
    const trust = await inTeam('trust_safety', 'I want to talk to a person, someone used my card');
    const billing = await inTeam('billing', 'I want to talk to a person about my invoice');
    const maya = await asStaff(await agentToken(baton, 'maya@acme.test'));
    const sam = await asStaff(admin);

    const secret = 'Note: the customer sent ID number 4471 for the check.';
    await agentApi(baton, admin, 'POST', `/api/inbox/conversations/${trust.id}/notes`, { text: secret });
    await customerWrites(baton, 'Here is more about the card charge.', { chat: trust });
    const fine = 'Note: invoice copy sent.';
    await agentApi(baton, admin, 'POST', `/api/inbox/conversations/${billing.id}/notes`, { text: fine });

    // The admin hears both; Maya hears the billing note, which was written after the others.
    await eventually(async () => (heard(sam, secret) && heard(sam, fine) ? true : null));
    await eventually(async () => (heard(maya, fine) ? true : null));
    await eventually(async () => (heard(sam, 'Here is more about the card charge.') ? true : null));
    expect(maya.received.filter((u) => u.conversationId === trust.id)).toEqual([]);
    expect(JSON.stringify(maya.received)).not.toContain(trust.id);
    maya.ws.close();
    sam.ws.close();
  });
});

describe('what a customer socket hears', () => {
  it('only its own conversation, never a note', async () => {
    const mine = await customerWrites(baton, 'hello');
    const other = await customerWrites(baton, 'hello there');
    const listening = await listen(`?conversation=${mine.id}&token=${encodeURIComponent(mine.token)}`);
    await customerWrites(baton, 'A message in the other conversation.', { chat: other });
    await agentApi(baton, admin, 'POST', `/api/inbox/conversations/${mine.id}/notes`, {
      text: 'Team only: check the refund history.',
    });
    // Written after the note: once it arrives, the note's update has been handled too.
    await customerWrites(baton, 'A message in mine.', { chat: mine });
    await eventually(async () => (heard(listening, 'A message in mine.') ? true : null));
    expect(JSON.stringify(listening.received)).not.toContain(other.id);
    expect(heard(listening, 'Team only: check the refund history.')).toBe(false);
    listening.ws.close();
  });
});

describe('staff sockets end with their session', () => {
  it('closes at once on sign-out', async () => {
    const token = await agentToken(baton, 'maya@acme.test');
    const listening = await asStaff(token);
    await request(baton.url, 'POST', '/api/auth/sign-out', { cookie: `baton_session=${token}` });
    expect(await listening.closed).toBe(SESSION_ENDED_CLOSE);
  });

  it('closes when the session expires', async () => {
    const workspace = await baton.store.workspaces.getBySlug('acme');
    const maya = workspace ? await baton.store.agents.getByEmail(workspace.id, 'maya@acme.test') : null;
    if (!maya) throw new Error('the demo has no maya');
    const token = randomBytes(32).toString('base64url');
    const now = Date.now();
    await baton.store.sessions.create({
      tokenHash: hashSessionToken(token),
      agentId: maya.id,
      createdAt: new Date(now),
      expiresAt: new Date(now + 1500),
    });
    const listening = await asStaff(token);
    expect(await listening.closed).toBe(SESSION_ENDED_CLOSE);
  });

  it('closes at once when an admin deactivates the person', async () => {
    const lee = await addStaff(baton, {
      email: 'lee.socket@acme.test',
      role: 'agent',
      teamKeys: ['billing'],
    });
    const listening = await asStaff(await signInAs(baton, lee.email, lee.password));
    const deactivated = await agentApi(baton, admin, 'POST', `/api/people/${lee.id}/deactivate`);
    expect(deactivated.status).toBe(200);
    // Long before the 30 s session check: the deactivation itself closed it.
    expect(await listening.closed).toBe(SESSION_ENDED_CLOSE);
  });

  it('asks the client to reconnect when the person’s teams change, and then gives only the new team’s conversations', async () => {
    const kim = await addStaff(baton, {
      email: 'kim.socket@acme.test',
      role: 'agent',
      teamKeys: ['billing'],
    });
    const token = await signInAs(baton, kim.email, kim.password);
    const before = await asStaff(token);
    const changed = await agentApi(baton, admin, 'PATCH', `/api/people/${kim.id}`, {
      teamKeys: ['trust_safety'],
    });
    expect(changed.status).toBe(200);
    expect(await before.closed).toBe(ACCESS_CHANGED_CLOSE);

    const after = await asStaff(token);
    const trust = await inTeam('trust_safety', 'I want to talk to a person, my card was used by someone');
    const billing = await inTeam('billing', 'I want to talk to a person about a double charge');
    await agentApi(baton, admin, 'POST', `/api/inbox/conversations/${billing.id}/notes`, {
      text: 'Billing only.',
    });
    await agentApi(baton, admin, 'POST', `/api/inbox/conversations/${trust.id}/notes`, {
      text: 'Trust only.',
    });
    await eventually(async () => (heard(after, 'Trust only.') ? true : null));
    expect(heard(after, 'Billing only.')).toBe(false);
    after.ws.close();
  });

  it('takes no session token from the URL', async () => {
    const token = await agentToken(baton, 'maya@acme.test');
    await expect(listen(`?session=${encodeURIComponent(token)}`)).rejects.toThrow('refused with 401');
  });
});

describe('the Origin of a browser page', () => {
  it("refuses another site's page and accepts Baton's own and the allowed ones", async () => {
    await expect(asStaff(admin, 'https://evil.example')).rejects.toThrow('refused with 403');
    await expect(asStaff(admin, 'null')).rejects.toThrow('refused with 403');
    const own = await asStaff(admin, new URL(baton.url).origin);
    const allowed = await asStaff(admin, ALLOWED);
    own.ws.close();
    allowed.ws.close();
    // A customer's chat socket is checked the same way.
    const chat = await customerWrites(baton, 'hello');
    await expect(
      listen(`?conversation=${chat.id}&token=${encodeURIComponent(chat.token)}`, {
        origin: 'https://evil.example',
      }),
    ).rejects.toThrow('refused with 403');
  });
});
