import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const baton = (...args: string[]) => {
  const run = spawnSync(process.execPath, ['bin/baton.js', 'plan', ...args], { cwd: root, encoding: 'utf8' });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
};
const example = 'examples/plan/mid-team-25-agents.json';

describe('baton plan', () => {
  it('prints the role table as JSON by default', () => {
    const run = baton('--in', example);
    expect(run.code).toBe(0);
    const plan = JSON.parse(run.stdout);
    expect(plan.roles.map((r: { role: string }) => r.role)).toContain('aiQa');
    expect(plan.totals.after.fte).toBeLessThan(plan.totals.before.fte);
  });

  it('prints an aligned before/after/change table with the explanations for people', () => {
    const run = baton('--in', example, '--format', 'table');
    expect(run.code).toBe(0);
    const lines = run.stdout.split('\n');
    const header = lines.find((l) => l.startsWith('Role'));
    const frontline = lines.find((l) => l.startsWith('Frontline agents'));
    expect(header).toMatch(/Before\s+After\s+Change$/);
    expect(frontline?.length).toBe(header?.length);
    expect(run.stdout).toContain('How each line was computed');
    expect(run.stdout).toContain('Erlang C');
  });

  it('rejects input that fails validation with the field path and exit code 2', () => {
    const dir = mkdtempSync(join(tmpdir(), 'baton-plan-'));
    const file = join(dir, 'bad.json');
    writeFileSync(file, JSON.stringify({ categories: [], channels: [], volume: [], openingHours: [] }));
    const run = baton('--in', file);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('categories');
    expect(run.stdout).toBe('');
  });

  it.each([
    [['--in', 'no/such/file.json'], 'cannot read'],
    [['--in', example, '--format', 'xml'], '--format'],
    [[], '--in'],
  ])('rejects %j with exit code 2', (args, says) => {
    const run = baton(...args);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(says);
  });
});
