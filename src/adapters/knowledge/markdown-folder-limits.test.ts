import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { maxArticleBytes, readKnowledgeFolder } from './markdown-folder.ts';

const article = (title: string, body: string) => `---\ntitle: ${title}\ncategory: shipping\n---\n${body}\n`;

let dir: string;
let outside: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'baton-kb-limits-'));
  outside = await mkdtemp(join(tmpdir(), 'baton-kb-outside-'));
  await writeFile(join(dir, 'ok.md'), article('Delivery times', 'We ship in 3 days.'));
  await writeFile(join(dir, 'huge.md'), article('Huge', 'word '.repeat(maxArticleBytes / 4)));
  await writeFile(join(outside, 'secret.md'), article('Not ours', 'Outside the folder.'));
  await symlink(join(outside, 'secret.md'), join(dir, 'linked.md'));
  await writeFile(join(dir, '.draft.md'), article('Draft', 'Not ready.'));
  await mkdir(join(dir, 'archive'));
  await writeFile(join(dir, 'archive', 'old.md'), article('Old', 'Old text.'));
  await writeFile(join(dir, 'logo.png'), 'not really a picture');
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
  await rm(outside, { recursive: true, force: true });
});

describe('readKnowledgeFolder limits', () => {
  it('refuses an article over the size limit without reading it, saying how large it is and what to do', async () => {
    const folder = await readKnowledgeFolder(dir);
    expect(folder.articles.map((a) => a.slug)).toEqual(['ok']);
    const huge = folder.failures.find((f) => f.fileName === 'huge.md');
    expect(huge?.problems[0]?.message).toMatch(/^is \d+ KB; an article may be at most 512 KB\. Split it/);
  });

  it('reports every entry it skips, with why: links, hidden files, folders, other files', async () => {
    const folder = await readKnowledgeFolder(dir);
    expect(folder.skipped.map((s) => [s.fileName, s.reason.split(';')[0]])).toEqual([
      ['.draft.md', 'is hidden (its name starts with a dot)'],
      ['archive', 'is a folder'],
      ['linked.md', 'is a symbolic link'],
      ['logo.png', 'is not Markdown (.md or .markdown)'],
    ]);
  });
});
