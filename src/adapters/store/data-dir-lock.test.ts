import { spawnSync } from 'node:child_process';
import { access, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { lockDataDir } from './data-dir-lock.ts';

describe('lockDataDir', () => {
  let parent = '';
  let dataDir = '';
  beforeEach(async () => {
    parent = await mkdtemp(join(tmpdir(), 'baton-lock-'));
    dataDir = join(parent, 'pglite');
  });
  afterEach(async () => {
    await rm(parent, { recursive: true, force: true });
  });

  it('writes its pid beside the folder and removes the file on release', async () => {
    const release = await lockDataDir(dataDir);
    expect(await readFile(`${dataDir}.lock`, 'utf8')).toBe(`${process.pid}\n`);
    await release();
    await expect(access(`${dataDir}.lock`)).rejects.toThrow();
  });

  it('refuses a folder this process already holds, and allows it again after release', async () => {
    const release = await lockDataDir(dataDir);
    await expect(lockDataDir(dataDir)).rejects.toThrow(`already open in process ${process.pid}`);
    await release();
    const again = await lockDataDir(dataDir);
    await again();
  });

  it('refuses a folder another running process holds', async () => {
    await writeFile(`${dataDir}.lock`, `${process.ppid}\n`);
    await expect(lockDataDir(dataDir)).rejects.toThrow(`already open in process ${process.ppid}`);
  });

  it('takes over a lock whose process has exited, or that is unreadable', async () => {
    const exited = spawnSync(process.execPath, ['-e', '']).pid;
    for (const content of [`${exited}\n`, 'garbage']) {
      await writeFile(`${dataDir}.lock`, content);
      const release = await lockDataDir(dataDir);
      expect(await readFile(`${dataDir}.lock`, 'utf8')).toBe(`${process.pid}\n`);
      await release();
    }
  });

  it('takes over a lock with its own pid left by an earlier run (a restarted container reuses pids)', async () => {
    await writeFile(`${dataDir}.lock`, `${process.pid}\n`);
    const release = await lockDataDir(dataDir);
    await release();
  });
});
