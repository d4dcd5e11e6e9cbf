/**
 * Backtest benchmark (issue 14): `baton backtest` over N conversations drawn with replacement from
 * the labelled dev set (measuring only: the file lives in a temporary folder and is deleted), as
 * the whole CLI process, against `baton triage` over the same file in the same run as baseline.
 *
 *   npx tsx bench/backtest/run.ts [--data FILE] [--conversations 100000] [--seed 14] [--no-pin]
 *
 * The draft policy is the shipped default with two thresholds raised, so decisions do change.
 * Each command runs pinned to one core (taskset) when it can, under /usr/bin/time for CPU seconds.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';

const argument = (name: string): string | undefined => {
  const index = process.argv.indexOf(name);
  return index >= 0 ? process.argv[index + 1] : undefined;
};
const dataFile = argument('--data') ?? '/work/shared/data/triage/dev.jsonl';
const conversations = Number(argument('--conversations') ?? 100_000);
const seed = Number(argument('--seed') ?? 14);
const pin = !process.argv.includes('--no-pin') && spawnSync('taskset', ['--version']).status === 0;
const repo = fileURLToPath(new URL('../../', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'baton-bench-backtest-'));

const rows = readFileSync(dataFile, 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '');
const rng = xoroshiro128plus(seed);
const input = join(work, 'sample.jsonl');
const lines: string[] = [];
for (let i = 0; i < conversations; i += 1) lines.push(rows[uniformInt(rng, 0, rows.length - 1)] ?? '');
writeFileSync(input, `${lines.join('\n')}\n`);

const policy = (
  spawnSync(process.execPath, ['bin/baton.js', 'policy', '--default'], { cwd: repo, encoding: 'utf8' })
    .stdout ?? ''
)
  .replace(/^version: .*$/m, 'version: "bench-draft"')
  .replace(/(order_status: \{ team: orders, threshold: )[0-9.]+/, '$10.6')
  .replace(/(refund: \{ team: billing, threshold: )[0-9.]+/, '$10.75');
const draft = join(work, 'draft.yaml');
writeFileSync(draft, policy);

interface Timing {
  readonly wall: number;
  readonly cpu: number;
  readonly stdout: string;
}

/** Runs a baton command as its own process; CPU seconds (user + system) from /usr/bin/time. */
const timed = (args: readonly string[]): Timing => {
  const command = [...(pin ? ['taskset', '-c', '0'] : []), process.execPath, 'bin/baton.js', ...args];
  const started = performance.now();
  const run = spawnSync('/usr/bin/time', ['-f', 'CPU %U %S', ...command], {
    cwd: repo,
    encoding: 'utf8',
    maxBuffer: 1 << 26,
  });
  const wall = (performance.now() - started) / 1000;
  if (run.status !== 0) throw new Error(`baton ${args[0]} exited with ${run.status}: ${run.stderr}`);
  const cpu = /CPU ([\d.]+) ([\d.]+)/.exec(run.stderr ?? '');
  return { wall, cpu: cpu ? Number(cpu[1]) + Number(cpu[2]) : Number.NaN, stdout: run.stdout };
};

const load = readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
const triage = timed(['triage', '--in', input, '--out', join(work, 'triage-out.jsonl')]);
const backtest = timed(['backtest', '--in', input, '--policy', draft, '--json']);
const result = JSON.parse(backtest.stdout.trim().split('\n').pop() ?? '{}') as {
  conversations: number;
  seconds: number;
  changed: number;
  baseline: { escalated: number };
  draft: { escalated: number };
  labelled: Record<string, number>;
};
rmSync(work, { recursive: true, force: true });

const fmt = (value: number) => value.toFixed(1);
console.log(
  `backtest bench: ${conversations} conversations from ${dataFile} (seed ${seed}), ${pin ? 'pinned to one core' : 'not pinned'}, load average at start ${load}`,
);
console.log('| command | wall s | CPU s | conversations per CPU-second |');
console.log('| --- | --- | --- | --- |');
console.log(
  `| baton triage (baseline) | ${fmt(triage.wall)} | ${fmt(triage.cpu)} | ${Math.round(conversations / triage.cpu)} |`,
);
console.log(
  `| baton backtest (2 policies) | ${fmt(backtest.wall)} | ${fmt(backtest.cpu)} | ${Math.round(conversations / backtest.cpu)} |`,
);
console.log(
  `backtest ÷ triage: wall ${(backtest.wall / triage.wall).toFixed(2)}, CPU ${(backtest.cpu / triage.cpu).toFixed(2)}`,
);
console.log(
  `backtest's own "seconds": ${result.seconds}; conversations ${result.conversations}; escalated ${result.baseline.escalated} → ${result.draft.escalated}; changed ${result.changed}; labelled ${JSON.stringify(result.labelled)}`,
);
