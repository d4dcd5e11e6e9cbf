import type { Command } from 'commander';
import type { BacktestFileResult } from '../../adapters/backtest/run-backtest-file.ts';

interface BacktestCommandOptions {
  readonly in?: string;
  readonly policy?: string;
  readonly baseline?: string;
  readonly kb?: string;
  readonly history?: string;
  readonly json?: boolean;
}

/** `baton backtest`: a draft policy against conversation files before it is published (SPEC §5, §13). */
export const registerBacktestCommand = (program: Command): void => {
  program
    .command('backtest')
    .description(
      'Run triage under the current and a draft policy over a JSONL file and compare the decisions',
    )
    .option(
      '--in <file>',
      'input JSONL in the `baton triage` format ("-" for stdin); lines may carry a label',
    )
    .option('--policy <file>', 'the draft escalation policy (YAML or JSON)')
    .option('--baseline <file>', 'the policy to compare with (default: the shipped default policy)')
    .option('--kb <dir>', 'knowledge base folder of Markdown articles (default: the demo knowledge base)')
    .option(
      '--history <file>',
      'labelled conversations (label.category) the category model learns from first',
    )
    .option('--json', 'print the SPEC §13 JSON object (last line of standard output)')
    .action(async (options: BacktestCommandOptions) => {
      if (!options.in) return fail('missing --in FILE.jsonl (the conversations to replay)');
      if (!options.policy)
        return fail('missing --policy DRAFT.yaml (start one from `baton policy --default`)');
      const { runBacktestFile } = await import('../../adapters/backtest/run-backtest-file.ts');
      const { isDomainError } = await import('../../core/errors.ts');
      const log = (line: string) => process.stderr.write(`${line}\n`);
      let result: BacktestFileResult;
      try {
        result = await runBacktestFile({ ...options, in: options.in, policy: options.policy }, log);
      } catch (error) {
        if (!isDomainError(error) && !(error instanceof Error && 'code' in error)) throw error;
        return fail(error.message);
      }
      if (result.errors > 0) log(`backtest: skipped ${result.errors} lines that are not conversations`);
      // Whole process, start-up and model training included: what a user waits for.
      const seconds = Math.round(performance.now()) / 1000;
      process.stdout.write(
        options.json ? `${JSON.stringify(backtestJson(result, seconds))}\n` : formatBacktest(result, seconds),
      );
    });
};

const fail = (message: string): void => {
  process.stderr.write(`baton backtest: ${message}\n`);
  process.exitCode = 2;
};

/** Exactly the keys of SPEC §13, in its order. */
export const backtestJson = ({ summary }: BacktestFileResult, seconds: number) => ({
  conversations: summary.conversations,
  seconds,
  baseline: summary.baseline,
  draft: summary.draft,
  changed: summary.changed,
  changedIds: summary.changedIds,
  labelled: summary.labelled,
});

const pad = (rows: readonly (readonly string[])[]): string => {
  const widths = rows[0]?.map((_, column) => Math.max(...rows.map((row) => row[column]?.length ?? 0))) ?? [];
  return rows
    .map((row) =>
      row
        .map((cell, column) =>
          column === 0 ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0),
        )
        .join('  '),
    )
    .join('\n');
};

/** The comparison for people: escalations per category and reason, then changes and labelled errors. */
export const formatBacktest = (result: BacktestFileResult, seconds: number): string => {
  const { summary } = result;
  const { baseline, draft } = summary;
  const categories = [
    ...new Set([...Object.keys(baseline.byCategory), ...Object.keys(draft.byCategory)]),
  ].sort();
  const reasons = [...new Set([...Object.keys(baseline.byReason), ...Object.keys(draft.byReason)])].sort();
  const change = (before: number, after: number) =>
    after === before ? '' : after > before ? `+${after - before}` : `${after - before}`;
  const categoryRows = categories.map((name) => {
    const before = baseline.byCategory[name]?.escalated ?? 0;
    const after = draft.byCategory[name]?.escalated ?? 0;
    const total = draft.byCategory[name]?.conversations ?? baseline.byCategory[name]?.conversations ?? 0;
    return [name, String(total), String(before), String(after), change(before, after)];
  });
  const reasonRows = reasons.map((name) => {
    const before = baseline.byReason[name] ?? 0;
    const after = draft.byReason[name] ?? 0;
    return [name, String(before), String(after), change(before, after)];
  });
  const { labelled } = summary;
  return [
    `Backtest of policy ${result.draftVersion} against ${result.baselineVersion}: ${summary.conversations} conversations in ${seconds.toFixed(1)} s`,
    '',
    pad([
      ['category', 'conversations', 'escalated now', 'escalated draft', 'change'],
      ...categoryRows,
      [
        'all',
        String(summary.conversations),
        String(baseline.escalated),
        String(draft.escalated),
        change(baseline.escalated, draft.escalated),
      ],
    ]),
    '',
    pad([['reason', 'now', 'draft', 'change'], ...reasonRows]),
    '',
    `Decisions that change: ${summary.changed}${summary.changedIds.length > 0 ? ` (first: ${summary.changedIds.slice(0, 10).join(', ')})` : ''}`,
    `Labelled: missed escalations ${labelled.baselineMisses} now, ${labelled.draftMisses} with the draft; needless escalations ${labelled.baselineNeedless} now, ${labelled.draftNeedless} with the draft`,
    '',
  ].join('\n');
};
