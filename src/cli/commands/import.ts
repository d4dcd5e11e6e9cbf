/**
 * `baton import DIR|EXPORT.json [--workspace SLUG] [--format zendesk|intercom]`: loads a folder of
 * Markdown articles, or a Zendesk Guide / Intercom articles export, into a workspace's knowledge
 * base, creating or replacing articles by slug (a change is a new version). Files with problems are listed with
 * what to fix; the exit code is 1 if any file or article failed.
 */
import { readFile, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import cliProgress from 'cli-progress';
import { type Command, Option } from 'commander';
import {
  type ImportProgress,
  importArticles,
  maxArticleBytes,
  readKnowledgeFolder,
} from '../../adapters/knowledge/markdown-folder.ts';
import { describeArticleProblems } from '../../core/knowledge/article-markdown.ts';
import { type HelpCenterFormat, parseHelpCenterExport } from '../../core/knowledge/help-center-export.ts';
import type { Store } from '../../core/ports/store.ts';
import { loadCliConfig, openConfiguredStore } from '../configured-store.ts';

export interface ImportRun {
  readonly dir: string;
  readonly workspaceSlug: string;
  readonly store: Store;
  /** For a .json export: which product wrote it; detected from its shape when left out. */
  readonly format?: HelpCenterFormat | undefined;
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

/** An export file at most; its articles are each bound by `maxArticleBytes` too. */
const maxExportBytes = 64 * 1024 * 1024;

const isExportFile = async (path: string): Promise<boolean> =>
  /\.json$/i.test(path) && (await stat(path).catch(() => null))?.isFile() === true;

/** Imports one help-centre export; drafts, empty and oversize articles are listed by name with why. */
const runExportImport = async (run: ImportRun, workspace: { id: string; slug: string }): Promise<number> => {
  const { stdout, stderr } = run;
  const { size } = await stat(run.dir);
  if (size > maxExportBytes) {
    stderr.write(
      `${run.dir} is over ${maxExportBytes / 1024 / 1024} MB; export the articles in several files.\n`,
    );
    return 1;
  }
  const parsed = parseHelpCenterExport(run.dir, await readFile(run.dir, 'utf8'), maxArticleBytes, run.format);
  if (parsed.kind === 'invalid') {
    stderr.write(`${run.dir} ${parsed.message}.\n`);
    return 1;
  }
  const articles = parsed.articles.map((entry) => entry.article);
  const progress = progressReporter(stderr, articles.length);
  const result = await importArticles(run.store, workspace.id, articles, progress.report);
  progress.stop();
  for (const failure of result.failed)
    stderr.write(`  ${failure.slug}: could not be saved: ${failure.error}\n`);
  if (parsed.skipped.length > 0) stderr.write(`Skipped ${parsed.skipped.length} article(s):\n`);
  for (const entry of parsed.skipped) stderr.write(`  ${entry.name} ${entry.reason}\n`);
  stdout.write(
    `Imported ${result.imported.length} article(s) into "${workspace.slug}" from ${run.dir} (${parsed.format}); ${result.failed.length} failed, ${parsed.skipped.length} skipped.\n`,
  );
  return result.failed.length > 0 ? 1 : 0;
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
  if (await isExportFile(run.dir)) return runExportImport(run, workspace);
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
      'Import knowledge articles from a folder of Markdown files (front matter: title, category, tags) or a Zendesk Guide / Intercom articles export (.json)',
    )
    .argument('<dir>', 'folder of .md files, or a .json help-centre export')
    .option('--workspace <slug>', 'workspace to import into', 'acme')
    .addOption(
      new Option(
        '--format <format>',
        'which help centre wrote the .json export (detected when left out)',
      ).choices(['zendesk', 'intercom']),
    )
    .action(async (dir: string, options: { workspace: string; format?: HelpCenterFormat }) => {
      const store = await openConfiguredStore(await loadCliConfig());
      try {
        process.exitCode = await runImport({
          dir: resolve(dir),
          workspaceSlug: options.workspace,
          format: options.format,
          store,
          stdout: process.stdout,
          stderr: process.stderr,
        });
      } finally {
        await store.close();
      }
    });
};
