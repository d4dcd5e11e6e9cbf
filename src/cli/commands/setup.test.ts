import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoCompany } from '../../../demo/seed.ts';
import { openStore } from '../../adapters/store/open-store.ts';
import type { Store } from '../../core/ports/store.ts';
import { signIn } from '../../server/auth/agent-sessions.ts';
import { runSetup } from './setup.ts';

const collector = () => {
  let text = '';
  const stream = new Writable({
    write(chunk, _encoding, done) {
      text += String(chunk);
      done();
    },
  });
  return { stream, text: () => text };
};

let store: Store;
beforeAll(async () => {
  store = await openStore({ memory: true });
});
afterAll(async () => store?.close());

const input = {
  workspace: 'northwind',
  name: 'Northwind Tea',
  adminEmail: 'nadia@northwind.example',
  adminName: 'Nadia',
  adminPassword: 'steeped-leaves-42',
};

describe('baton setup', () => {
  it('creates a workspace whose admin can sign in', async () => {
    const [stdout, stderr] = [collector(), collector()];
    expect(await runSetup(store, input, { stdout: stdout.stream, stderr: stderr.stream })).toBe(0);
    expect(stdout.text()).toMatch(
      /Created workspace "northwind" \(Northwind Tea\) with admin nadia@northwind\.example/,
    );
    const workspace = await store.workspaces.getBySlug('northwind');
    if (!workspace) throw new Error('not created');
    const session = await signIn(
      store,
      workspace.id,
      { email: input.adminEmail, password: input.adminPassword },
      new Date(),
      1,
    );
    expect(session.agent).toMatchObject({ role: 'admin', demo: false });
  });

  it('lists every problem with the option to fix and stores nothing', async () => {
    const [stdout, stderr] = [collector(), collector()];
    const code = await runSetup(
      store,
      { ...input, workspace: '-bad-', adminEmail: 'nope', adminPassword: 'short' },
      { stdout: stdout.stream, stderr: stderr.stream },
    );
    expect(code).toBe(1);
    expect(stderr.text().split('\n').filter(Boolean)).toEqual([
      expect.stringMatching(/^--workspace: /),
      expect.stringMatching(/^--admin-email: /),
      expect.stringMatching(/^the password \(BATON_ADMIN_PASSWORD\): must be at least 10/),
    ]);
    expect((await store.workspaces.list()).map((w) => w.slug)).toEqual(['northwind']);
  });

  it('refuses a slug that is taken', async () => {
    const [stdout, stderr] = [collector(), collector()];
    expect(await runSetup(store, input, { stdout: stdout.stream, stderr: stderr.stream })).toBe(1);
    expect(stderr.text()).toMatch(/already exists\. Pick another --workspace slug/);
  });

  it('leaves the demo marked as the demo, with one person per role', async () => {
    const demo = await seedDemoCompany(store);
    expect(demo.workspace.demo).toBe(true);
    const people = await store.agents.list(demo.workspace.id);
    expect(people.every((agent) => agent.demo)).toBe(true);
    expect(new Set(people.map((agent) => agent.role))).toEqual(
      new Set(['agent', 'specialist', 'qa', 'ops', 'admin']),
    );
  });
});
