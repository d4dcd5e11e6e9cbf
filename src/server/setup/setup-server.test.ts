/**
 * The first-run set-up over real HTTP: the one-time link opens once, before it expires, and only with
 * its token; bad input stores nothing; the request is answered once the whole Baton took over.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { request } from '../../../test/support/http.ts';
import { openStore } from '../../adapters/store/open-store.ts';
import type { Store } from '../../core/ports/store.ts';
import { defaultPolicy } from '../../core/triage/policy/default-policy.ts';
import { SETUP_LINK_MINUTES } from './setup-gate.ts';
import { serveFirstSetup, type WaitingForSetup } from './setup-server.ts';

let store: Store | undefined;
let waiting: WaitingForSetup | undefined;
afterEach(async () => {
  await waiting?.listener.close();
  await store?.close();
});

const start = async (clock: { now: Date }) => {
  store = await openStore({ memory: true });
  waiting = await serveFirstSetup({
    store,
    port: 0,
    host: '127.0.0.1',
    now: () => clock.now,
    https: false,
    widgetFrameAncestors: ['*'],
    reportError: (error) => {
      throw error;
    },
  });
  const url = `http://127.0.0.1:${waiting.listener.port}`;
  const token = new URL(waiting.linkPath, url).searchParams.get('token') ?? '';
  return { url, token, store, waiting };
};

const company = (token: string) => ({
  token,
  companyName: 'Northwind Tea',
  workspace: 'northwind',
  adminName: 'Nadia Okoro',
  adminEmail: 'nadia@northwind.example',
  adminPassword: 'steeped-leaves-42',
});

describe('first-run set-up', () => {
  it('creates the workspace, its admin and the policy teams once, and answers after the hand-over', async () => {
    const { url, token, store, waiting } = await start({ now: new Date() });
    expect((await request(url, 'GET', '/api/setup')).body).toEqual({ needed: true });
    expect((await request(url, 'GET', '/api/inbox/conversations')).status).toBe(503);

    let handedOver = false;
    void waiting.created.then(() =>
      setTimeout(() => {
        handedOver = true;
        waiting.handedOver();
      }, 50),
    );
    const created = await request(url, 'POST', '/api/setup', { body: company(token) });
    expect(created.status).toBe(201);
    expect(handedOver).toBe(true);
    expect(created.body).toMatchObject({
      workspace: { slug: 'northwind', name: 'Northwind Tea' },
      admin: { email: 'nadia@northwind.example' },
    });

    const [workspace] = await store.workspaces.list();
    if (!workspace) throw new Error('no workspace stored');
    expect(workspace.demo).toBe(false);
    const agents = await store.agents.list(workspace.id);
    expect(agents.map((a) => [a.email, a.role, a.demo])).toEqual([
      ['nadia@northwind.example', 'admin', false],
    ]);
    const teams = await store.teams.list(workspace.id);
    expect(teams.map((t) => t.key).sort()).toEqual(Object.keys(defaultPolicy().teams).sort());

    const again = await request(url, 'POST', '/api/setup', {
      body: { ...company(token), workspace: 'other' },
    });
    expect(again.status).toBe(409);
    expect((await request(url, 'GET', '/api/setup')).body).toEqual({ needed: false });
    expect(await store.workspaces.list()).toHaveLength(1);
  });

  it('refuses a wrong token and bad input without storing anything, and lists every bad field', async () => {
    const { url, token, store } = await start({ now: new Date() });
    const wrong = await request(url, 'POST', '/api/setup', { body: company(`${token}x`) });
    expect(wrong.status).toBe(401);
    expect(wrong.body.error?.code).toBe('token_invalid');

    const bad = await request(url, 'POST', '/api/setup', {
      body: { ...company(token), workspace: 'Not A Slug', adminPassword: 'short', adminEmail: 'nope' },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error?.details).toEqual([
      expect.stringMatching(/^workspace: /),
      expect.stringMatching(/^adminEmail: /),
      expect.stringMatching(/^adminPassword: must be at least 10 characters/),
    ]);
    expect(await store.workspaces.list()).toEqual([]);
    expect((await request(url, 'GET', '/api/setup')).body).toEqual({ needed: true });
  });

  it('refuses the link once its time is up', async () => {
    const clock = { now: new Date('2026-03-02T10:00:00Z') };
    const { url, token, store } = await start(clock);
    clock.now = new Date(clock.now.getTime() + SETUP_LINK_MINUTES * 60_000);
    const late = await request(url, 'POST', '/api/setup', { body: company(token) });
    expect(late.status).toBe(401);
    expect(late.body.error?.code).toBe('token_expired');
    expect(late.body.error?.message).toMatch(/baton start --no-demo/);
    expect(await store.workspaces.list()).toEqual([]);
  });
});
