/**
 * `baton import DIR [--workspace SLUG]`: loads a folder of Markdown articles into a workspace's
 * knowledge base, creating or replacing articles by slug. Files with problems are listed with
 * what to fix; the exit code is 1 if any file or article failed.
 */
import { resolve } from 'node:path';
import cliProgress from 'cli-progress';
import type { Command } from 'commander';
import {
  type ImportProgress,
  importArticles,
  readKnowledgeFolder,
} from '../../adapters/knowledge/markdown-folder.ts';
import { describeArticleProblems } from '../../core/knowledge/article-markdown.ts';
import type { Store } from '../../core/ports/store.ts';
import { loadCliConfig, openConfiguredStore } from '../configured-store.ts';

export interface ImportRun {
  readonly dir: string;
  readonly workspaceSlug: string;
  readonly store: Store;
  readonly stdout: NodeJS.WritableStream;
  readonly stderr: NodeJS.WritableStream & { readonly isTTY?: boolean };
}

/** A bar on a terminal; on a pipe or in a log, one line every `lineEvery` articles and at the end. */
const progressReporter = (stderr: ImportRun['stderr'], total: number, lineEvery = 25) => {
  if (stderr.isTTY === true && total > 1) {
    const bar = new cliProgress.SingleBar(
      { stream: stderr as NodeJS.WriteStream, format: 'import [{bar}] {value}/{total} {slug}', fps: 10 },
      cliProgress.Presets.shades_classic,
    );
    bar.start(total, 0, { slug: '' });
    return {
      report: (progress: ImportProgress) => bar.update(progress.done, { slug: progress.slug }),
      stop: () => bar.stop(),
    };
  }
  return {
    report: (progress: ImportProgress) => {
      if (progress.done % lineEvery === 0 || progress.done === progress.total) {
        stderr.write(`import: ${progress.done}/${progress.total} articles\n`);
      }
    },
    stop: () => {},
  };
};

/** Runs one import and returns the process exit code. */
export const runImport = async (run: ImportRun): Promise<number> => {
  const { stdout, stderr } = run;
  const workspace = await run.store.workspaces.getBySlug(run.workspaceSlug);
  if (!workspace) {
    stderr.write(
      `Workspace "${run.workspaceSlug}" does not exist. Run \`baton start\` once (it creates the demo workspace "acme") or pass --workspace with an existing slug.\n`,
    );
    return 1;
  }
  let folder: Awaited<ReturnType<typeof readKnowledgeFolder>>;
  try {
    folder = await readKnowledgeFolder(run.dir);
  } catch (error) {
    stderr.write(
      `Cannot read the folder ${run.dir}: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    return 1;
  }
  const progress = progressReporter(stderr, folder.articles.length);
  const result = await importArticles(run.store, workspace.id, folder.articles, progress.report);
  progress.stop();

  for (const failure of folder.failures) {
    for (const line of describeArticleProblems(failure.fileName, failure.problems))
      stderr.write(`  ${line}\n`);
  }
  for (const failure of result.failed)
    stderr.write(`  ${failure.slug}: could not be saved: ${failure.error}\n`);
  if (folder.skipped.length > 0) {
    stderr.write(
      `Skipped ${folder.skipped.length} entr${folder.skipped.length === 1 ? 'y' : 'ies'} of ${run.dir}:\n`,
    );
    for (const entry of folder.skipped) stderr.write(`  ${entry.fileName} ${entry.reason}\n`);
  }
  const failed = folder.failures.length + result.failed.length;
  stdout.write(
    `Imported ${result.imported.length} article(s) into "${workspace.slug}" from ${run.dir}; ${failed} failed.\n`,
  );
  if (folder.articles.length === 0 && folder.failures.length === 0) {
    stderr.write(`No Markdown files (*.md) found in ${run.dir}.\n`);
    return 1;
  }
  return failed > 0 ? 1 : 0;
};

export const registerImportCommand = (program: Command): void => {
  program
    .command('import')
    .description(
      'Import knowledge articles from a folder of Markdown files (front matter: title, category, tags)',
    )
    .argument('<dir>', 'folder of .md files')
    .option('--workspace <slug>', 'workspace to import into', 'acme')
    .action(async (dir: string, options: { workspace: string }) => {
      const store = await openConfiguredStore(await loadCliConfig());
      try {
        process.exitCode = await runImport({
          dir: resolve(dir),
          workspaceSlug: options.workspace,
          store,
          stdout: process.stdout,
          stderr: process.stderr,
        });
      } finally {
        await store.close();
      }
    });
};
