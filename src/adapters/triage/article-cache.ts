/**
 * Parsed knowledge articles, cached on disk by a hash of each file's name and text, the taxonomy
 * and the parser's own code: reading the YAML front matter of the demo knowledge base's articles was
 * ~0.13 s of every `baton triage` start (a fifth of it), reading a cached parse takes milliseconds.
 * Any failure to read or write the cache only means parsing as before.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import {
  type ArticleParse,
  defaultArticleCategories,
  parseArticleMarkdown,
} from '../../core/knowledge/article-markdown.ts';

/**
 * The sources that decide a parse: article-markdown.ts and what it imports (a test keeps this list
 * equal to its imports), so editing the parser names new entries.
 */
export const articleParserSources = [
  '../../core/knowledge/article-markdown.ts',
  '../../core/yaml/read-yaml.ts',
  '../../core/text/text-safety.ts',
] as const;

let parserCode: string | null | undefined;

/** A hash of the parser's sources and the `yaml` package's version; null when they are not beside the code. */
const parserCodeHash = (): string | null => {
  if (parserCode !== undefined) return parserCode;
  try {
    const hash = createHash('sha256');
    for (const source of articleParserSources) hash.update(readFileSync(new URL(source, import.meta.url)));
    hash.update(createRequire(import.meta.url)('yaml/package.json').version);
    parserCode = hash.digest('hex');
  } catch {
    parserCode = null;
  }
  return parserCode;
};

export interface ArticleParseCache {
  /** `parseArticleMarkdown`, answered from the cache when the same file was parsed before. */
  readonly parse: typeof parseArticleMarkdown;
  /** Stores this run's parses (only those: articles no longer in the folder are forgotten). */
  readonly save: () => Promise<void>;
}

const entryKey = (fileName: string, text: string, categories: readonly string[]): string =>
  createHash('sha256')
    .update(JSON.stringify([fileName, categories]))
    .update(text)
    .digest('hex');

/** A parse cache kept in `folder` (the model cache's), or plain parsing when `folder` is null. */
export const articleParseCache = async (folder: string | null): Promise<ArticleParseCache> => {
  const code = folder === null ? null : parserCodeHash();
  if (folder === null || code === null) return { parse: parseArticleMarkdown, save: async () => {} };
  const file = join(folder, `articles-${code.slice(0, 32)}.json`);
  const stored: Record<string, ArticleParse> = await readFile(file, 'utf8')
    .then((text) => JSON.parse(text) as Record<string, ArticleParse>)
    .catch(() => ({}));
  const used: Record<string, ArticleParse> = {};
  let parsedAny = false;
  const parse: typeof parseArticleMarkdown = (fileName, text, categories) => {
    const key = entryKey(fileName, text, categories ?? defaultArticleCategories);
    const cached = stored[key];
    if (cached !== undefined) {
      used[key] = cached;
      return cached;
    }
    const parsed = parseArticleMarkdown(fileName, text, categories);
    used[key] = parsed;
    parsedAny = true;
    return parsed;
  };
  const save = async (): Promise<void> => {
    if (!parsedAny) return;
    try {
      await mkdir(folder, { recursive: true });
      // Write then rename, so a concurrent run never reads half a file.
      const partial = `${file}.${process.pid}.partial`;
      await writeFile(partial, JSON.stringify(used));
      await rename(partial, file);
    } catch {
      // A read-only or full disk only costs the next run its parsing.
    }
  };
  return { parse, save };
};
