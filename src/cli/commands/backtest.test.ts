import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { loadPolicy } from '../../core/triage/index.ts';
import { defaultPolicy } from '../../core/triage/policy/index.ts';

const repo = fileURLToPath(new URL('../../../', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'baton-backtest-cli-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const baton = (...args: string[]) => {
  const run = spawnSync(process.execPath, ['bin/baton.js', ...args], { cwd: repo, encoding: 'utf8' });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
};

const line = (id: string, text: string, escalation?: 'must' | 'ai_ok') =>
  JSON.stringify({
    id,
    messages: [{ role: 'customer', text }],
    ...(escalation ? { label: { category: 'order_status', escalation } } : {}),
  });

const input = join(work, 'conversations.jsonl');
writeFileSync(
  input,
  `${[
    line('o1', 'What do the order statuses mean?', 'ai_ok'),
    line('o2', 'Can I cancel an order I placed an hour ago?', 'ai_ok'),
    line('h1', 'I want to speak to a real person', 'must'),
    line('r1', 'How long do I have to return a jacket?'),
    'this line is not JSON',
  ].join('\n')}\n`,
);

describe('baton policy --default', () => {
  it('prints the shipped default policy as YAML that loads to the default policy', () => {
    const run = baton('policy', '--default');
    expect(run.code).toBe(0);
    expect(loadPolicy(run.stdout)).toEqual(defaultPolicy());
  });

  it('says what to do without --default', () => {
    const run = baton('policy');
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/baton policy --default > draft\.yaml/);
  });
});

describe('baton backtest (SPEC §13)', () => {
  const defaultText = baton('policy', '--default').stdout;
  const writePolicy = (name: string, text: string) => {
    const path = join(work, name);
    writeFileSync(path, text);
    return path;
  };

  it('prints exactly the §13 object last, and nothing changes when the draft is the default', () => {
    const run = baton('backtest', '--in', input, '--policy', writePolicy('same.yaml', defaultText), '--json');
    expect(run.code).toBe(0);
    const lines = run.stdout.trim().split('\n');
    const result = JSON.parse(lines[lines.length - 1] ?? '');
    expect(Object.keys(result)).toEqual([
      'conversations',
      'seconds',
      'baseline',
      'draft',
      'changed',
      'changedIds',
      'labelled',
    ]);
    expect(Object.keys(result.baseline)).toEqual(['escalated', 'byCategory', 'byReason']);
    expect(Object.keys(result.labelled)).toEqual([
      'baselineMisses',
      'draftMisses',
      'baselineNeedless',
      'draftNeedless',
    ]);
    expect(result.conversations).toBe(4);
    expect(result.seconds).toBeGreaterThan(0);
    expect(result.changed).toBe(0);
    expect(result.draft).toEqual(result.baseline);
    expect(result.baseline.byReason.human_requested).toBe(1);
    expect(result.labelled.baselineMisses).toBe(0);
    expect(run.stderr).toMatch(/skipped 1 lines/);
  });

  it('shows the order-status conversations a never-answer threshold hands over', () => {
    const strict = defaultText.replace(
      /order_status: \{ team: orders, threshold: [0-9.]+/,
      'order_status: { team: orders, threshold: 1',
    );
    expect(strict).not.toBe(defaultText);
    const run = baton('backtest', '--in', input, '--policy', writePolicy('strict.yaml', strict), '--json');
    const result = JSON.parse(run.stdout.trim().split('\n').pop() ?? '');
    // Both order questions are answered today with a confidence below 1.
    const answeredBefore = 2;
    expect(result.baseline.byCategory.order_status).toEqual({ conversations: 2, escalated: 0 });
    expect(result.changed).toBe(answeredBefore);
    expect(result.changedIds.every((id: string) => id.startsWith('o'))).toBe(true);
    expect(result.draft.byCategory.order_status.escalated).toBe(2);
    expect(result.labelled.draftNeedless - result.labelled.baselineNeedless).toBe(answeredBefore);
  });

  it('prints a table for people without --json', () => {
    const run = baton('backtest', '--in', input, '--policy', writePolicy('table.yaml', defaultText));
    expect(run.stdout).toMatch(/category\s+conversations\s+escalated now\s+escalated draft/);
    expect(run.stdout).toMatch(/Decisions that change: 0/);
  });

  it('refuses a missing draft and an invalid one, saying what is wrong', () => {
    expect(baton('backtest', '--in', input).stderr).toMatch(/missing --policy/);
    const invalid = baton(
      'backtest',
      '--in',
      input,
      '--policy',
      writePolicy('bad.yaml', defaultText.replace(/threshold: 0\.35/, 'threshold: 1.5')),
    );
    expect(invalid.code).toBe(2);
    expect(invalid.stderr).toMatch(/categories\.\w+\.threshold: must be between 0 and 1/);
  });
});
