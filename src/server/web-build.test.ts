/**
 * `baton start` builds the web app itself when it is missing or out of date: both the staff app
 * and the customer chat, here into a folder of their own (a real Vite build, about two seconds),
 * and it tells a current build from one made from other files.
 */
import { appendFile, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { repositoryRoot } from './start.ts';
import { buildWebApp, rebuildWebApp, webAppCurrent } from './web-build.ts';
import { buildInputsUnchanged, inputsFile, recordBuildInputs } from './web-build-inputs.ts';

const cleanUp: string[] = [];
const folder = async () => {
  const made = await mkdtemp(join(tmpdir(), 'baton-web-build-'));
  cleanUp.push(made, inputsFile(made, 'client'), inputsFile(made, 'chat'), inputsFile(made, 'test'));
  return made;
};
afterAll(async () => {
  await Promise.all(cleanUp.map((path) => rm(path, { recursive: true, force: true })));
});

describe('building the web app at start', () => {
  it('builds the staff app and the customer chat with the widget loader, and then counts as current', async () => {
    const outDir = await folder();
    await expect(webAppCurrent(outDir)).resolves.toBe(false);
    await buildWebApp(join(repositoryRoot, 'web/vite.config.ts'), outDir);
    const chat = await readFile(join(outDir, 'chat.html'), 'utf8');
    expect(chat).toMatch(/<script[^>]+src="\/assets\/chat-[^"]+\.js"/);
    await expect(readFile(join(outDir, 'index.html'), 'utf8')).resolves.toMatch(/\/assets\/app-[^"]+\.js/);
    await expect(readFile(join(outDir, 'widget.js'), 'utf8')).resolves.toContain('chat');
    await expect(webAppCurrent(outDir)).resolves.toBe(true);
    // The record of what was read lies outside the served folder: it names the server's paths.
    expect((await readdir(outDir)).sort()).toEqual(['assets', 'chat.html', 'index.html', 'widget.js']);
    // It names the chat's modules, the config and the public files the build copied.
    const record = await readFile(inputsFile(outDir, 'chat'), 'utf8');
    for (const file of ['web/src/chat/chat-main.tsx', 'web/vite.config.ts', 'web/public/widget.js'])
      expect(record).toContain(join(repositoryRoot, file));
    await rm(join(outDir, 'chat.html'));
    await expect(webAppCurrent(outDir)).resolves.toBe(false);
  }, 120_000);

  it('replaces an old build whole, also when two processes rebuild it at once', async () => {
    const parent = await folder();
    const webRoot = join(parent, 'dist');
    await mkdir(webRoot);
    await writeFile(join(webRoot, 'index.html'), '<!doctype html><p>the version before');
    await writeFile(join(webRoot, 'left-over.js'), '');
    const config = join(repositoryRoot, 'web/vite.config.ts');
    await Promise.all([rebuildWebApp(config, webRoot), rebuildWebApp(config, webRoot)]);
    expect((await readdir(webRoot)).sort()).toEqual(['assets', 'chat.html', 'index.html', 'widget.js']);
    await expect(webAppCurrent(webRoot)).resolves.toBe(true);
    // No staging or previous folder is left beside it.
    expect(await readdir(parent)).toEqual(['dist']);
    cleanUp.push(inputsFile(webRoot, 'client'), inputsFile(webRoot, 'chat'));
  }, 120_000);

  it('counts a build out of date once a file it read changed or went, or without a record', async () => {
    const outDir = await folder();
    const source = join(outDir, 'source.ts');
    const other = join(outDir, 'other.ts');
    await writeFile(source, 'export const a = 1;\n');
    await writeFile(other, 'export const b = 2;\n');
    const record = inputsFile(outDir, 'test');
    await expect(buildInputsUnchanged(record)).resolves.toBe(false);
    recordBuildInputs(record, [source, `${other}?raw`, '\0virtual:module', 'relative/path.ts']);
    await expect(buildInputsUnchanged(record)).resolves.toBe(true);
    await appendFile(source, 'export const c = 3;\n');
    await expect(buildInputsUnchanged(record)).resolves.toBe(false);
    recordBuildInputs(record, [source, other]);
    await expect(buildInputsUnchanged(record)).resolves.toBe(true);
    await rm(other);
    await expect(buildInputsUnchanged(record)).resolves.toBe(false);
    await writeFile(record, '{"inputs":{}}');
    await expect(buildInputsUnchanged(record)).resolves.toBe(false);
  });
});
