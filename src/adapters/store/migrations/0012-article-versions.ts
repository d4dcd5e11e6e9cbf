/**
 * Knowledge page (issue 10): articles are never overwritten in place. Every change (created,
 * edited, unpublished, republished) is kept in `article_versions` with its author and time; the
 * `articles` row is the current version (it carries the search vector the answerer searches) and
 * names it by `version`. Only published articles are searched and answered from. "Last reviewed" is
 * a mark on the current row, not a change of content.
 */
import { type QueryExecutorProvider, sql } from 'kysely';

export const name = '0012-article-versions';

const statements = [
  sql`ALTER TABLE articles ADD COLUMN version integer NOT NULL DEFAULT 1 CHECK (version > 0)`,
  sql`ALTER TABLE articles ADD COLUMN published boolean NOT NULL DEFAULT true`,
  sql`ALTER TABLE articles ADD COLUMN reviewed_at timestamptz`,
  sql`ALTER TABLE articles ADD COLUMN reviewed_by text`,
  sql`CREATE TABLE article_versions (
    article_id uuid NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    version integer NOT NULL CHECK (version > 0),
    workspace_id uuid NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    change text NOT NULL CHECK (change IN ('created', 'edited', 'unpublished', 'republished')),
    title text NOT NULL,
    category text,
    tags text[] NOT NULL DEFAULT '{}',
    body text NOT NULL,
    published boolean NOT NULL,
    author text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (article_id, version)
  )`,
  // Articles written before versions existed get their first version from what they hold now.
  sql`INSERT INTO article_versions
    (article_id, version, workspace_id, change, title, category, tags, body, published, author, created_at)
    SELECT id, 1, workspace_id, 'created', title, category, tags, body, true, 'import', updated_at FROM articles`,
];

export const up = async (db: QueryExecutorProvider): Promise<void> => {
  for (const statement of statements) {
    await statement.execute(db);
  }
};
