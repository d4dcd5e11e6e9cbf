import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyPassword } from '../src/adapters/crypto/password.ts';
import { openStore } from '../src/adapters/store/open-store.ts';
import type { Store } from '../src/core/ports/store.ts';
import { demoCompany } from './company.ts';
import { seedDemoCompany } from './seed.ts';

let store: Store;
beforeAll(async () => {
  store = await openStore({ memory: true });
});
afterAll(async () => {
  await store?.close();
});

describe('seedDemoCompany', () => {
  it('creates Acme with its teams, agents, customers and knowledge base', async () => {
    const seed = await seedDemoCompany(store);
    expect(seed.created).toBe(true);
    expect(seed.workspace.slug).toBe('acme');
    expect(seed.articles).toBeGreaterThanOrEqual(30);

    const teams = await store.teams.list(seed.workspace.id);
    expect(teams.map((team) => team.key).sort()).toEqual(['accounts', 'billing', 'orders', 'trust_safety']);
    expect(
      teams
        .filter((team) => team.businessHours === null)
        .map((team) => team.key)
        .sort(),
    ).toEqual(['accounts', 'billing', 'orders']);

    const maya = await store.agents.getByEmail(seed.workspace.id, 'MAYA@acme.test');
    expect(maya).toMatchObject({ role: 'agent', teamKeys: ['billing', 'orders'] });
    const password = seed.agents.find((agent) => agent.email === 'maya@acme.test')?.password ?? '';
    expect(await verifyPassword(password, maya?.passwordHash ?? '')).toBe(true);

    const ana = await store.customers.getByExternalId(seed.workspace.id, 'cus_ana');
    expect(ana).toMatchObject({ name: 'Ana Pérez', profile: { plan: 'pro' } });
    expect((await store.articles.list(seed.workspace.id)).length).toBe(seed.articles);
  });

  it('does nothing the second time, but still returns the demo sign-ins', async () => {
    const again = await seedDemoCompany(store);
    expect(again.created).toBe(false);
    expect(again.agents.map((agent) => agent.email)).toEqual(demoCompany.agents.map((agent) => agent.email));
    expect(await store.agents.list(again.workspace.id)).toHaveLength(demoCompany.agents.length);
  });
});
