/**
 * `baton metrics [--from D] [--to D] [--category C] [--team T] [--channel CH] [--format table|json]`:
 * the SPEC §9 numbers of the live store, the same report GET /api/metrics returns.
 */
import type { Command } from 'commander';
import { type MetricsQuery, metricsQuerySchema, metricsWindowOf } from '../../api/metrics-schemas.ts';
import { workspaceMetrics } from '../../app/metrics-report.ts';
import type { MetricsReport } from '../../core/metrics/index.ts';
import type { Store } from '../../core/ports/store.ts';
import { loadCliConfig, openConfiguredStore } from '../configured-store.ts';

export interface MetricsRun {
  readonly store: Store;
  readonly workspaceSlug: string;
  readonly options: Readonly<Record<string, unknown>>;
  readonly format: 'table' | 'json';
  readonly now: Date;
  readonly stdout: NodeJS.WritableStream;
  readonly stderr: NodeJS.WritableStream;
}

/** Every number of the report as `key value` lines, nested keys joined with dots. */
const tableLines = (value: unknown, prefix = ''): string[] => {
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value).flatMap(([key, inner]) =>
      tableLines(inner, prefix ? `${prefix}.${key}` : key),
    );
  }
  const text = typeof value === 'number' && !Number.isInteger(value) ? value.toFixed(4) : String(value);
  return [`${prefix.padEnd(44)} ${text}`];
};

const parseQuery = (options: Readonly<Record<string, unknown>>): MetricsQuery | string[] => {
  const picked = Object.fromEntries(
    ['from', 'to', 'category', 'team', 'channel'].flatMap((key) =>
      options[key] === undefined ? [] : [[key, options[key]]],
    ),
  );
  const parsed = metricsQuerySchema.safeParse(picked);
  if (parsed.success) return parsed.data;
  return parsed.error.issues.map((issue) => `--${issue.path.join('.') || 'options'}: ${issue.message}`);
};

/** Prints the report; returns the exit code (2 for options it cannot read, 1 for an unknown workspace). */
export const runMetrics = async (run: MetricsRun): Promise<number> => {
  const query = parseQuery(run.options);
  if (Array.isArray(query)) {
    run.stderr.write(`${query.join('\n')}\nDates are ISO 8601: 2026-03-01 or 2026-03-01T09:00:00Z.\n`);
    return 2;
  }
  const workspace = await run.store.workspaces.getBySlug(run.workspaceSlug);
  if (!workspace) {
    run.stderr.write(
      `Workspace "${run.workspaceSlug}" does not exist. Pass --workspace with an existing slug.\n`,
    );
    return 1;
  }
  const { from, to } = metricsWindowOf(query, run.now);
  const filter = { from, to, category: query.category, teamKey: query.team, channel: query.channel };
  const report: MetricsReport = await workspaceMetrics(run.store, workspace.id, filter, run.now);
  const echo = {
    from: from.toISOString(),
    to: to.toISOString(),
    category: query.category ?? null,
    team: query.team ?? null,
    channel: query.channel ?? null,
    asOf: run.now.toISOString(),
  };
  if (run.format === 'json') run.stdout.write(`${JSON.stringify({ ...report, query: echo })}\n`);
  else run.stdout.write(`${tableLines({ query: echo, ...report }).join('\n')}\n`);
  return 0;
};

export const registerMetricsCommand = (program: Command): void => {
  program
    .command('metrics')
    .description('The SPEC §9 metrics of the live store for a window (the numbers of GET /api/metrics)')
    .option('--from <date>', 'first customer message at or after (ISO 8601; default 30 days before --to)')
    .option('--to <date>', 'first customer message before (ISO 8601; default now)')
    .option('--category <key>', 'only this category')
    .option('--team <key>', 'only this team')
    .option('--channel <name>', 'only this channel (widget, email)')
    .option('--workspace <slug>', 'workspace to report on', 'acme')
    .option('--format <format>', 'table or json', 'table')
    .option('--json', 'the same as --format json')
    .action(async (options: Record<string, unknown>) => {
      const format = options.json === true || options.format === 'json' ? 'json' : 'table';
      if (options.format !== 'table' && options.format !== 'json') {
        process.stderr.write('--format must be table or json.\n');
        process.exitCode = 2;
        return;
      }
      const store = await openConfiguredStore(await loadCliConfig());
      try {
        process.exitCode = await runMetrics({
          store,
          workspaceSlug: String(options.workspace),
          options,
          format,
          now: new Date(),
          stdout: process.stdout,
          stderr: process.stderr,
        });
      } finally {
        await store.close();
      }
    });
};
