/**
 * `baton report [--week YYYY-Www] [--format md|html|json] [--workspace SLUG]`: the weekly review
 * report (SPEC §8) of the live store; the week just finished by default, and the two weeks ending
 * with it when the coaching setting's report cadence is fortnightly.
 */
import type { Command } from 'commander';
import { reportCadenceOf } from '../../app/coaching/coaching-settings.ts';
import { weeklyReportOf } from '../../app/coaching/weekly-report-view.ts';
import { isoWeekOf, isoWeekRange, previousIsoWeek } from '../../core/coaching/iso-week.ts';
import { type ReportFormat, renderReport } from '../../core/coaching/weekly-report/index.ts';
import type { Store } from '../../core/ports/store.ts';
import { loadCliConfig, openConfiguredStore } from '../configured-store.ts';

export interface ReportRun {
  readonly store: Store;
  readonly workspaceSlug: string;
  readonly week: string | undefined;
  readonly format: string;
  readonly now: Date;
  readonly stdout: NodeJS.WritableStream;
  readonly stderr: NodeJS.WritableStream;
}

const formats: readonly ReportFormat[] = ['md', 'html', 'json'];
const isFormat = (value: string): value is ReportFormat => formats.some((format) => format === value);

/** Prints the report; returns the exit code (2 for options it cannot read, 1 for an unknown workspace). */
export const runReport = async (run: ReportRun): Promise<number> => {
  const week = run.week ?? previousIsoWeek(isoWeekOf(run.now)) ?? isoWeekOf(run.now);
  if (isoWeekRange(week) === null) {
    run.stderr.write(`--week: "${week}" is not an ISO week; write it like 2026-W49.\n`);
    return 2;
  }
  if (!isFormat(run.format)) {
    run.stderr.write(`--format must be ${formats.join(', ')}.\n`);
    return 2;
  }
  const workspace = await run.store.workspaces.getBySlug(run.workspaceSlug);
  if (!workspace) {
    run.stderr.write(
      `Workspace "${run.workspaceSlug}" does not exist. Pass --workspace with an existing slug.\n`,
    );
    return 1;
  }
  const cadence = await reportCadenceOf(run.store, workspace.id);
  const report = await weeklyReportOf(run.store, workspace, week, run.now, cadence);
  run.stdout.write(renderReport(report, run.format));
  return 0;
};

export const registerReportCommand = (program: Command): void => {
  program
    .command('report')
    .description(
      'The weekly review report: sampled, wrong by category and root cause, fixed, numbers week over week',
    )
    .option(
      '--week <week>',
      'ISO week, like 2026-W49 (default: the week just finished); with the fortnightly cadence, the two weeks ending with it',
    )
    .option('--format <format>', 'md, html or json', 'md')
    .option('--workspace <slug>', 'workspace to report on', 'acme')
    .action(async (options: { week?: string; format: string; workspace: string }) => {
      const store = await openConfiguredStore(await loadCliConfig());
      try {
        process.exitCode = await runReport({
          store,
          workspaceSlug: options.workspace,
          week: options.week,
          format: options.format,
          now: new Date(),
          stdout: process.stdout,
          stderr: process.stderr,
        });
      } finally {
        await store.close();
      }
    });
};
