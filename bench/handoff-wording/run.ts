/**
 * Handoff wording over the labelled dev set (issue 15): runs `baton triage` and measures the
 * customer handoff messages it writes — how long they are and whether any says the same six-word
 * phrase twice (in the whole message, and in Baton's own wording with the quoted question left out).
 *
 *   npx tsx bench/handoff-wording/run.ts [--data FILE]
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
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
const work = mkdtempSync(join(tmpdir(), 'baton-bench-handoff-'));
const outFile = join(work, 'out.jsonl');

const started = performance.now();
const run = spawnSync(process.execPath, ['bin/baton.js', 'triage', '--in', dataFile, '--out', outFile], {
  cwd: repo,
  stdio: ['ignore', 'ignore', 'inherit'],
});
if (run.status !== 0) throw new Error(`baton triage exited with ${run.status}`);
const seconds = (performance.now() - started) / 1000;

const outputs: Output[] = readFileSync(outFile, 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '')
  .map((line) => JSON.parse(line) as Output);
rmSync(work, { recursive: true, force: true });

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

const handoffs = outputs.filter((o) => o.handoff !== undefined);
const messages = handoffs.map((o) => o.handoff?.message ?? '');
const byFirstReason = new Map<string, string[]>();
for (const o of handoffs) {
  const key = o.reasons?.[0]?.code ?? 'none';
  byFirstReason.set(key, [...(byFirstReason.get(key) ?? []), o.handoff?.message ?? '']);
}

console.log(
  `baton triage: ${outputs.length} conversations, ${handoffs.length} handoffs, ${seconds.toFixed(1)} s`,
);
console.table([
  summarise('all', messages),
  ...[...byFirstReason.entries()]
    .sort((a, b) => b[1].length - a[1].length)
    .slice(0, 8)
    .map(([code, list]) => summarise(`first reason ${code}`, list)),
]);
const median = percentile(
  messages.map(wordCount).sort((a, b) => a - b),
  0.5,
);
console.log(`target: median ≤ 80 words — ${median <= 80 ? 'met' : 'NOT met'} (${median})`);
