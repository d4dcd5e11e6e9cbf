/**
 * `baton metrics [--from D] [--to D] [--category C] [--team T] [--channel CH] [--by day|week|category|team]
 * [--format table|json|csv]`: the SPEC §9 numbers of the live store, the same report GET /api/metrics
 * returns, for the whole window or per group.
 */
import type { Command } from 'commander';
import { type MetricsQuery, metricsQuerySchema, metricsWindowOf } from '../../api/metrics-schemas.ts';
import { workspaceMetrics, workspaceMetricsBy } from '../../app/metrics-report.ts';
import type { MetricsReport } from '../../core/metrics/index.ts';
import { type MetricsGrouping, metricsCsv, metricsGroupings } from '../../core/metrics/metrics-groups.ts';
import type { Store } from '../../core/ports/store.ts';
import { loadCliConfig, openConfiguredStore } from '../configured-store.ts';

export interface MetricsRun {
  readonly store: Store;
  readonly workspaceSlug: string;
  readonly options: Readonly<Record<string, unknown>>;
  readonly format: MetricsFormat;
  readonly now: Date;
  readonly stdout: NodeJS.WritableStream;
  readonly stderr: NodeJS.WritableStream;
}

export type MetricsFormat = 'table' | 'json' | 'csv';

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
  const by = run.options.by;
  if (by !== undefined && !metricsGroupings.some((grouping) => grouping === by)) {
    run.stderr.write(`--by must be one of ${metricsGroupings.join(', ')}.\n`);
    return 2;
  }
  const { from, to } = metricsWindowOf(query, run.now);
  const filter = { from, to, category: query.category, teamKey: query.team, channel: query.channel };
  const echo = {
    from: from.toISOString(),
    to: to.toISOString(),
    category: query.category ?? null,
    team: query.team ?? null,
    channel: query.channel ?? null,
    asOf: run.now.toISOString(),
  };
  const grouping = metricsGroupings.find((grouping) => grouping === by);
  if (grouping) {
    const groups = await workspaceMetricsBy(run.store, workspace.id, filter, run.now, grouping);
    run.stdout.write(groupedOutput(run.format, grouping, groups, echo));
    return 0;
  }
  const report: MetricsReport = await workspaceMetrics(run.store, workspace.id, filter, run.now);
  if (run.format === 'json') run.stdout.write(`${JSON.stringify({ ...report, query: echo })}\n`);
  else if (run.format === 'csv')
    run.stdout.write(metricsCsv('window', [{ group: `${echo.from}/${echo.to}`, report }]));
  else run.stdout.write(`${tableLines({ query: echo, ...report }).join('\n')}\n`);
  return 0;
};

/** The groups as CSV (one row each), one JSON object, or a table per group. */
const groupedOutput = (
  format: MetricsFormat,
  by: MetricsGrouping,
  groups: readonly { readonly group: string; readonly report: MetricsReport }[],
  query: Readonly<Record<string, string | null>>,
): string => {
  if (format === 'csv') return metricsCsv(by, groups);
  if (format === 'json') {
    return `${JSON.stringify({ by, groups: groups.map(({ group, report }) => ({ group, ...report })), query })}\n`;
  }
  const tables = groups.map(({ group, report }) =>
    [`${by} ${group}`, ...tableLines(report).map((line) => `  ${line}`)].join('\n'),
  );
  return `${[...tableLines({ query }), ...tables].join('\n')}\n`;
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
    .option('--by <grouping>', 'one report per day, week (ISO, from Monday), category or team')
    .option('--format <format>', 'table, json or csv', 'table')
    .option('--json', 'the same as --format json')
    .action(async (options: Record<string, unknown>) => {
      const format: MetricsFormat =
        options.json === true || options.format === 'json'
          ? 'json'
          : options.format === 'csv'
            ? 'csv'
            : 'table';
      if (options.format !== 'table' && options.format !== 'json' && options.format !== 'csv') {
        process.stderr.write('--format must be table, json or csv.\n');
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
