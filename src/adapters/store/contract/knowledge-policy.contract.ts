/** Contract: knowledge articles with full-text search, and versioned escalation policies. */
import { describe, expect, it } from 'vitest';
import type { Store } from '../../../core/ports/store.ts';
import { buildWorkspace, rejectionCode, type StoreProvider } from './factories.ts';

const addArticle = (
  store: Store,
  workspaceId: string,
  slug: string,
  title: string,
  body: string,
  tags: string[] = [],
) => store.articles.upsert({ workspaceId, slug, title, body, tags, category: null });

export const knowledgePolicyContract = (store: StoreProvider): void => {
  describe('articles', () => {
    it('creates an article, then replaces the one with the same slug', async () => {
      const workspace = await buildWorkspace(store());
      const created = await store().articles.upsert({
        workspaceId: workspace.id,
        slug: 'refunds',
        title: 'Refunds',
        category: 'refund',
        tags: ['money', 'returns'],
        body: 'Refunds take 5 days.',
      });
      const replaced = await addArticle(
        store(),
        workspace.id,
        'refunds',
        'Refund policy',
        'Refunds take 3 days.',
      );
      expect(replaced.id).toBe(created.id);
      expect(replaced).toMatchObject({
        title: 'Refund policy',
        body: 'Refunds take 3 days.',
        category: null,
        tags: [],
      });
      expect(replaced.updatedAt.getTime()).toBeGreaterThanOrEqual(created.updatedAt.getTime());
      expect(await store().articles.list(workspace.id)).toEqual([replaced]);
      expect(await store().articles.getById(created.id)).toEqual(replaced);
      expect(await store().articles.getBySlug(workspace.id, 'refunds')).toEqual(replaced);
    });

    it('lists articles by title and deletes one', async () => {
      const workspace = await buildWorkspace(store());
      const shipping = await addArticle(
        store(),
        workspace.id,
        'shipping',
        'Shipping times',
        'Two to four days.',
      );
      const billing = await addArticle(store(), workspace.id, 'billing', 'Billing cycles', 'Monthly.');
      expect(await store().articles.list(workspace.id)).toEqual([billing, shipping]);
      expect(await store().articles.delete(billing.id)).toBe(true);
      expect(await store().articles.delete(billing.id)).toBe(false);
      expect(await store().articles.getById(billing.id)).toBeNull();
      expect(await store().articles.getBySlug(workspace.id, 'billing')).toBeNull();
      expect(await store().articles.list(workspace.id)).toEqual([shipping]);
    });

    it('finds an article when the question has many words the article lacks', async () => {
      const workspace = await buildWorkspace(store());
      const article = await addArticle(
        store(),
        workspace.id,
        'reset-password',
        'Resetting your password',
        'Use the "Forgot password" link on the sign-in page to get a reset email.',
      );
      await addArticle(
        store(),
        workspace.id,
        'shipping',
        'Shipping times',
        'Parcels arrive in two to four days.',
      );
      const hits = await store().articles.search(
        workspace.id,
        "Hi there, I can't remember my password since yesterday, what should I do now please?",
        5,
      );
      expect(hits.map((hit) => hit.article.id)).toEqual([article.id]);
      expect(hits[0]?.rank).toBeGreaterThan(0);
    });

    it('ranks an article matching more words, and in its title, above a passing mention', async () => {
      const workspace = await buildWorkspace(store());
      const passing = await addArticle(
        store(),
        workspace.id,
        'account',
        'Managing your account',
        'Change your email, your plan and your notification settings. Invoices are under Billing.',
      );
      const focused = await addArticle(
        store(),
        workspace.id,
        'invoices',
        'Downloading invoices',
        'Every invoice can be downloaded as a PDF from the Billing page.',
        ['billing'],
      );
      const hits = await store().articles.search(workspace.id, 'how do I download my invoice as a PDF', 10);
      expect(hits.map((hit) => hit.article.id)).toEqual([focused.id, passing.id]);
      const [best, next] = hits;
      expect(best?.rank).toBeGreaterThan(next?.rank ?? Number.POSITIVE_INFINITY);
    });

    it('ranks a match in the title above the same words in another article’s body', async () => {
      const workspace = await buildWorkspace(store());
      const inTitle = await addArticle(
        store(),
        workspace.id,
        'gift-cards',
        'Gift cards',
        'Buy them in the shop, send them by email, and spend them at checkout within two years of purchase.',
      );
      const inBody = await addArticle(
        store(),
        workspace.id,
        'promotions',
        'Promotions',
        'Gift cards: seasonal gift cards are sold at a discount.',
      );
      const hits = await store().articles.search(workspace.id, 'gift cards', 5);
      expect(hits.map((hit) => hit.article.id)).toEqual([inTitle.id, inBody.id]);
    });

    it('searches only the given workspace and honours the limit', async () => {
      const workspace = await buildWorkspace(store());
      const other = await buildWorkspace(store());
      for (const n of [1, 2, 3]) {
        await addArticle(store(), workspace.id, `refund-${n}`, `Refund case ${n}`, 'About refunds.');
      }
      await addArticle(store(), other.id, 'refund', 'Refund', 'About refunds.');
      const hits = await store().articles.search(workspace.id, 'refund', 2);
      expect(hits).toHaveLength(2);
      expect(hits.every((hit) => hit.article.workspaceId === workspace.id)).toBe(true);
    });

    it('treats search operators in a question as plain text and finds nothing for an empty question', async () => {
      const workspace = await buildWorkspace(store());
      const article = await addArticle(store(), workspace.id, 'refunds', 'Refunds', 'Refunds take 5 days.');
      const hits = await store().articles.search(workspace.id, "refund' & !(x | y) <-> z:* \\", 5);
      expect(hits.map((hit) => hit.article.id)).toEqual([article.id]);
      expect(await store().articles.search(workspace.id, '!!! ??? ---', 5)).toEqual([]);
      expect(await store().articles.search(workspace.id, 'the and of', 5)).toEqual([]);
    });

    it('searches the new text after an article is replaced', async () => {
      const workspace = await buildWorkspace(store());
      await addArticle(store(), workspace.id, 'delivery', 'Courier delivery', 'We ship with couriers.');
      await addArticle(
        store(),
        workspace.id,
        'delivery',
        'Parcel lockers',
        'Pick your parcel up at a locker.',
      );
      expect(await store().articles.search(workspace.id, 'courier', 5)).toEqual([]);
      expect(await store().articles.search(workspace.id, 'locker', 5)).toHaveLength(1);
    });
  });

  describe('policy versions', () => {
    const policy = (threshold: number) => ({
      categories: [{ name: 'refund', threshold, highRisk: false, examples: ['I want my money back'] }],
      triggers: { repeatedAsk: 2 },
    });

    it('has no current policy before the first publish', async () => {
      const workspace = await buildWorkspace(store());
      expect(await store().policies.current(workspace.id)).toBeNull();
      expect(await store().policies.list(workspace.id)).toEqual([]);
    });

    it('numbers published versions 1, 2, … and treats the highest as current', async () => {
      const workspace = await buildWorkspace(store());
      const first = await store().policies.publish({
        workspaceId: workspace.id,
        document: policy(0.7),
        author: 'system',
        note: 'default policy',
      });
      const second = await store().policies.publish({
        workspaceId: workspace.id,
        document: policy(0.8),
        author: 'ops-1',
      });
      expect([first.version, second.version]).toEqual([1, 2]);
      expect(first).toMatchObject({ workspaceId: workspace.id, author: 'system', note: 'default policy' });
      expect(second.note).toBeNull();
      expect(await store().policies.current(workspace.id)).toEqual(second);
      expect((await store().policies.get(workspace.id, 1))?.document).toEqual(policy(0.7));
      expect(await store().policies.get(workspace.id, 3)).toBeNull();
      expect(await store().policies.get(workspace.id, 0)).toBeNull();
      expect(await store().policies.list(workspace.id)).toEqual([second, first]);
    });

    it('keeps a recorded publish time', async () => {
      const workspace = await buildWorkspace(store());
      const at = new Date('2026-08-01T07:00:00.000Z');
      const published = await store().policies.publish({
        workspaceId: workspace.id,
        document: {},
        author: 'a',
        at,
      });
      expect(published.createdAt).toEqual(at);
    });

    it('gives simultaneous publishes distinct consecutive versions', async () => {
      const workspace = await buildWorkspace(store());
      const published = await Promise.all(
        [0.5, 0.6, 0.7, 0.8].map((threshold) =>
          store().policies.publish({ workspaceId: workspace.id, document: policy(threshold), author: 'ops' }),
        ),
      );
      expect(published.map((version) => version.version).sort()).toEqual([1, 2, 3, 4]);
    });

    it('keeps versions per workspace and refuses an unknown workspace', async () => {
      const [first, second] = [await buildWorkspace(store()), await buildWorkspace(store())];
      await store().policies.publish({ workspaceId: first.id, document: policy(0.5), author: 'ops' });
      const other = await store().policies.publish({
        workspaceId: second.id,
        document: policy(0.9),
        author: 'ops',
      });
      expect(other.version).toBe(1);
      const unknown = store().policies.publish({
        workspaceId: '00000000-0000-4000-8000-000000000003',
        document: {},
        author: 'ops',
      });
      expect(await rejectionCode(unknown)).toBe('not_found');
    });
  });
};
