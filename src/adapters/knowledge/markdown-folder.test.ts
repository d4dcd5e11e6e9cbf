import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../core/ports/store.ts';
import { openStore } from '../store/open-store.ts';
import { importArticles, readKnowledgeFolder } from './markdown-folder.ts';

const demoKnowledge = resolve(dirname(fileURLToPath(import.meta.url)), '../../../demo/knowledge');

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'baton-kb-'));
  await writeFile(
    join(dir, 'b-returns.md'),
    '---\ntitle: Returns\ncategory: refund\n---\nSend it back in 30 days.\n',
  );
  await writeFile(
    join(dir, 'a-shipping.md'),
    '---\ntitle: Shipping\ntags: [delivery]\n---\nWe ship in 3 days.\n',
  );
  await writeFile(join(dir, 'c-broken.md'), '---\ncategory: refundz\n---\nNo title here.\n');
  await writeFile(join(dir, 'd-plain.md'), 'No front matter at all.\n');
  await writeFile(join(dir, 'notes.txt'), 'not an article');
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('readKnowledgeFolder', () => {
  it('reads the Markdown files in file-name order and collects every broken file', async () => {
    const folder = await readKnowledgeFolder(dir);
    expect(folder.articles.map((article) => article.slug)).toEqual(['a-shipping', 'b-returns']);
    expect(
      folder.failures.map((failure) => [failure.fileName, failure.problems.map((p) => p.field)]),
    ).toEqual([
      ['c-broken.md', ['title', 'category']],
      ['d-plain.md', ['front matter']],
    ]);
  });

  it('rejects a second file that claims a slug already taken', async () => {
    const twins = await mkdtemp(join(tmpdir(), 'baton-kb-'));
    await writeFile(join(twins, 'a.md'), '---\ntitle: A\nslug: same\n---\nText.\n');
    await writeFile(join(twins, 'b.md'), '---\ntitle: B\nslug: same\n---\nText.\n');
    const folder = await readKnowledgeFolder(twins);
    await rm(twins, { recursive: true, force: true });
    expect(folder.articles).toHaveLength(1);
    expect(folder.failures[0]?.problems[0]?.message).toMatch(/already used by a\.md/);
  });
});

describe('the demo knowledge base', () => {
  it('parses without problems into 30–60 articles of 120–400 words', async () => {
    const { articles, failures } = await readKnowledgeFolder(demoKnowledge);
    expect(failures).toEqual([]);
    expect(articles.length).toBeGreaterThanOrEqual(30);
    expect(articles.length).toBeLessThanOrEqual(60);
    for (const article of articles) {
      const words = article.body.split(/\s+/).filter((word) => /\w/.test(word)).length;
      expect([article.slug, words >= 120 && words <= 400]).toEqual([article.slug, true]);
      expect(article.category).not.toBeNull();
    }
  });

  it('states one refund window and one price per plan everywhere', async () => {
    const { articles } = await readKnowledgeFolder(demoKnowledge);
    const text = articles.map((article) => article.body).join('\n');
    const windows = new Set(
      [...text.matchAll(/(\d+)[- ]days? (?:of|from) (?:delivery|a payment|it)/g)].map((m) => m[1]),
    );
    expect(windows).toEqual(new Set(['30']));
    for (const [plan, price] of [
      ['Basic', '£4.99'],
      ['Pro', '£9.99'],
      ['Business', '£24.99'],
    ] as const) {
      const quoted = [...text.matchAll(new RegExp(`${plan}\\W{1,4}(?:\\(|: )?(£\\d+\\.\\d\\d)`, 'g'))].map(
        (m) => m[1],
      );
      expect(quoted.length).toBeGreaterThan(0);
      expect(new Set(quoted)).toEqual(new Set([price]));
    }
  });
});

describe('importArticles', () => {
  let store: Store;
  beforeAll(async () => {
    store = await openStore({ memory: true });
  });
  afterAll(async () => {
    await store?.close();
  });

  it('upserts every article into the workspace, reports progress, and is safe to run twice', async () => {
    const workspace = await store.workspaces.create({ slug: 'kb-test', name: 'KB test' });
    const { articles } = await readKnowledgeFolder(dir);
    const progress: string[] = [];
    const result = await importArticles(store, workspace.id, articles, (p) =>
      progress.push(`${p.done}/${p.total} ${p.slug}`),
    );
    expect(result.failed).toEqual([]);
    expect(progress).toEqual(['1/2 a-shipping', '2/2 b-returns']);
    await importArticles(store, workspace.id, articles);
    const stored = await store.articles.list(workspace.id);
    expect(stored.map((article) => article.slug).sort()).toEqual(['a-shipping', 'b-returns']);
    expect(stored.find((article) => article.slug === 'b-returns')).toMatchObject({
      category: 'refund',
      title: 'Returns',
    });
  });

  it('reports an article the store rejects and carries on with the rest', async () => {
    const { articles } = await readKnowledgeFolder(dir);
    const result = await importArticles(store, 'not-a-workspace-id', articles);
    expect(result.imported).toEqual([]);
    expect(result.failed.map((failure) => failure.slug)).toEqual(['a-shipping', 'b-returns']);
  });
});
