import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { parseArticleMarkdown } from '../../core/knowledge/article-markdown.ts';
import { readKnowledgeFolder } from '../knowledge/markdown-folder.ts';
import { articleParseCache, articleParserSources } from './article-cache.ts';
import { defaultKnowledgeFolder } from './run-triage-file.ts';

const here = dirname(fileURLToPath(import.meta.url));
let folder: string | null = null;
afterEach(async () => {
  if (folder) await rm(folder, { recursive: true, force: true });
  folder = null;
});

/** The source files `file` imports, transitively, by relative path (packages left out). */
const localImports = async (file: string, seen = new Set<string>()): Promise<Set<string>> => {
  seen.add(file);
  const source = await readFile(file, 'utf8');
  for (const [, path] of source.matchAll(/^import [^;]*?from '(\.[^']+)'/gms)) {
    const imported = join(dirname(file), path as string);
    if (!seen.has(imported)) await localImports(imported, seen);
  }
  return seen;
};

describe('articleParseCache', () => {
  it('names every source the parser is built from, so editing one never reads a stale parse', async () => {
    const parser = join(here, articleParserSources[0]);
    const imports = [...(await localImports(parser))].map((file) => relative(here, file)).sort();
    expect(imports).toEqual(
      [...articleParserSources].map((source) => relative(here, join(here, source))).sort(),
    );
  });

  it('reads the demo knowledge base to the same articles from the cache as by parsing', async () => {
    folder = await mkdtemp(join(tmpdir(), 'baton-article-cache-'));
    const parsed = await readKnowledgeFolder(defaultKnowledgeFolder);
    const first = await articleParseCache(folder);
    expect(await readKnowledgeFolder(defaultKnowledgeFolder, undefined, undefined, first.parse)).toEqual(
      parsed,
    );
    await first.save();
    expect((await readdir(folder)).filter((name) => name.startsWith('articles-'))).toHaveLength(1);
    // Marks every stored parse, to tell a parse read from the cache from a fresh one.
    const [file] = (await readdir(folder)).map((name) => join(folder as string, name));
    const stored = await readFile(file as string, 'utf8');
    await writeFile(file as string, stored.replaceAll('"title":"', '"title":"cached '));
    const second = await articleParseCache(folder);
    const again = await readKnowledgeFolder(defaultKnowledgeFolder, undefined, undefined, second.parse);
    expect(again.articles.map((article) => article.title)).toEqual(
      parsed.articles.map((article) => `cached ${article.title}`),
    );
  });

  it('parses a changed file, or the same text under another taxonomy, again', async () => {
    folder = await mkdtemp(join(tmpdir(), 'baton-article-cache-'));
    const text = '---\ntitle: Refunds\ncategory: refund\n---\nMoney back in 5 days.\n';
    const first = await articleParseCache(folder);
    expect(first.parse('refunds.md', text, ['refund'])).toEqual(
      parseArticleMarkdown('refunds.md', text, ['refund']),
    );
    await first.save();
    const second = await articleParseCache(folder);
    const edited = text.replace('5 days', '3 days');
    expect(second.parse('refunds.md', edited, ['refund'])).toEqual(
      parseArticleMarkdown('refunds.md', edited, ['refund']),
    );
    expect(second.parse('refunds.md', text, ['billing'])).toMatchObject({ kind: 'invalid' });
  });

  it('only parses when there is no cache folder or the cache file is unreadable', async () => {
    folder = await mkdtemp(join(tmpdir(), 'baton-article-cache-'));
    const text = '---\ntitle: Hello\n---\nHi.\n';
    const none = await articleParseCache(null);
    expect(none.parse('hello.md', text)).toEqual(parseArticleMarkdown('hello.md', text));
    const cache = await articleParseCache(folder);
    cache.parse('hello.md', text);
    await cache.save();
    for (const name of await readdir(folder)) await writeFile(join(folder, name), '{not json');
    expect((await articleParseCache(folder)).parse('hello.md', text)).toEqual(
      parseArticleMarkdown('hello.md', text),
    );
  });
});
