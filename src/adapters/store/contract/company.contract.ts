/** Contract: what a company's own install keeps (issue 10): its workspaces listed, demo marks. */
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { buildWorkspace, type StoreProvider } from './factories.ts';

export const companyContract = (store: StoreProvider): void => {
  describe('workspaces of an install', () => {
    it('lists every workspace oldest first, so the first is the install default', async () => {
      const first = await buildWorkspace(store(), 'First');
      const second = await buildWorkspace(store(), 'Second');
      const slugs = (await store().workspaces.list()).map((w) => w.slug);
      expect(slugs.indexOf(first.slug)).toBeGreaterThanOrEqual(0);
      expect(slugs.indexOf(first.slug)).toBeLessThan(slugs.indexOf(second.slug));
    });

    it('marks a demo workspace and demo accounts, and nothing else', async () => {
      const real = await buildWorkspace(store());
      const demo = await store().workspaces.create({
        slug: `demo-${randomUUID()}`,
        name: 'Demo',
        demo: true,
      });
      expect([real.demo, demo.demo]).toEqual([false, true]);
      expect((await store().workspaces.getBySlug(demo.slug))?.demo).toBe(true);
      const account = { name: 'Dee', role: 'agent', passwordHash: 'scrypt$test', teamKeys: [] } as const;
      const demoAgent = await store().agents.create({
        ...account,
        workspaceId: demo.id,
        email: 'd@demo.test',
        demo: true,
      });
      const realAgent = await store().agents.create({
        ...account,
        workspaceId: real.id,
        email: 'r@real.example',
      });
      expect([(await store().agents.getById(demoAgent.id))?.demo, realAgent.demo]).toEqual([true, false]);
    });
  });

  describe('people', () => {
    const account = { name: 'Pat', role: 'agent', passwordHash: 'scrypt$old', teamKeys: [] } as const;
    const session = (tokenHash: string, agentId: string, minutes: number) => ({
      tokenHash,
      agentId,
      createdAt: new Date(Date.now() - 60_000 + minutes * 1000),
      expiresAt: new Date(Date.now() + minutes * 60_000),
    });

    it('deactivates an agent and deletes their sessions in the same statement', async () => {
      const workspace = await buildWorkspace(store());
      const agent = await store().agents.create({
        ...account,
        workspaceId: workspace.id,
        email: 'p@x.example',
      });
      await store().sessions.create(session(`s1-${agent.id}`, agent.id, 10));
      await store().sessions.create(session(`s2-${agent.id}`, agent.id, 20));
      expect(await store().sessions.listByAgent(agent.id, new Date())).toHaveLength(2);
      const closed = await store().agents.deactivate(agent.id, new Date());
      expect(closed).toMatchObject({ active: false, status: 'away' });
      expect(await store().sessions.listByAgent(agent.id, new Date())).toEqual([]);
      expect(await store().agents.deactivate(randomUUID(), new Date())).toBeNull();
    });

    it('sets a password hash and ends every session but the one kept', async () => {
      const workspace = await buildWorkspace(store());
      const agent = await store().agents.create({
        ...account,
        workspaceId: workspace.id,
        email: 'q@x.example',
      });
      await store().sessions.create(session(`keep-${agent.id}`, agent.id, 10));
      await store().sessions.create(session(`end-${agent.id}`, agent.id, 20));
      await store().agents.setPasswordHash(agent.id, 'scrypt$new', `keep-${agent.id}`);
      expect((await store().agents.getById(agent.id))?.passwordHash).toBe('scrypt$new');
      expect((await store().sessions.listByAgent(agent.id, new Date())).map((s) => s.tokenHash)).toEqual([
        `keep-${agent.id}`,
      ]);
    });

    it('changes role, teams and capacity, leaving what is not given', async () => {
      const workspace = await buildWorkspace(store());
      const agent = await store().agents.create({
        ...account,
        workspaceId: workspace.id,
        email: 'r@x.example',
      });
      const changed = await store().agents.update(agent.id, { role: 'qa', capacity: 0 });
      expect(changed).toMatchObject({ role: 'qa', capacity: 0, teamKeys: [] });
      expect(await store().agents.update(agent.id, { teamKeys: ['billing'] })).toMatchObject({
        role: 'qa',
        teamKeys: ['billing'],
      });
    });

    it('uses a one-time link once, and never after it expired', async () => {
      const workspace = await buildWorkspace(store());
      const now = new Date();
      const link = {
        workspaceId: workspace.id,
        kind: 'invitation',
        email: 'new@x.example',
        name: 'New',
        role: 'agent',
        teamKeys: ['orders'],
        capacity: 2,
        agentId: null,
        createdBy: null,
      } as const;
      await store().peopleLinks.create({
        ...link,
        tokenHash: `a-${workspace.id}`,
        expiresAt: new Date(now.getTime() + 60_000),
      });
      await store().peopleLinks.create({
        ...link,
        tokenHash: `b-${workspace.id}`,
        expiresAt: new Date(now.getTime() - 1),
      });
      expect(
        (await store().peopleLinks.pendingInvitations(workspace.id, now)).map((l) => l.tokenHash),
      ).toEqual([`a-${workspace.id}`]);
      const uses = await Promise.all([
        store().peopleLinks.use(`a-${workspace.id}`, now),
        store().peopleLinks.use(`a-${workspace.id}`, now),
      ]);
      expect(uses.filter((use) => use !== null)).toHaveLength(1);
      expect(await store().peopleLinks.use(`b-${workspace.id}`, now)).toBeNull();
      expect((await store().peopleLinks.get(`a-${workspace.id}`))?.usedAt).toEqual(now);
      expect(await store().peopleLinks.pendingInvitations(workspace.id, now)).toEqual([]);
    });

    it('prunes links used or expired before a moment, a bounded batch at a time, and keeps the rest', async () => {
      const workspace = await buildWorkspace(store());
      const now = new Date('2026-11-24T12:00:00Z');
      const at = (days: number) => new Date(now.getTime() + days * 86_400_000);
      const link = (key: string, expiresAt: Date) =>
        store().peopleLinks.create({
          workspaceId: workspace.id,
          tokenHash: `${key}-${workspace.id}`,
          kind: 'password_reset',
          email: `${key}@x.example`,
          name: key,
          role: 'agent',
          teamKeys: [],
          capacity: 2,
          agentId: null,
          createdBy: null,
          expiresAt,
        });
      await link('expired-long-ago', at(-40));
      await link('expired-lately', at(-5));
      await link('used-long-ago', at(-30));
      await link('used-lately', at(10));
      await link('pending', at(3));
      await store().peopleLinks.use(`used-long-ago-${workspace.id}`, at(-35));
      await store().peopleLinks.use(`used-lately-${workspace.id}`, at(-1));
      // Another workspace's spent link is not this workspace's to prune.
      const other = await buildWorkspace(store());
      await store().peopleLinks.create({
        workspaceId: other.id,
        tokenHash: `other-${workspace.id}`,
        kind: 'invitation',
        email: 'other@x.example',
        name: 'Other',
        role: 'agent',
        teamKeys: [],
        capacity: 2,
        agentId: null,
        createdBy: null,
        expiresAt: at(-40),
      });

      const before = at(-30);
      expect(await store().peopleLinks.pruneSpent(workspace.id, before, 1)).toBe(1);
      expect(await store().peopleLinks.pruneSpent(workspace.id, before, 10)).toBe(1);
      expect(await store().peopleLinks.pruneSpent(workspace.id, before, 10)).toBe(0);
      const left = async (key: string) => (await store().peopleLinks.get(`${key}-${workspace.id}`)) !== null;
      expect(await left('expired-long-ago')).toBe(false);
      expect(await left('used-long-ago')).toBe(false);
      for (const key of ['expired-lately', 'used-lately', 'pending']) expect(await left(key), key).toBe(true);
      expect(await store().peopleLinks.get(`other-${workspace.id}`)).not.toBeNull();
    });
  });
};
