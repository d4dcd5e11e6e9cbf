import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { isDomainError } from '../../core/errors.ts';
import { parsePlanInput, planStaffing, type StaffingPlan } from '../../core/staffing/index.ts';

/** `baton plan --in FILE.json [--format table|json]`: the team before and after automation (SPEC §10, §13). */
export const registerPlanCommand = (program: Command): void => {
  program
    .command('plan')
    .description('Team head count per role before and after automation, every line explained')
    .option('--in <file>', 'plan input as JSON (see examples/plan/ and docs/planner.md)')
    .option('--format <format>', 'json or table', 'json')
    .exitOverride((error) => {
      process.exit(error.exitCode === 0 ? 0 : 2);
    })
    .action(async (options: { in?: string; format: string }) => {
      if (options.in === undefined) return fail('missing --in FILE.json');
      if (options.format !== 'json' && options.format !== 'table') {
        return fail(`--format must be json or table, not "${options.format}"`);
      }
      let raw: unknown;
      try {
        raw = JSON.parse(await readFile(options.in, 'utf8'));
      } catch (error) {
        return fail(
          `cannot read ${options.in} as JSON: ${error instanceof Error ? error.message : String(error)}`,
        );
      }
      try {
        const plan = planStaffing(parsePlanInput(raw));
        process.stdout.write(
          options.format === 'json' ? `${JSON.stringify(plan, null, 2)}\n` : formatPlanTable(plan),
        );
      } catch (error) {
        if (isDomainError(error)) return fail(error.message);
        throw error;
      }
    });
};

const fail = (message: string): void => {
  process.stderr.write(`baton plan: ${message}\n`);
  process.exitCode = 2;
};

const signed = (value: number, digits = 1): string =>
  value > 0 ? `+${value.toFixed(digits)}` : value.toFixed(digits);

/** The plan for people: aligned role table, totals, then how each line was computed. */
export const formatPlanTable = (plan: StaffingPlan): string => {
  const rows = [
    ['Role', 'Before', 'After', 'Change'],
    ...plan.roles.map((r) => [r.label, r.before.fte.toFixed(1), r.after.fte.toFixed(1), signed(r.change)]),
    [
      'Total FTE',
      plan.totals.before.fte.toFixed(1),
      plan.totals.after.fte.toFixed(1),
      signed(plan.totals.after.fte - plan.totals.before.fte),
    ],
    [
      'People',
      String(plan.totals.before.headcount),
      String(plan.totals.after.headcount),
      signed(plan.totals.after.headcount - plan.totals.before.headcount, 0),
    ],
  ];
  const widths = [0, 1, 2, 3].map((c) => Math.max(...rows.map((row) => (row[c] ?? '').length)));
  const line = (row: readonly string[]): string =>
    row.map((cell, c) => (c === 0 ? cell.padEnd(widths[c] ?? 0) : cell.padStart(widths[c] ?? 0))).join('   ');
  const rule = widths.map((w) => '─'.repeat(w)).join('   ');
  const table = [
    line(rows[0] ?? []),
    rule,
    ...rows.slice(1, -2).map(line),
    rule,
    ...rows.slice(-2).map(line),
  ];
  const explained = plan.roles.flatMap((r) => [
    `${r.label}`,
    `  before: ${r.before.explanation}`,
    `  after:  ${r.after.explanation}`,
  ]);
  const automation = `AI resolves ${(plan.automation.volumeShare * 100).toFixed(1)}% of ${plan.automation.conversationsPerWeek} conversations/week.`;
  return `${[plan.name, automation, '', ...table, '', 'How each line was computed', ...explained, '', 'Notes', ...plan.notes.map((n) => `- ${n}`)].join('\n')}\n`;
};
