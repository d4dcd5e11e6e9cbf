/** Builds the web app of this checkout, or of an earlier git revision in a temporary folder. */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = fileURLToPath(new URL('../../', import.meta.url));

export const build = (root: string): string => {
  const run = spawnSync(
    process.execPath,
    [
      join(repo, 'node_modules/vite/bin/vite.js'),
      'build',
      '--config',
      join(root, 'web/vite.config.ts'),
      '--logLevel',
      'error',
    ],
    {
      cwd: root,
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  if (run.status !== 0) throw new Error(`vite build failed in ${root}`);
  return join(root, 'web/dist');
};

/** The web folder of an earlier revision, built in a temporary folder with this checkout's packages. */
export const buildRevision = (revision: string): { dist: string; cleanup: () => void } => {
  const folder = mkdtempSync(join(tmpdir(), 'baton-web-size-'));
  const archive = execFileSync('git', ['archive', revision, 'web', 'src/api', 'src/core', 'package.json'], {
    cwd: repo,
    maxBuffer: 1 << 28,
  });
  execFileSync('tar', ['-x', '-C', folder], { input: archive });
  symlinkSync(join(repo, 'node_modules'), join(folder, 'node_modules'));
  return { dist: build(folder), cleanup: () => rmSync(folder, { recursive: true, force: true }) };
};
