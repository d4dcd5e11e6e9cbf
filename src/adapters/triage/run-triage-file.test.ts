import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const repo = fileURLToPath(new URL('../../../', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'baton-triage-cli-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const runTriage = (lines: readonly string[], extra: readonly string[] = []) => {
  const input = join(work, `in-${Math.random().toString(36).slice(2)}.jsonl`);
  const output = `${input}.out`;
  writeFileSync(input, `${lines.join('\n')}\n`);
  const result = spawnSync(
    process.execPath,
    ['bin/baton.js', 'triage', '--in', input, '--out', output, ...extra],
    {
      cwd: repo,
      encoding: 'utf8',
    },
  );
  const outputs =
    result.status === 0
      ? readFileSync(output, 'utf8')
          .trim()
          .split('\n')
          .map((line) => JSON.parse(line))
      : [];
  return { status: result.status, stderr: result.stderr, outputs };
};

const conversation = (id: string, text: string, extra: Record<string, unknown> = {}) =>
  JSON.stringify({ id, messages: [{ role: 'customer', text }], ...extra });

describe('baton triage (JSONL contract of SPEC §13)', () => {
  it('writes one line per input line, in order, with error lines for malformed input', () => {
    const { status, outputs } = runTriage([
      conversation('c1', 'I want to talk to a human', {
        queue: { waiting: 4, agentsAvailable: 2, avgHandleMinutes: 6 },
      }),
      'this is not json',
      conversation('c2', 'How do I reset my password?', {
        label: { category: 'account_access' },
        colour: 'blue',
      }),
      '{"id": "c3", "messages": []}',
      conversation('c4', 'help'),
    ]);
    expect(status).toBe(0);
    expect(outputs.map((line) => line.id)).toEqual(['c1', null, 'c2', 'c3', 'c4']);
    expect(outputs[1].error).toMatch(/malformed JSON/);
    expect(outputs[3].error).toMatch(/at least one message/);

    const [escalated, , answered] = outputs;
    expect(escalated).toMatchObject({ action: 'escalate', reasons: [{ code: 'human_requested' }] });
    expect(escalated.handoff).toMatchObject({ message: expect.any(String), packet: expect.any(Object) });
    expect(answered.action).toBe('answer');
    expect(answered.reasons).toEqual([]);
    expect(answered.handoff).toBeUndefined();
    expect(typeof answered.answer).toBe('string');
    for (const line of [escalated, answered, outputs[4]]) {
      expect(Object.keys(line)).toEqual(
        expect.arrayContaining([
          'id',
          'category',
          'categoryConfidence',
          'action',
          'reasons',
          'signals',
          'confidence',
          'team',
        ]),
      );
      expect('handoff' in line).toBe(line.action === 'escalate');
      expect('answer' in line).toBe(line.action !== 'escalate');
    }
  });

  it('refuses an output in a missing folder or a missing input as a failed command, writing nothing', () => {
    const input = join(work, 'present.jsonl');
    writeFileSync(input, `${conversation('f1', 'where is my order')}\n`);
    const triage = (from: string, to: string) =>
      spawnSync(process.execPath, ['bin/baton.js', 'triage', '--in', from, '--out', to], {
        cwd: repo,
        encoding: 'utf8',
      });

    const noFolder = triage(input, join(work, 'no-such-folder', 'out.jsonl'));
    expect(noFolder.status).toBe(1);
    expect(noFolder.stderr).toMatch(
      /^baton triage: ENOENT: no such file or directory, open '.*out\.jsonl'$/m,
    );
    expect(noFolder.stderr).not.toMatch(/Unhandled|at .*\(node:/);

    const output = join(work, 'never-written.jsonl');
    const noInput = triage(join(work, 'absent.jsonl'), output);
    expect(noInput.status).toBe(1);
    expect(noInput.stderr).toMatch(/^baton triage: ENOENT: .*absent\.jsonl'$/m);
    expect(existsSync(output)).toBe(false);
  });

  it('uses a policy given with --policy and refuses an invalid one with its problems', () => {
    const policyFile = join(work, 'policy.yaml');
    writeFileSync(
      policyFile,
      'version: strict-1\ndefaultCategory: other\ndefaultTeam: desk\nteams: { desk: { name: Desk } }\ncategories:\n  other: { team: desk, threshold: 0.99 }\n',
    );
    const { outputs } = runTriage(
      [conversation('p1', 'What is your returns policy?')],
      ['--policy', policyFile],
    );
    expect(outputs[0]).toMatchObject({ team: 'desk', policyVersion: 'strict-1' });

    writeFileSync(
      policyFile,
      'version: 1\ndefaultCategory: other\ndefaultTeam: desk\nteams: {}\ncategories: {}\n',
    );
    const refused = runTriage([conversation('p2', 'hi')], ['--policy', policyFile]);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/defaultTeam: team "desk" is not defined under teams/);
  });

  it('runs the compiled bundle to the same lines as the TypeScript sources, and rebuilds it when a source changes', () => {
    const lines = [
      conversation('b1', 'where is my order 1042?'),
      conversation('b2', 'I want to speak to a real person, this is the third time'),
      conversation('b3', 'how do I delete my account and all my data'),
    ];
    const compiled = runTriage(lines);
    const input = join(work, 'sources.jsonl');
    const output = join(work, 'sources.out.jsonl');
    writeFileSync(input, `${lines.join('\n')}\n`);
    const sources = spawnSync(
      process.execPath,
      [
        '--import',
        'tsx',
        '-e',
        "import('./src/cli/main.ts').then((cli) => cli.main(process.argv.slice(1)))",
        'triage',
        '--in',
        input,
        '--out',
        output,
      ],
      { cwd: repo, encoding: 'utf8' },
    );
    expect(sources.status).toBe(0);
    // Handoff packets carry the moment they were composed; everything else must be equal.
    const withoutTimes = (line: unknown) => JSON.stringify(line).replace(/"composedAt":"[^"]*"/g, '');
    const fromSources = readFileSync(output, 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(compiled.outputs.map(withoutTimes)).toEqual(fromSources.map(withoutTimes));

    // The bundle records every source it was built from, so an edit is never run stale.
    const manifest = JSON.parse(
      readFileSync(join(repo, 'node_modules/.cache/baton/cli.inputs.json'), 'utf8'),
    ) as { inputs: Record<string, string> };
    const triageSource = join(repo, 'src/core/triage/triage-conversation.ts');
    expect(Object.keys(manifest.inputs)).toContain(triageSource);
  });

  it("removes other builds' chunks once a day old when it rebuilds, keeping the current and previous builds", () => {
    runTriage([conversation('r1', 'where is my order')]);
    const folder = join(repo, 'node_modules/.cache/baton/cli');
    const manifestFile = join(repo, 'node_modules/.cache/baton/cli.inputs.json');
    const built = JSON.parse(readFileSync(manifestFile, 'utf8')) as { root: string; outputs: string[] };
    const stale = join(folder, 'chunk-FROMANOLDBUILD.mjs');
    const recent = join(folder, 'chunk-FROMARECENTBUILD.mjs');
    writeFileSync(stale, 'export {};\n');
    writeFileSync(recent, 'export {};\n');
    const twoDaysAgo = new Date(Date.now() - 2 * 24 * 60 * 60 * 1000);
    utimesSync(stale, twoDaysAgo, twoDaysAgo);
    // A manifest naming another checkout makes the next run rebuild.
    writeFileSync(manifestFile, JSON.stringify({ ...built, root: join(work, 'another-checkout') }));

    const rebuilt = runTriage([conversation('r2', 'where is my order')]);
    expect(rebuilt.status).toBe(0);
    const after = JSON.parse(readFileSync(manifestFile, 'utf8')) as {
      root: string;
      outputs: string[];
      previousOutputs: string[];
    };
    expect(after.root).toBe(built.root);
    expect(after.previousOutputs).toEqual(built.outputs);
    expect(existsSync(stale)).toBe(false);
    expect(existsSync(recent)).toBe(true);
    for (const name of [...after.outputs, ...after.previousOutputs])
      expect(existsSync(join(folder, name))).toBe(true);
    rmSync(recent);
  });
});
