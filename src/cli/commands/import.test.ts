import { spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../adapters/store/open-store.ts';
import type { Store } from '../../core/ports/store.ts';
import { runImport } from './import.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

const collector = () => {
  let text = '';
  const stream = new Writable({
    write(chunk, _encoding, done) {
      text += String(chunk);
      done();
    },
  });
  return { stream, text: () => text };
};

let store: Store;
let dir: string;
beforeAll(async () => {
  store = await openStore({ memory: true });
  await store.workspaces.create({ slug: 'acme', name: 'Acme' });
  dir = await mkdtemp(join(tmpdir(), 'baton-import-'));
  await writeFile(join(dir, 'good.md'), '---\ntitle: Good\ncategory: shipping\n---\nWe ship daily.\n');
  await writeFile(join(dir, 'bad.md'), '---\ntitle: Bad\ncategory: shipment\n---\nText.\n');
});
afterAll(async () => {
  await store?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('runImport', () => {
  it('imports an Intercom export (detected), skips its drafts by name, and refuses it as --format zendesk', async () => {
    const path = join(dir, 'intercom-articles.json');
    const data = [
      {
        id: '71',
        title: 'Cancelling an Acme plan',
        body: '<p>Cancel any time from <b>Plan</b>.</p>',
        state: 'published',
      },
      { id: '72', title: 'Loyalty points', body: '<p>Later.</p>', state: 'draft' },
    ];
    await writeFile(path, JSON.stringify({ type: 'list', data }));
    const [stdout, stderr] = [collector(), collector()];
    const code = await runImport({
      dir: path,
      workspaceSlug: 'acme',
      store,
      stdout: stdout.stream,
      stderr: stderr.stream,
    });
    expect(code).toBe(0);
    expect(stdout.text()).toContain('Imported 1 article(s) into "acme"');
    expect(stdout.text()).toContain('(intercom); 0 failed, 1 skipped');
    expect(stderr.text()).toContain('#72 "Loyalty points" is a draft');
    const workspace = await store.workspaces.getBySlug('acme');
    const saved = await store.articles.getBySlug(workspace?.id ?? '', 'cancelling-an-acme-plan');
    expect(saved?.body).toBe('Cancel any time from **Plan**.');

    const refused = [collector(), collector()] as const;
    const wrong = await runImport({
      dir: path,
      workspaceSlug: 'acme',
      format: 'zendesk',
      store,
      stdout: refused[0].stream,
      stderr: refused[1].stream,
    });
    expect(wrong).toBe(1);
    expect(refused[1].text()).toContain('is not a Zendesk Guide articles export');
  });

  it('imports the demo knowledge base with exit code 0 and plain progress lines off a terminal', async () => {
    const [stdout, stderr] = [collector(), collector()];
    const code = await runImport({
      dir: join(root, 'demo/knowledge'),
      workspaceSlug: 'acme',
      store,
      stdout: stdout.stream,
      stderr: stderr.stream,
    });
    expect(code).toBe(0);
    expect(stdout.text()).toMatch(/^Imported 53 article\(s\) into "acme" .*; 0 failed\.\n$/);
    expect(stderr.text()).toContain('import: 53/53 articles');
  });

  it('imports the good files, lists what to fix in the bad ones and exits with 1', async () => {
    const [stdout, stderr] = [collector(), collector()];
    const code = await runImport({
      dir,
      workspaceSlug: 'acme',
      store,
      stdout: stdout.stream,
      stderr: stderr.stream,
    });
    expect(code).toBe(1);
    expect(stdout.text()).toContain('Imported 1 article(s)');
    expect(stdout.text()).toContain('1 failed');
    expect(stderr.text()).toContain('bad.md: category "shipment" is not a known category');
  });

  it('refuses an unknown workspace and says how to get one', async () => {
    const [stdout, stderr] = [collector(), collector()];
    const code = await runImport({
      dir,
      workspaceSlug: 'nope',
      store,
      stdout: stdout.stream,
      stderr: stderr.stream,
    });
    expect(code).toBe(1);
    expect(stderr.text()).toMatch(/Workspace "nope" does not exist/);
  });

  it('reports a folder that does not exist', async () => {
    const [stdout, stderr] = [collector(), collector()];
    const code = await runImport({
      dir: join(dir, 'missing'),
      workspaceSlug: 'acme',
      store,
      stdout: stdout.stream,
      stderr: stderr.stream,
    });
    expect(code).toBe(1);
    expect(stderr.text()).toMatch(/Cannot read the folder/);
  });
});

describe('baton import', () => {
  it('runs from the command line against the configured embedded database', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'baton-data-'));
    const result = spawnSync(
      process.execPath,
      [join(root, 'bin/baton.js'), 'import', dir, '--workspace', 'acme'],
      {
        env: { ...process.env, BATON_DATA_DIR: dataDir, DATABASE_URL: '' },
        encoding: 'utf8',
        timeout: 240_000,
      },
    );
    await rm(dataDir, { recursive: true, force: true });
    // A fresh database has no workspace yet: the command must say so and fail.
    expect(result.stderr).toMatch(/Workspace "acme" does not exist/);
    expect(result.status).toBe(1);
    // Starting the CLI with an embedded database compiles TypeScript and opens PGlite: a minute or
    // more on a loaded two-core machine.
  }, 300_000);
});
