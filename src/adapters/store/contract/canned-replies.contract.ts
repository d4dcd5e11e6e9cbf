/** Contract: canned replies per team, with titles unique within a team. */
import { describe, expect, it } from 'vitest';
import { buildAgent, buildWorkspace, rejectionCode, type StoreProvider } from './factories.ts';

const missingId = '00000000-0000-4000-8000-000000000001';

export const cannedRepliesContract = (store: StoreProvider): void => {
  describe('canned replies', () => {
    it('keeps a team’s replies by title, lists them per team, and edits and deletes them', async () => {
      const workspace = await buildWorkspace(store());
      const author = await buildAgent(store(), workspace);
      const replies = store().cannedReplies;
      const reply = { workspaceId: workspace.id, authorId: author.id };
      const shipped = await replies.create({
        ...reply,
        teamKey: 'shipping',
        title: 'Order shipped',
        body: 'Hi {{customer.first_name}}, it is {{order.status}}.',
      });
      const refund = await replies.create({
        ...reply,
        teamKey: 'billing',
        title: 'Refund started',
        body: 'Done.',
      });
      expect(shipped).toMatchObject({ teamKey: 'shipping', title: 'Order shipped', authorId: author.id });
      expect((await replies.list(workspace.id)).map((r) => r.title)).toEqual([
        'Order shipped',
        'Refund started',
      ]);
      expect((await replies.list(workspace.id, ['billing'])).map((r) => r.id)).toEqual([refund.id]);
      expect(await replies.list(workspace.id, [])).toEqual([]);
      expect(await replies.getById(workspace.id, shipped.id)).toEqual(shipped);

      const edited = await replies.update(workspace.id, shipped.id, {
        teamKey: 'shipping',
        title: 'Order on its way',
        body: 'On its way.',
        authorId: null,
      });
      expect(edited).toMatchObject({
        id: shipped.id,
        title: 'Order on its way',
        body: 'On its way.',
        authorId: null,
      });
      expect(await replies.delete(workspace.id, refund.id)).toBe(true);
      expect(await replies.delete(workspace.id, refund.id)).toBe(false);
      expect((await replies.list(workspace.id)).map((r) => r.id)).toEqual([shipped.id]);
    });

    it('refuses a title the team already has, and finds nothing of another workspace', async () => {
      const workspace = await buildWorkspace(store());
      const other = await buildWorkspace(store());
      const replies = store().cannedReplies;
      const base = { workspaceId: workspace.id, authorId: null, body: 'Thanks!' };
      const first = await replies.create({ ...base, teamKey: 'billing', title: 'Thanks' });
      expect(await rejectionCode(replies.create({ ...base, teamKey: 'billing', title: 'Thanks' }))).toBe(
        'conflict',
      );
      const second = await replies.create({ ...base, teamKey: 'shipping', title: 'Thanks' });
      expect(
        await rejectionCode(
          replies.update(workspace.id, second.id, {
            teamKey: 'billing',
            title: 'Thanks',
            body: 'x',
            authorId: null,
          }),
        ),
      ).toBe('conflict');
      expect(await replies.getById(other.id, first.id)).toBeNull();
      expect(
        await replies.update(other.id, first.id, { ...base, teamKey: 'billing', title: 'Mine' }),
      ).toBeNull();
      expect(await replies.delete(other.id, first.id)).toBe(false);
      expect(await replies.getById(workspace.id, missingId)).toBeNull();
      expect(await replies.getById(workspace.id, 'not-a-uuid')).toBeNull();
    });
  });
};
