/**
 * `baton start` on a fresh clone builds the web app itself: both the staff app and the customer
 * chat, into a folder of their own here (a real Vite build, about two seconds).
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { repositoryRoot } from './start.ts';
import { buildWebApp, webAppBuilt } from './web-build.ts';

const folders: string[] = [];
const folder = async () => {
  const made = await mkdtemp(join(tmpdir(), 'baton-web-build-'));
  folders.push(made);
  return made;
};
afterAll(async () => {
  await Promise.all(folders.map((made) => rm(made, { recursive: true, force: true })));
});

describe('building the web app on first start', () => {
  it('builds the staff app and the customer chat, with the widget loader', async () => {
    const outDir = await folder();
    expect(webAppBuilt(outDir)).toBe(false);
    await buildWebApp(join(repositoryRoot, 'web/vite.config.ts'), outDir);
    expect(webAppBuilt(outDir)).toBe(true);
    const chat = await readFile(join(outDir, 'chat.html'), 'utf8');
    expect(chat).toMatch(/<script[^>]+src="\/assets\/chat-[^"]+\.js"/);
    await expect(readFile(join(outDir, 'widget.js'), 'utf8')).resolves.toContain('chat');
  }, 120_000);

  it('counts a folder with the staff app alone as not built', async () => {
    const outDir = await folder();
    await writeFile(join(outDir, 'index.html'), '<!doctype html>');
    expect(webAppBuilt(outDir)).toBe(false);
    await writeFile(join(outDir, 'chat.html'), '<!doctype html>');
    expect(webAppBuilt(outDir)).toBe(true);
  });
});
