/** Contract: articles edited on the knowledge page keep every version; only published ones are answered from. */
import { describe, expect, it } from 'vitest';
import type { ArticleRecord, ArticleWrite, Store } from '../../../core/ports/store.ts';
import { buildWorkspace, type StoreProvider } from './factories.ts';

const returns = {
  title: 'Returns',
  category: 'refund',
  tags: ['returns'],
  body: 'Send an item back within 30 days of delivery for a full refund.',
};

const saved = (write: ArticleWrite): ArticleRecord => {
  if (write.kind !== 'saved') throw new Error(`expected a saved article, got ${write.kind}`);
  return write.article;
};

const createReturns = async (store: Store, workspaceId: string) =>
  saved(await store.articles.create({ workspaceId, slug: 'returns', author: 'Olu', ...returns }));

export const articleVersionsContract = (store: StoreProvider): void => {
  describe('article versions', () => {
    it('creates an article as published version 1, kept with its author, and refuses a taken slug', async () => {
      const workspace = await buildWorkspace(store());
      const article = await createReturns(store(), workspace.id);
      expect(article).toMatchObject({
        ...returns,
        slug: 'returns',
        version: 1,
        published: true,
        reviewedAt: null,
      });
      const again = await store().articles.create({
        workspaceId: workspace.id,
        slug: 'returns',
        author: 'Sam',
        ...returns,
      });
      expect(again).toEqual({ kind: 'slug_taken' });
      const versions = await store().articles.versions(article.id);
      expect(versions).toHaveLength(1);
      expect(versions[0]).toMatchObject({
        version: 1,
        change: 'created',
        author: 'Olu',
        published: true,
        ...returns,
      });
    });

    it('edits by a new version, never in place, and refuses an edit made from an older version', async () => {
      const workspace = await buildWorkspace(store());
      const article = await createReturns(store(), workspace.id);
      const content = { ...returns, body: 'Send an item back within 60 days of delivery for a full refund.' };
      const edited = saved(
        await store().articles.change({
          id: article.id,
          expectedVersion: 1,
          author: 'Sam',
          change: { kind: 'edit', content },
        }),
      );
      expect(edited).toMatchObject({ id: article.id, version: 2, body: content.body });
      const stale = await store().articles.change({
        id: article.id,
        expectedVersion: 1,
        author: 'Olu',
        change: { kind: 'edit', content: returns },
      });
      expect(stale).toEqual({ kind: 'stale', current: edited });
      const versions = await store().articles.versions(article.id);
      expect(versions.map((v) => [v.version, v.change, v.author, v.body])).toEqual([
        [2, 'edited', 'Sam', content.body],
        [1, 'created', 'Olu', returns.body],
      ]);
      const hits = await store().articles.search(workspace.id, 'return within 60 days', 5);
      expect(hits.map((hit) => hit.article.body)).toEqual([content.body]);
    });

    it('takes an unpublished article out of search and the answered list, and back when republished', async () => {
      const workspace = await buildWorkspace(store());
      const article = await createReturns(store(), workspace.id);
      const off = saved(
        await store().articles.change({
          id: article.id,
          expectedVersion: 1,
          author: 'Olu',
          change: { kind: 'unpublish' },
        }),
      );
      expect(off).toMatchObject({ published: false, version: 2 });
      expect(await store().articles.search(workspace.id, 'send an item back', 5)).toEqual([]);
      expect(await store().articles.list(workspace.id)).toEqual([]);
      expect((await store().articles.records(workspace.id)).map((record) => record.id)).toEqual([article.id]);
      const on = saved(
        await store().articles.change({
          id: article.id,
          expectedVersion: 2,
          author: 'Olu',
          change: { kind: 'republish' },
        }),
      );
      expect(on).toMatchObject({ published: true, version: 3 });
      expect((await store().articles.search(workspace.id, 'send an item back', 5)).length).toBe(1);
      expect((await store().articles.versions(article.id)).map((v) => [v.change, v.published])).toEqual([
        ['republished', true],
        ['unpublished', false],
        ['created', true],
      ]);
    });

    it('answers not_found for an article that is not there', async () => {
      const missing = await store().articles.change({
        id: '00000000-0000-4000-8000-000000000000',
        expectedVersion: 1,
        author: 'Olu',
        change: { kind: 'unpublish' },
      });
      expect(missing).toEqual({ kind: 'not_found' });
      expect(
        await store().articles.change({
          id: 'nope',
          expectedVersion: 1,
          author: 'Olu',
          change: { kind: 'republish' },
        }),
      ).toEqual({
        kind: 'not_found',
      });
      expect(await store().articles.markReviewed('nope', 'Olu')).toBeNull();
      expect(await store().articles.versions('nope')).toEqual([]);
    });

    it('marks an article reviewed without a new version', async () => {
      const workspace = await buildWorkspace(store());
      const article = await createReturns(store(), workspace.id);
      const reviewed = await store().articles.markReviewed(article.id, 'Quinn');
      expect(reviewed).toMatchObject({ version: 1, reviewedBy: 'Quinn' });
      expect(reviewed?.reviewedAt).toBeInstanceOf(Date);
      expect(await store().articles.versions(article.id)).toHaveLength(1);
    });

    it('searches the editing list by title, slug, tags or body, with % and _ taken literally', async () => {
      const workspace = await buildWorkspace(store());
      const returnsArticle = await createReturns(store(), workspace.id);
      const shipping = saved(
        await store().articles.create({
          workspaceId: workspace.id,
          slug: 'shipping_times',
          author: 'Olu',
          title: 'Shipping times',
          category: 'shipping',
          tags: ['delivery'],
          body: 'Parcels arrive in 2 to 4 days; express saves 50% of the wait.',
        }),
      );
      const ids = async (contains: string) =>
        (await store().articles.records(workspace.id, contains)).map((record) => record.id);
      expect(await ids('')).toEqual([returnsArticle.id, shipping.id]);
      expect(await ids('SHIPPING')).toEqual([shipping.id]);
      expect(await ids('delivery')).toEqual([returnsArticle.id, shipping.id]);
      expect(await ids('50%')).toEqual([shipping.id]);
      expect(await ids('%')).toEqual([shipping.id]);
      expect(await ids('_times')).toEqual([shipping.id]);
      expect(await ids('s_t')).toEqual([]);
    });

    it('keeps imports as versions, and the same content imported again as no new version', async () => {
      const workspace = await buildWorkspace(store());
      const input = { workspaceId: workspace.id, slug: 'returns', ...returns };
      const first = await store().articles.upsert(input);
      const again = await store().articles.upsert(input);
      expect(again).toEqual(first);
      await store().articles.upsert({ ...input, body: 'Returns are free.', author: 'Olu' });
      expect((await store().articles.versions(first.id)).map((v) => [v.version, v.change, v.author])).toEqual(
        [
          [2, 'edited', 'Olu'],
          [1, 'created', 'import'],
        ],
      );
    });

    it('keeps articles of one workspace out of another', async () => {
      const mine = await buildWorkspace(store());
      const theirs = await buildWorkspace(store(), 'Other Co');
      await createReturns(store(), mine.id);
      expect(await store().articles.records(theirs.id)).toEqual([]);
      expect(await store().articles.records(theirs.id, 'returns')).toEqual([]);
    });
  });
};
