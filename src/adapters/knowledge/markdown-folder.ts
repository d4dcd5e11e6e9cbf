/**
 * Knowledge articles from a folder of Markdown files, and their import into a workspace.
 * Every file is read and checked before anything is reported, so one run lists all the fixes.
 */
import { type Dirent, readFileSync, statSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
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

/** A folder entry that was not read as an article, and why. */
export interface SkippedEntry {
  readonly fileName: string;
  readonly reason: string;
}

export interface KnowledgeFolder {
  /** Parsed articles, in file-name order. */
  readonly articles: readonly ParsedArticle[];
  readonly failures: readonly ArticleFileFailure[];
  /** Entries not read (links, hidden files, folders, other file types), so nothing is left out silently. */
  readonly skipped: readonly SkippedEntry[];
}

/** One article's file at most: a help-centre article is a few KB; 32 MB once took 1.4 GB to import. */
export const maxArticleBytes = 512 * 1024;

const isMarkdown = (name: string) => /\.(?:md|markdown)$/i.test(name);

const skipReason = (entry: Dirent): string | null => {
  if (entry.isSymbolicLink()) return 'is a symbolic link; links are not followed, copy the file in instead';
  if (entry.name.startsWith('.')) return 'is hidden (its name starts with a dot)';
  if (entry.isDirectory()) return 'is a folder; only files directly in the folder are read';
  if (!entry.isFile()) return 'is not a regular file';
  if (!isMarkdown(entry.name)) return 'is not Markdown (.md or .markdown)';
  return null;
};

const sizeLabel = (bytes: number): string =>
  bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;

/**
 * The file's text, or why it was not read (too large, unreadable); the size is checked before reading.
 * Read synchronously: a folder is read once, before anything else runs, and a promise-based stat and
 * read each cost a thread-pool round trip, which for fifty small articles was three times the CPU
 * of the reads themselves (about 20 ms of `baton triage`'s start-up).
 */
const readArticleFile = (
  path: string,
  maxBytes: number,
): { kind: 'text'; text: string } | { kind: 'problem'; problem: ArticleProblem } => {
  try {
    const { size } = statSync(path);
    if (size > maxBytes) {
      return {
        kind: 'problem',
        problem: {
          field: 'file',
          message: `is ${sizeLabel(size)}; an article may be at most ${sizeLabel(maxBytes)}. Split it into several articles`,
        },
      };
    }
    return { kind: 'text', text: readFileSync(path, 'utf8') };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { kind: 'problem', problem: { field: 'file', message: `cannot be read: ${reason}` } };
  }
};

/**
 * Reads every Markdown file directly in `dir`; problems are collected per file, never thrown.
 * `parse` is `parseArticleMarkdown` or one that remembers its parses (`baton triage`'s cache).
 */
export const readKnowledgeFolder = async (
  dir: string,
  categories: readonly string[] = defaultArticleCategories,
  maxBytes: number = maxArticleBytes,
  parse: typeof parseArticleMarkdown = parseArticleMarkdown,
): Promise<KnowledgeFolder> => {
  const entries = (await readdir(dir, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name));
  const skipped: SkippedEntry[] = [];
  const fileNames: string[] = [];
  for (const entry of entries) {
    const reason = skipReason(entry);
    if (reason === null) fileNames.push(entry.name);
    else skipped.push({ fileName: entry.name, reason });
  }
  const articles: ParsedArticle[] = [];
  const failures: ArticleFileFailure[] = [];
  const slugOwners = new Map<string, string>();
  for (const fileName of fileNames) {
    const read = readArticleFile(join(dir, fileName), maxBytes);
    if (read.kind === 'problem') {
      failures.push({ fileName, problems: [read.problem] });
      continue;
    }
    const parsed = parse(fileName, read.text, categories);
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
  return { articles, failures, skipped };
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
