import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildHandoffInput } from '../../core/handoff/build-handoff-input.ts';
import { composeHandoff, defaultHandoffTemplates } from '../../core/handoff/index.ts';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const baton = (args: readonly string[], input?: string) => {
  const run = spawnSync(process.execPath, ['bin/baton.js', 'lint-handoff', ...args], {
    cwd: root,
    encoding: 'utf8',
    input: input ?? '',
  });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
};
const folder = mkdtempSync(join(tmpdir(), 'baton-lint-'));
const write = (name: string, text: string): string => {
  const path = join(folder, name);
  writeFileSync(path, text);
  return path;
};

describe('baton lint-handoff', () => {
  it('fails a bare "please wait" from stdin, naming every missing part', () => {
    const run = baton([], 'Please wait, an agent will be with you shortly.');
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('missing: acknowledgement, context, expectations');
  });

  it('passes a composed handoff message from a file', () => {
    const run = baton([write('message.txt', composeHandoff(buildHandoffInput()).message)]);
    expect(run).toMatchObject({ code: 0, stdout: 'ok\n' });
  });

  it('accepts "won’t need to re-explain" as the no-repeat promise', () => {
    const message =
      'You asked: “Why is this month’s charge higher?” I checked your subscription (Plan: Pro). This needs a billing investigation. ' +
      'I’m passing you to the Billing team; the wait is about 4 minutes, and you won’t need to re-explain anything.';
    expect(baton([], message)).toMatchObject({ code: 0, stdout: 'ok\n' });
  });

  it('passes every shipped message template in --template mode', () => {
    const layouts = [
      defaultHandoffTemplates.message,
      ...Object.values(defaultHandoffTemplates.teams).map((t) => t.message),
    ];
    for (const [index, layout] of layouts.entries()) {
      if (layout === undefined) continue;
      expect(baton(['--template', write(`layout-${index}.txt`, layout)])).toMatchObject({ code: 0 });
    }
  });

  it('names the missing part of a template', () => {
    const run = baton(['--template'], 'You asked “{question}”. {reasons} {lookups}');
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('missing: expectations');
  });

  it('exits 2 when the file cannot be read', () => {
    const run = baton([join(folder, 'absent.txt')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('cannot read');
  });
});
