/**
 * Knowledge articles from a folder of Markdown files, and their import into a workspace.
 * Every file is read and checked before anything is reported, so one run lists all the fixes.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  type ArticleProblem,
  defaultArticleCategories,
  type ParsedArticle,
  parseArticleMarkdown,
} from '../../core/knowledge/article-markdown.ts';
import type { Article } from '../../core/model.ts';
import type { Store } from '../../core/ports/store.ts';

export interface ArticleFileFailure {
  readonly fileName: string;
  readonly problems: readonly ArticleProblem[];
}

export interface KnowledgeFolder {
  /** Parsed articles, in file-name order. */
  readonly articles: readonly ParsedArticle[];
  readonly failures: readonly ArticleFileFailure[];
}

const isMarkdown = (name: string) => /\.(?:md|markdown)$/i.test(name) && !name.startsWith('.');

/** Reads every Markdown file directly in `dir`; problems are collected per file, never thrown. */
export const readKnowledgeFolder = async (
  dir: string,
  categories: readonly string[] = defaultArticleCategories,
): Promise<KnowledgeFolder> => {
  const entries = await readdir(dir, { withFileTypes: true });
  const fileNames = entries
    .filter((entry) => entry.isFile() && isMarkdown(entry.name))
    .map((entry) => entry.name)
    .sort();
  const articles: ParsedArticle[] = [];
  const failures: ArticleFileFailure[] = [];
  const slugOwners = new Map<string, string>();
  for (const fileName of fileNames) {
    let text: string;
    try {
      text = await readFile(join(dir, fileName), 'utf8');
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      failures.push({ fileName, problems: [{ field: 'file', message: `cannot be read: ${reason}` }] });
      continue;
    }
    const parsed = parseArticleMarkdown(fileName, text, categories);
    if (parsed.kind === 'invalid') {
      failures.push({ fileName: parsed.fileName, problems: parsed.problems });
      continue;
    }
    const owner = slugOwners.get(parsed.article.slug);
    if (owner !== undefined) {
      const message = `"${parsed.article.slug}" is already used by ${owner}; rename one of the files`;
      failures.push({ fileName, problems: [{ field: 'slug', message }] });
      continue;
    }
    slugOwners.set(parsed.article.slug, fileName);
    articles.push(parsed.article);
  }
  return { articles, failures };
};

/**
 * Articles as the answerer sees them, for a knowledge base that lives in memory only
 * (`baton triage --kb DIR`): the slug doubles as the id.
 */
export const toMemoryArticles = (
  articles: readonly ParsedArticle[],
  options: { readonly workspaceId?: string; readonly updatedAt?: Date } = {},
): Article[] =>
  articles.map((article) => ({
    id: article.slug,
    workspaceId: options.workspaceId ?? 'local',
    slug: article.slug,
    title: article.title,
    category: article.category,
    tags: article.tags,
    body: article.body,
    updatedAt: options.updatedAt ?? new Date(0),
  }));

export interface ImportProgress {
  readonly done: number;
  readonly total: number;
  readonly slug: string;
}

export interface ImportResult {
  readonly imported: readonly Article[];
  readonly failed: readonly { readonly slug: string; readonly error: string }[];
}

/** Creates or replaces each article (by slug) in the workspace; a failed article does not stop the rest. */
export const importArticles = async (
  store: Store,
  workspaceId: string,
  articles: readonly ParsedArticle[],
  onProgress?: (progress: ImportProgress) => void,
): Promise<ImportResult> => {
  const imported: Article[] = [];
  const failed: { slug: string; error: string }[] = [];
  for (const [i, article] of articles.entries()) {
    try {
      imported.push(await store.articles.upsert({ workspaceId, ...article }));
    } catch (error) {
      failed.push({ slug: article.slug, error: error instanceof Error ? error.message : String(error) });
    }
    onProgress?.({ done: i + 1, total: articles.length, slug: article.slug });
  }
  return { imported, failed };
};
