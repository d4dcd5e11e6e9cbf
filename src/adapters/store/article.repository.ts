import { sql } from 'kysely';
import type { ArticleRepository } from '../../core/ports/store.ts';
import { articleSearchTerms, orSearchText } from './article-search-terms.ts';
import {
  changeArticle,
  createArticle,
  keepVersion,
  listRecords,
  listVersions,
  markArticleReviewed,
  readRecord,
  recordColumns,
  searchVector,
  toArticleRecord,
} from './article-versions.ts';
import { atomically } from './atomically.ts';
import type { Db } from './database.ts';
import { articleColumns, toArticle } from './mappers.ts';
import { isUuid, numberOf } from './row-values.ts';

export const articleRepository = (db: Db): ArticleRepository => ({
  upsert({ workspaceId, slug, title, category, tags, body, author }) {
    const content = { title, category: category ?? null, tags: tags ?? [], body };
    const fields = { ...content, search_vector: searchVector(content) };
    return atomically(db, async (trx) => {
      const row = await trx
        .insertInto('articles')
        .values({ workspace_id: workspaceId, slug, ...fields })
        .onConflict((conflict) =>
          conflict
            .columns(['workspace_id', 'slug'])
            .doUpdateSet({
              ...fields,
              version: sql<number>`articles.version + 1`,
              updated_at: sql<Date>`now()`,
            })
            // The same content again (a re-run import) is no new version.
            .where(
              sql<boolean>`(articles.title, articles.category, articles.tags, articles.body)
                IS DISTINCT FROM (excluded.title, excluded.category, excluded.tags, excluded.body)`,
            ),
        )
        .returning(recordColumns)
        .executeTakeFirst();
      if (row === undefined) {
        const current = await trx
          .selectFrom('articles')
          .select(articleColumns)
          .where('workspace_id', '=', workspaceId)
          .where('slug', '=', slug)
          .executeTakeFirstOrThrow();
        return toArticle(current);
      }
      const record = toArticleRecord(row);
      await keepVersion(trx, record, record.version === 1 ? 'created' : 'edited', author ?? 'import');
      return toArticle(row);
    });
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
      .where('published', '=', true)
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
      .where('published', '=', true)
      .where(sql<boolean>`search_vector @@ ${query}`)
      .orderBy('rank', 'desc')
      .orderBy('title')
      .limit(Math.floor(limit))
      .execute();
    return rows.map((row) => ({ article: toArticle(row), rank: numberOf(row.rank, 'search rank') }));
  },

  records: (workspaceId, contains) => listRecords(db, workspaceId, contains),
  record: (id) => readRecord(db, id),
  create: (input) => createArticle(db, input),
  change: (input) => changeArticle(db, input),
  markReviewed: (id, reviewer) => markArticleReviewed(db, id, reviewer),
  versions: (id) => listVersions(db, id),
});
