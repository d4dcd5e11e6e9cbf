/** Contract: workspaces, teams, agents, sessions and customers. */
import { describe, expect, it } from 'vitest';
import { buildAgent, buildCustomer, buildWorkspace, rejectionCode, type StoreProvider } from './factories.ts';

export const peopleContract = (store: StoreProvider): void => {
  describe('workspaces', () => {
    it('creates a workspace and finds it again by its slug', async () => {
      const workspace = await buildWorkspace(store(), 'Northwind');
      expect(await store().workspaces.getBySlug(workspace.slug)).toEqual(workspace);
      expect(workspace.name).toBe('Northwind');
      expect(workspace.createdAt).toBeInstanceOf(Date);
    });

    it('finds nothing for a slug no workspace has', async () => {
      expect(await store().workspaces.getBySlug('no-such-workspace')).toBeNull();
    });

    it('refuses a second workspace with the same slug', async () => {
      const workspace = await buildWorkspace(store());
      const duplicate = store().workspaces.create({ slug: workspace.slug, name: 'Copy' });
      expect(await rejectionCode(duplicate)).toBe('conflict');
    });
  });

  describe('teams', () => {
    const hours = {
      timeZone: 'Europe/Berlin',
      days: { '1': ['09:00', '17:00'], '5': ['09:00', '13:00'] },
    } as const;

    it('creates a team, then updates the one with the same key instead of adding another', async () => {
      const workspace = await buildWorkspace(store());
      const created = await store().teams.upsert({
        workspaceId: workspace.id,
        key: 'billing',
        name: 'Billing',
        categories: ['billing', 'refund'],
        businessHours: hours,
      });
      const updated = await store().teams.upsert({
        workspaceId: workspace.id,
        key: 'billing',
        name: 'Billing & Refunds',
        categories: ['billing', 'refund', 'payment_dispute'],
      });
      expect(updated.id).toBe(created.id);
      expect(updated.name).toBe('Billing & Refunds');
      expect(updated.categories).toEqual(['billing', 'refund', 'payment_dispute']);
      expect(updated.businessHours).toEqual(hours);
      expect(await store().teams.list(workspace.id)).toEqual([updated]);
    });

    it('deletes a team of its own workspace only, and says when there was none', async () => {
      const mine = await buildWorkspace(store());
      const theirs = await buildWorkspace(store());
      const input = { key: 'wholesale', name: 'Wholesale', categories: [] };
      await store().teams.upsert({ workspaceId: mine.id, ...input });
      const kept = await store().teams.upsert({ workspaceId: theirs.id, ...input });
      expect(await store().teams.delete(mine.id, 'wholesale')).toBe(true);
      expect(await store().teams.delete(mine.id, 'wholesale')).toBe(false);
      expect(await store().teams.list(mine.id)).toEqual([]);
      expect(await store().teams.list(theirs.id)).toEqual([kept]);
    });

    it('clears business hours when an update passes null', async () => {
      const workspace = await buildWorkspace(store());
      const input = { workspaceId: workspace.id, key: 'tier1', name: 'Tier 1', categories: ['other'] };
      await store().teams.upsert({ ...input, businessHours: hours });
      const cleared = await store().teams.upsert({ ...input, businessHours: null });
      expect(cleared.businessHours).toBeNull();
    });

    it("lists only the workspace's own teams, by key", async () => {
      const workspace = await buildWorkspace(store());
      const other = await buildWorkspace(store());
      for (const key of ['shipping', 'billing']) {
        await store().teams.upsert({ workspaceId: workspace.id, key, name: key, categories: [key] });
      }
      await store().teams.upsert({
        workspaceId: other.id,
        key: 'legal',
        name: 'Legal',
        categories: ['legal'],
      });
      const teams = await store().teams.list(workspace.id);
      expect(teams.map((team) => team.key)).toEqual(['billing', 'shipping']);
    });
  });

  describe('agents', () => {
    it('creates an agent who starts away, with the default capacity and never assigned', async () => {
      const workspace = await buildWorkspace(store());
      const agent = await buildAgent(store(), workspace, { teamKeys: ['billing', 'shipping'] });
      expect(agent).toMatchObject({ status: 'away', capacity: 3, lastAssignedAt: null, role: 'agent' });
      expect(agent.teamKeys).toEqual(['billing', 'shipping']);
      expect(await store().agents.getById(agent.id)).toEqual(agent);
    });

    it('keeps a given capacity and role', async () => {
      const workspace = await buildWorkspace(store());
      const agent = await store().agents.create({
        workspaceId: workspace.id,
        email: 'lead@example.com',
        name: 'Lee Lead',
        role: 'specialist',
        passwordHash: 'scrypt$x',
        teamKeys: [],
        capacity: 5,
      });
      expect(agent).toMatchObject({ capacity: 5, role: 'specialist', teamKeys: [] });
    });

    it('finds an agent by email whatever the case', async () => {
      const workspace = await buildWorkspace(store());
      const agent = await buildAgent(store(), workspace, { email: 'Sam.Smith@Example.com' });
      expect(await store().agents.getByEmail(workspace.id, 'sam.smith@example.COM')).toEqual(agent);
      expect(await store().agents.getByEmail(workspace.id, 'other@example.com')).toBeNull();
    });

    it('refuses a second agent whose email differs only in case', async () => {
      const workspace = await buildWorkspace(store());
      await buildAgent(store(), workspace, { email: 'pat@example.com' });
      expect(await rejectionCode(buildAgent(store(), workspace, { email: 'PAT@example.com' }))).toBe(
        'conflict',
      );
    });

    it('scopes emails to a workspace', async () => {
      const [first, second] = [await buildWorkspace(store()), await buildWorkspace(store())];
      await buildAgent(store(), first, { email: 'kim@example.com' });
      const other = await buildAgent(store(), second, { email: 'kim@example.com' });
      expect(await store().agents.getByEmail(second.id, 'kim@example.com')).toEqual(other);
      expect(await store().agents.list(second.id)).toEqual([other]);
    });

    it('lists agents by name', async () => {
      const workspace = await buildWorkspace(store());
      const zed = await buildAgent(store(), workspace, { name: 'Zed' });
      const amy = await buildAgent(store(), workspace, { name: 'Amy' });
      expect(await store().agents.list(workspace.id)).toEqual([amy, zed]);
    });

    it('sets the status and records when an agent was last assigned', async () => {
      const workspace = await buildWorkspace(store());
      const agent = await buildAgent(store(), workspace);
      expect((await store().agents.setStatus(agent.id, 'available')).status).toBe('available');
      const at = new Date('2026-03-02T10:15:30.123Z');
      await store().agents.markAssigned(agent.id, at);
      expect(await store().agents.getById(agent.id)).toMatchObject({
        status: 'available',
        lastAssignedAt: at,
      });
    });

    it('reports an unknown agent instead of updating nothing', async () => {
      const missing = '00000000-0000-4000-8000-000000000000';
      expect(await rejectionCode(store().agents.setStatus(missing, 'away'))).toBe('not_found');
      expect(await rejectionCode(store().agents.markAssigned('not-a-uuid', new Date()))).toBe('not_found');
      expect(await store().agents.getById('not-a-uuid')).toBeNull();
      expect(await store().agents.getById(missing)).toBeNull();
    });
  });

  describe('sessions', () => {
    it('keeps the creation and expiry times exactly, and forgets a deleted session', async () => {
      const workspace = await buildWorkspace(store());
      const agent = await buildAgent(store(), workspace);
      const session = {
        tokenHash: `hash-${agent.id}`,
        agentId: agent.id,
        createdAt: new Date('2026-05-01T08:00:00.001Z'),
        expiresAt: new Date('2026-05-08T08:00:00.999Z'),
      };
      await store().sessions.create(session);
      expect(await store().sessions.get(session.tokenHash)).toEqual(session);
      await store().sessions.delete(session.tokenHash);
      expect(await store().sessions.get(session.tokenHash)).toBeNull();
    });

    it('returns an expired session (the caller judges expiry) and sweeps only expired ones', async () => {
      const workspace = await buildWorkspace(store());
      const agent = await buildAgent(store(), workspace);
      const now = new Date('2030-01-01T12:00:00.000Z');
      const make = (name: string, expiresAt: Date) => ({
        tokenHash: `${name}-${agent.id}`,
        agentId: agent.id,
        createdAt: new Date('2029-12-31T12:00:00.000Z'),
        expiresAt,
      });
      const expired = make('expired', new Date('2030-01-01T11:59:59.999Z'));
      const expiringNow = make('now', now);
      const live = make('live', new Date('2030-01-01T12:00:00.001Z'));
      for (const session of [expired, expiringNow, live]) await store().sessions.create(session);
      expect(await store().sessions.get(expired.tokenHash)).toEqual(expired);
      expect(await store().sessions.deleteExpired(now)).toBeGreaterThanOrEqual(2);
      expect(await store().sessions.get(expired.tokenHash)).toBeNull();
      expect(await store().sessions.get(expiringNow.tokenHash)).toBeNull();
      expect(await store().sessions.get(live.tokenHash)).toEqual(live);
    });
  });

  describe('customers', () => {
    it('creates a customer with a profile and finds them by id and by external id', async () => {
      const workspace = await buildWorkspace(store());
      const customer = await buildCustomer(store(), workspace, {
        externalId: 'crm-42',
        email: 'dana@example.com',
      });
      expect(customer).toMatchObject({
        externalId: 'crm-42',
        email: 'dana@example.com',
        profile: { plan: 'pro' },
      });
      expect(await store().customers.getById(customer.id)).toEqual(customer);
      expect(await store().customers.getByExternalId(workspace.id, 'crm-42')).toEqual(customer);
      expect(await store().customers.getByExternalId(workspace.id, 'crm-43')).toBeNull();
      expect(await store().customers.getById('crm-42')).toBeNull();
    });

    it('stores an anonymous visitor with empty fields', async () => {
      const workspace = await buildWorkspace(store());
      const visitor = await store().customers.create({ workspaceId: workspace.id });
      expect(visitor).toMatchObject({ externalId: null, name: null, email: null, profile: {} });
    });

    it('refuses a second customer with the same external id in one workspace, not across workspaces', async () => {
      const [first, second] = [await buildWorkspace(store()), await buildWorkspace(store())];
      await buildCustomer(store(), first, { externalId: 'u-1' });
      expect(await rejectionCode(buildCustomer(store(), first, { externalId: 'u-1' }))).toBe('conflict');
      const elsewhere = await buildCustomer(store(), second, { externalId: 'u-1' });
      expect(await store().customers.getByExternalId(second.id, 'u-1')).toEqual(elsewhere);
    });
  });
};
