/** Contract: versioned workspace settings (handoff templates and the like), one history per key. */
import { describe, expect, it } from 'vitest';
import { buildWorkspace, rejectionCode, type StoreProvider } from './factories.ts';

export const workspaceSettingsContract = (store: StoreProvider): void => {
  describe('workspace settings', () => {
    const templates = (message: string) => ({
      message,
      teams: { billing: { needs: { refund: 'a refund' } } },
    });

    it('has no current value before the first save', async () => {
      const workspace = await buildWorkspace(store());
      expect(await store().settings.current(workspace.id, 'handoff_templates')).toBeNull();
      expect(await store().settings.list(workspace.id, 'handoff_templates')).toEqual([]);
    });

    it('numbers saves 1, 2, … per key, keeps author and note, and treats the highest as current', async () => {
      const workspace = await buildWorkspace(store());
      const first = await store().settings.publish({
        workspaceId: workspace.id,
        key: 'handoff_templates',
        value: templates('first'),
        author: 'ops-1',
        note: 'warmer wording',
      });
      const second = await store().settings.publish({
        workspaceId: workspace.id,
        key: 'handoff_templates',
        value: templates('second'),
        author: 'ops-2',
      });
      const otherKey = await store().settings.publish({
        workspaceId: workspace.id,
        key: 'llm',
        value: { model: 'small' },
        author: 'ops-1',
        note: 'try it',
      });
      expect([first.version, second.version, otherKey.version]).toEqual([1, 2, 1]);
      expect(first).toMatchObject({
        workspaceId: workspace.id,
        key: 'handoff_templates',
        value: templates('first'),
        author: 'ops-1',
        note: 'warmer wording',
      });
      expect(second.note).toBeNull();
      expect(await store().settings.current(workspace.id, 'handoff_templates')).toEqual(second);
      expect(await store().settings.current(workspace.id, 'llm')).toEqual(otherKey);
      expect(await store().settings.list(workspace.id, 'handoff_templates')).toEqual([second, first]);
    });

    it('stores JSON values of any shape as given, arrays and strings included', async () => {
      const workspace = await buildWorkspace(store());
      for (const value of [['a', 'b'], 'plain text', 42, null, { nested: { deep: [1, { x: true }] } }]) {
        const saved = await store().settings.publish({
          workspaceId: workspace.id,
          key: 'k',
          value,
          author: 'a',
        });
        expect(saved.value).toEqual(value);
        expect((await store().settings.current(workspace.id, 'k'))?.value).toEqual(value);
      }
    });

    it('keeps a recorded save time', async () => {
      const workspace = await buildWorkspace(store());
      const at = new Date('2026-08-01T07:00:00.000Z');
      const saved = await store().settings.publish({
        workspaceId: workspace.id,
        key: 'handoff_templates',
        value: {},
        author: 'a',
        at,
      });
      expect(saved.createdAt).toEqual(at);
    });

    it('gives simultaneous saves of one key distinct consecutive versions', async () => {
      const workspace = await buildWorkspace(store());
      const saved = await Promise.all(
        ['a', 'b', 'c', 'd'].map((message) =>
          store().settings.publish({
            workspaceId: workspace.id,
            key: 'handoff_templates',
            value: templates(message),
            author: 'ops',
          }),
        ),
      );
      expect(saved.map((version) => version.version).sort()).toEqual([1, 2, 3, 4]);
    });

    it('keeps histories per workspace and refuses an unknown workspace, an empty key or no value', async () => {
      const [first, second] = [await buildWorkspace(store()), await buildWorkspace(store())];
      await store().settings.publish({ workspaceId: first.id, key: 'k', value: 1, author: 'ops' });
      const other = await store().settings.publish({
        workspaceId: second.id,
        key: 'k',
        value: 2,
        author: 'ops',
      });
      expect(other.version).toBe(1);
      expect((await store().settings.current(first.id, 'k'))?.value).toBe(1);
      const unknown = store().settings.publish({
        workspaceId: '00000000-0000-4000-8000-000000000004',
        key: 'k',
        value: {},
        author: 'ops',
      });
      expect(await rejectionCode(unknown)).toBe('not_found');
      const emptyKey = store().settings.publish({ workspaceId: first.id, key: '', value: {}, author: 'ops' });
      expect(await rejectionCode(emptyKey)).toBe('invalid_input');
      const noValue = store().settings.publish({
        workspaceId: first.id,
        key: 'k',
        value: undefined,
        author: 'ops',
      });
      expect(await rejectionCode(noValue)).toBe('invalid_input');
      expect(await store().settings.list(first.id, 'k')).toHaveLength(1);
    });
  });
};
