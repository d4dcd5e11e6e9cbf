/**
 * Versioned article writes (issue 10, the knowledge page): every change of content or of
 * publication inserts an `article_versions` row and moves the `articles` row (the current version,
 * with its search vector) in the same transaction, compare-and-set on the version it was read at.
 */
import { type Selectable, sql } from 'kysely';
import type {
  ArticleChangeKind,
  ArticleContent,
  ArticleEdit,
  ArticleRecord,
  ArticleVersion,
  ArticleWrite,
} from '../../core/ports/store.ts';
import { atomically } from './atomically.ts';
import type { ArticleTable, ArticleVersionTable, Db } from './database.ts';
import { articleColumns, toArticle } from './mappers.ts';
import { isUuid } from './row-values.ts';

/** The article and where it stands: its version, whether customers see it, when it was last reviewed. */
export const recordColumns = [
  ...articleColumns,
  'version',
  'published',
  'reviewed_at',
  'reviewed_by',
] as const;

type RecordRow = Pick<Selectable<ArticleTable>, (typeof recordColumns)[number]>;

export const toArticleRecord = (row: RecordRow): ArticleRecord => ({
  ...toArticle(row),
  version: row.version,
  published: row.published,
  reviewedAt: row.reviewed_at,
  reviewedBy: row.reviewed_by,
});

const changeKinds: readonly ArticleChangeKind[] = ['created', 'edited', 'unpublished', 'republished'];
const isChangeKind = (value: string): value is ArticleChangeKind =>
  changeKinds.some((kind) => kind === value);

const toArticleVersion = (row: Selectable<ArticleVersionTable>): ArticleVersion => {
  if (!isChangeKind(row.change))
    throw new Error(`Unknown article change "${row.change}" in article_versions`);
  return {
    articleId: row.article_id,
    version: row.version,
    change: row.change,
    title: row.title,
    category: row.category,
    tags: row.tags,
    body: row.body,
    published: row.published,
    author: row.author,
    createdAt: row.created_at,
  };
};

/** Title matches weigh most, then category and tags, then the body. */
export const searchVector = (content: ArticleContent) => {
  const labels = [content.category ?? '', ...content.tags].join(' ');
  return sql<string>`setweight(to_tsvector('english', ${content.title}), 'A')
    || setweight(to_tsvector('english', ${labels}), 'B')
    || setweight(to_tsvector('english', ${content.body}), 'C')`;
};

/** Keeps the current row of `article` as its version, written by `author` as `change`. */
export const keepVersion = async (
  db: Db,
  article: ArticleRecord,
  change: ArticleChangeKind,
  author: string,
): Promise<void> => {
  await db
    .insertInto('article_versions')
    .values({
      article_id: article.id,
      version: article.version,
      workspace_id: article.workspaceId,
      change,
      title: article.title,
      category: article.category,
      tags: article.tags,
      body: article.body,
      published: article.published,
      author,
    })
    .execute();
};

export const createArticle = (
  db: Db,
  input: { workspaceId: string; slug: string; author: string } & ArticleContent,
): Promise<ArticleWrite> =>
  atomically(db, async (trx) => {
    const row = await trx
      .insertInto('articles')
      .values({
        workspace_id: input.workspaceId,
        slug: input.slug,
        title: input.title,
        category: input.category,
        tags: input.tags,
        body: input.body,
        search_vector: searchVector(input),
      })
      .onConflict((conflict) => conflict.columns(['workspace_id', 'slug']).doNothing())
      .returning(recordColumns)
      .executeTakeFirst();
    if (row === undefined) return { kind: 'slug_taken' };
    const article = toArticleRecord(row);
    await keepVersion(trx, article, 'created', input.author);
    return { kind: 'saved', article };
  });

const editedFields = (edit: ArticleEdit) => {
  switch (edit.kind) {
    case 'edit':
      return {
        change: 'edited' as const,
        fields: { ...edit.content, search_vector: searchVector(edit.content) },
      };
    case 'unpublish':
      return { change: 'unpublished' as const, fields: { published: false } };
    case 'republish':
      return { change: 'republished' as const, fields: { published: true } };
  }
};

export const readRecord = async (db: Db, id: string): Promise<ArticleRecord | null> => {
  if (!isUuid(id)) return null;
  const row = await db.selectFrom('articles').select(recordColumns).where('id', '=', id).executeTakeFirst();
  return row === undefined ? null : toArticleRecord(row);
};

export const changeArticle = (
  db: Db,
  input: { id: string; expectedVersion: number; author: string; change: ArticleEdit },
): Promise<ArticleWrite> =>
  atomically(db, async (trx) => {
    if (!isUuid(input.id)) return { kind: 'not_found' };
    const { change, fields } = editedFields(input.change);
    const row = await trx
      .updateTable('articles')
      .set({ ...fields, version: sql<number>`version + 1`, updated_at: sql<Date>`now()` })
      .where('id', '=', input.id)
      .where('version', '=', input.expectedVersion)
      .returning(recordColumns)
      .executeTakeFirst();
    if (row === undefined) {
      const current = await readRecord(trx, input.id);
      return current === null ? { kind: 'not_found' } : { kind: 'stale', current };
    }
    const article = toArticleRecord(row);
    await keepVersion(trx, article, change, input.author);
    return { kind: 'saved', article };
  });

export const listVersions = async (db: Db, id: string): Promise<ArticleVersion[]> => {
  if (!isUuid(id)) return [];
  const rows = await db
    .selectFrom('article_versions')
    .selectAll()
    .where('article_id', '=', id)
    .orderBy('version', 'desc')
    .execute();
  return rows.map(toArticleVersion);
};

/** `%`, `_` and `\` stand for themselves in the page's search box. */
const likePattern = (text: string): string => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export const listRecords = async (
  db: Db,
  workspaceId: string,
  contains?: string,
): Promise<ArticleRecord[]> => {
  let query = db.selectFrom('articles').select(recordColumns).where('workspace_id', '=', workspaceId);
  const text = contains?.trim() ?? '';
  if (text !== '') {
    const pattern = likePattern(text);
    query = query.where((eb) =>
      eb.or([
        eb('title', 'ilike', pattern),
        eb('slug', 'ilike', pattern),
        eb('body', 'ilike', pattern),
        eb(sql<string>`array_to_string(tags, ' ')`, 'ilike', pattern),
      ]),
    );
  }
  const rows = await query.orderBy('title').orderBy('id').execute();
  return rows.map(toArticleRecord);
};

export const markArticleReviewed = async (
  db: Db,
  id: string,
  reviewer: string,
): Promise<ArticleRecord | null> => {
  if (!isUuid(id)) return null;
  const row = await db
    .updateTable('articles')
    .set({ reviewed_at: sql<Date>`now()`, reviewed_by: reviewer })
    .where('id', '=', id)
    .returning(recordColumns)
    .executeTakeFirst();
  return row === undefined ? null : toArticleRecord(row);
};
