/**
 * Handoff wording over the labelled dev set (issue 15): runs `baton triage` and measures the
 * customer handoff messages it writes — how long they are and whether any says the same six-word
 * phrase twice (in the whole message, and in Baton's own wording with the quoted question left out).
 *
 * With `--baseline REV` it also runs `baton triage` of an earlier git revision (extracted to a
 * temporary folder, with this checkout's packages) over the same file, and prints both.
 *
 *   npx tsx bench/handoff-wording/run.ts [--data FILE] [--baseline 03ef030]
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { repeatedPhrase, wordCount } from '../../src/core/handoff/repeated-phrase.ts';

interface Output {
  readonly id: string;
  readonly reasons?: readonly { readonly code: string }[];
  readonly handoff?: { readonly message: string };
}

const argument = (name: string): string | undefined => {
  const index = process.argv.indexOf(name);
  return index >= 0 ? process.argv[index + 1] : undefined;
};
const dataFile = argument('--data') ?? '/work/shared/data/triage/dev.jsonl';
const repo = fileURLToPath(new URL('../../', import.meta.url));
/** Runs `baton triage` from `root` over the data file; returns its output lines and the seconds taken. */
const triage = (root: string): { outputs: Output[]; seconds: number } => {
  const work = mkdtempSync(join(tmpdir(), 'baton-bench-handoff-'));
  const outFile = join(work, 'out.jsonl');
  const started = performance.now();
  const run = spawnSync(process.execPath, ['bin/baton.js', 'triage', '--in', dataFile, '--out', outFile], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (run.status !== 0) throw new Error(`baton triage exited with ${run.status}`);
  const seconds = (performance.now() - started) / 1000;
  const outputs = readFileSync(outFile, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as Output);
  rmSync(work, { recursive: true, force: true });
  return { outputs, seconds };
};

/** An earlier revision's source in a temporary folder, using this checkout's packages. */
const checkout = (revision: string): { root: string; cleanup: () => void } => {
  const root = mkdtempSync(join(tmpdir(), 'baton-bench-handoff-rev-'));
  const archive = execFileSync('git', ['archive', revision, 'bin', 'src', 'demo', 'package.json'], {
    cwd: repo,
    maxBuffer: 1 << 28,
  });
  execFileSync('tar', ['-x', '-C', root], { input: archive });
  symlinkSync(join(repo, 'node_modules'), join(root, 'node_modules'));
  return { root, cleanup: () => rmSync(root, { recursive: true, force: true }) };
};

/** The message without its first paragraph, the customer's quoted question. */
const ownWording = (message: string): string => message.split('\n\n').slice(1).join('\n\n');

const percentile = (sorted: readonly number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? Number.NaN;

const summarise = (label: string, messages: readonly string[]) => {
  const words = messages.map(wordCount).sort((a, b) => a - b);
  const repeated = messages.filter((m) => repeatedPhrase(m) !== null).length;
  const repeatedOwn = messages.filter((m) => repeatedPhrase(ownWording(m)) !== null).length;
  return {
    group: label,
    handoffs: messages.length,
    medianWords: percentile(words, 0.5),
    p90Words: percentile(words, 0.9),
    maxWords: words[words.length - 1] ?? Number.NaN,
    repeatedSixWords: `${repeated} (${((100 * repeated) / Math.max(messages.length, 1)).toFixed(2)}%)`,
    repeatedInOwnWording: repeatedOwn,
  };
};

const report = (label: string, { outputs, seconds }: { outputs: Output[]; seconds: number }) => {
  const handoffs = outputs.filter((o) => o.handoff !== undefined);
  const messages = handoffs.map((o) => o.handoff?.message ?? '');
  const byFirstReason = new Map<string, string[]>();
  for (const o of handoffs) {
    const key = o.reasons?.[0]?.code ?? 'none';
    byFirstReason.set(key, [...(byFirstReason.get(key) ?? []), o.handoff?.message ?? '']);
  }
  console.log(
    `${label}: ${outputs.length} conversations, ${handoffs.length} handoffs, ${seconds.toFixed(1)} s`,
  );
  console.table([
    summarise('all', messages),
    ...[...byFirstReason.entries()]
      .sort((a, b) => b[1].length - a[1].length)
      .slice(0, 8)
      .map(([code, list]) => summarise(`first reason ${code}`, list)),
  ]);
  return percentile(
    messages.map(wordCount).sort((a, b) => a - b),
    0.5,
  );
};

const revision = argument('--baseline');
if (revision) {
  const old = checkout(revision);
  try {
    report(`baseline ${revision}`, triage(old.root));
  } finally {
    old.cleanup();
  }
}
const median = report('this checkout', triage(repo));
console.log(`target: median ≤ 80 words — ${median <= 80 ? 'met' : 'NOT met'} (${median})`);
