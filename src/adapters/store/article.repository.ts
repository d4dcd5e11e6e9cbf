import { sql } from 'kysely';
import type { ArticleRepository } from '../../core/ports/store.ts';
import { articleSearchTerms, orSearchText } from './article-search-terms.ts';
import type { Db } from './database.ts';
import { toArticle } from './mappers.ts';
import { isUuid, numberOf } from './row-values.ts';

const articleColumns = [
  'id',
  'workspace_id',
  'slug',
  'title',
  'category',
  'tags',
  'body',
  'updated_at',
] as const;

/** Title matches weigh most, then category and tags, then the body. */
const searchVector = (title: string, labels: string, body: string) =>
  sql<string>`setweight(to_tsvector('english', ${title}), 'A')
    || setweight(to_tsvector('english', ${labels}), 'B')
    || setweight(to_tsvector('english', ${body}), 'C')`;

export const articleRepository = (db: Db): ArticleRepository => ({
  async upsert({ workspaceId, slug, title, category, tags, body }) {
    const labels = [category ?? '', ...(tags ?? [])].join(' ');
    const fields = {
      title,
      category: category ?? null,
      tags: tags ?? [],
      body,
      search_vector: searchVector(title, labels, body),
    };
    const row = await db
      .insertInto('articles')
      .values({ workspace_id: workspaceId, slug, ...fields })
      .onConflict((conflict) =>
        conflict.columns(['workspace_id', 'slug']).doUpdateSet({ ...fields, updated_at: sql<Date>`now()` }),
      )
      .returning(articleColumns)
      .executeTakeFirstOrThrow();
    return toArticle(row);
  },

  async getById(id) {
    if (!isUuid(id)) return null;
    const row = await db
      .selectFrom('articles')
      .select(articleColumns)
      .where('id', '=', id)
      .executeTakeFirst();
    return row === undefined ? null : toArticle(row);
  },

  async getBySlug(workspaceId, slug) {
    const row = await db
      .selectFrom('articles')
      .select(articleColumns)
      .where('workspace_id', '=', workspaceId)
      .where('slug', '=', slug)
      .executeTakeFirst();
    return row === undefined ? null : toArticle(row);
  },

  async list(workspaceId) {
    const rows = await db
      .selectFrom('articles')
      .select(articleColumns)
      .where('workspace_id', '=', workspaceId)
      .orderBy('title')
      .orderBy('id')
      .execute();
    return rows.map(toArticle);
  },

  async delete(id) {
    if (!isUuid(id)) return false;
    const result = await db.deleteFrom('articles').where('id', '=', id).executeTakeFirst();
    return result.numDeletedRows > 0n;
  },

  async search(workspaceId, question, limit) {
    const terms = articleSearchTerms(question);
    if (terms.length === 0 || limit <= 0) return [];
    const query = sql`websearch_to_tsquery('english', ${orSearchText(terms)})`;
    // Normalisation 1 divides by 1 + log(length): a long article does not win on length alone.
    const rank = sql<number>`ts_rank_cd(search_vector, ${query}, 1)`;
    const rows = await db
      .selectFrom('articles')
      .select([...articleColumns, rank.as('rank')])
      .where('workspace_id', '=', workspaceId)
      .where(sql<boolean>`search_vector @@ ${query}`)
      .orderBy('rank', 'desc')
      .orderBy('title')
      .limit(Math.floor(limit))
      .execute();
    return rows.map((row) => ({ article: toArticle(row), rank: numberOf(row.rank, 'search rank') }));
  },
});
