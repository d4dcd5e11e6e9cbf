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
};
