/**
 * Triage benchmark (issue 3): runs `baton triage` over the labelled dev set and prints, per source
 * and overall, the safety and quality figures the targets are set on, then throughput and latency.
 *
 *   npx tsx bench/triage/run.ts [--data FILE] [--folds K] [--skip-history] [--skip-latency]
 *
 * Throughput is the whole CLI process (start-up, training, reading, writing) pinned to one core
 * when `taskset` exists. The history mode is k-fold: every row is scored by a model that learned
 * from the other folds only.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildTriageEngine } from '../../src/adapters/triage/run-triage-file.ts';
import { triageConversation } from '../../src/core/triage/index.ts';
import {
  type Counts,
  classification,
  count,
  emptyCounts,
  f1,
  fmt,
  percentile,
  precision,
  recall,
} from './metrics.ts';

interface Row {
  readonly id: string;
  readonly source: string;
  readonly messages: readonly { readonly role: 'customer' | 'ai' | 'agent'; readonly text: string }[];
  readonly label: {
    readonly category: string | null;
    readonly escalation: 'must' | 'recommended' | 'ai_ok' | null;
    readonly humanRequest: boolean | 'ambiguous' | null;
    readonly frustration: boolean | null;
  };
}
interface Output {
  readonly id: string;
  readonly action?: string;
  readonly category?: string;
  readonly signals?: {
    readonly human_requested: boolean;
    readonly manager_requested: boolean;
    readonly frustration: boolean;
  };
  readonly error?: string;
}

const argument = (name: string): string | undefined => {
  const index = process.argv.indexOf(name);
  return index >= 0 ? process.argv[index + 1] : undefined;
};
const dataFile = argument('--data') ?? '/work/shared/data/triage/dev.jsonl';
const folds = Number(argument('--folds') ?? 5);
const repo = fileURLToPath(new URL('../../', import.meta.url));
const inDomain = (source: string): boolean => source === 'bitext' || source.startsWith('hint3');

const rows: Row[] = readFileSync(dataFile, 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '')
  .map((line) => JSON.parse(line) as Row);
const work = mkdtempSync(join(tmpdir(), 'baton-bench-triage-'));

const hasTaskset = spawnSync('taskset', ['--version']).status === 0;
/** Runs the CLI; returns wall seconds and the process CPU seconds it reports on stderr. */
const runCli = (
  input: string,
  output: string,
  extra: readonly string[] = [],
): { wall: number; cpu: number } => {
  const args = ['bin/baton.js', 'triage', '--in', input, '--out', output, ...extra];
  const command = hasTaskset ? 'taskset' : process.execPath;
  const started = performance.now();
  const result = spawnSync(command, hasTaskset ? ['-c', '0', process.execPath, ...args] : args, {
    cwd: repo,
    stdio: ['ignore', 'ignore', 'pipe'],
    encoding: 'utf8',
  });
  process.stderr.write(result.stderr);
  if (result.status !== 0) throw new Error(`baton triage exited with ${result.status}`);
  const cpu = /process CPU ([\d.]+) s/.exec(result.stderr)?.[1];
  return { wall: (performance.now() - started) / 1000, cpu: cpu ? Number(cpu) : Number.NaN };
};
const readOutputs = (file: string): Output[] =>
  readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as Output);

// Cold start: the shipped default policy, examples and demo knowledge base only.
const coldOut = join(work, 'cold.jsonl');
const { wall: seconds, cpu: cpuSeconds } = runCli(dataFile, coldOut);
const cold = readOutputs(coldOut);
if (cold.length !== rows.length) throw new Error(`expected ${rows.length} output lines, got ${cold.length}`);

interface SourceFigures {
  n: number;
  must: Counts;
  human: Counts;
  aiOk: number;
  aiOkEscalated: number;
  frustration: Counts;
  category: { actual: string; predicted: string }[];
  historyCategory: { actual: string; predicted: string }[];
}
const figures = new Map<string, SourceFigures>();
const figuresFor = (source: string): SourceFigures => {
  let entry = figures.get(source);
  if (!entry) {
    entry = {
      n: 0,
      must: emptyCounts(),
      human: emptyCounts(),
      aiOk: 0,
      aiOkEscalated: 0,
      frustration: emptyCounts(),
      category: [],
      historyCategory: [],
    };
    figures.set(source, entry);
  }
  return entry;
};
rows.forEach((row, index) => {
  const out = cold[index];
  if (!out || out.id !== row.id) throw new Error(`output line ${index + 1} is not for ${row.id}`);
  for (const entry of [figuresFor(row.source), figuresFor('ALL')]) {
    entry.n += 1;
    const escalated = out.action === 'escalate';
    if (row.label.escalation === 'must') count(entry.must, escalated, true);
    const human = (out.signals?.human_requested ?? false) || (out.signals?.manager_requested ?? false);
    if (typeof row.label.humanRequest === 'boolean') count(entry.human, human, row.label.humanRequest);
    if (row.label.escalation === 'ai_ok' && inDomain(row.source)) {
      entry.aiOk += 1;
      if (escalated) entry.aiOkEscalated += 1;
    }
    if (typeof row.label.frustration === 'boolean')
      count(entry.frustration, out.signals?.frustration ?? false, row.label.frustration);
    if (row.label.category && inDomain(row.source))
      entry.category.push({ actual: row.label.category, predicted: out.category ?? '' });
  }
});

// History mode, k-fold: train on the other folds' labelled rows, score this fold's in-domain rows.
if (!process.argv.includes('--skip-history')) {
  for (let fold = 0; fold < folds; fold += 1) {
    const history = rows.filter((row, index) => index % folds !== fold && row.label.category);
    const test = rows
      .map((row, index) => ({ row, index }))
      .filter(({ row, index }) => index % folds === fold && inDomain(row.source));
    const historyFile = join(work, `history-${fold}.jsonl`);
    const testFile = join(work, `test-${fold}.jsonl`);
    const outFile = join(work, `out-${fold}.jsonl`);
    writeFileSync(historyFile, history.map((row) => JSON.stringify(row)).join('\n'));
    writeFileSync(
      testFile,
      test.map(({ row }) => JSON.stringify({ id: row.id, messages: row.messages })).join('\n'),
    );
    runCli(testFile, outFile, ['--history', historyFile]);
    readOutputs(outFile).forEach((out, position) => {
      const item = test[position];
      if (!item?.row.label.category) return;
      for (const entry of [figuresFor(item.row.source), figuresFor('ALL')]) {
        entry.historyCategory.push({ actual: item.row.label.category, predicted: out.category ?? '' });
      }
    });
  }
}

const sources = [...figures.keys()].filter((source) => source !== 'ALL').sort();
const inDomainPairs = (pick: (entry: SourceFigures) => { actual: string; predicted: string }[]) =>
  sources.filter(inDomain).flatMap((source) => pick(figuresFor(source)));
const header = [
  'source',
  'rows',
  'must-esc recall',
  'human P',
  'human R',
  'false esc ai_ok',
  'cat acc',
  'cat macro-F1',
  'hist acc',
  'hist macro-F1',
  'frust P',
  'frust R',
  'frust F1',
];
const lines = [header];
for (const source of [...sources, 'ALL']) {
  const entry = figuresFor(source);
  const cat = classification(entry.category);
  const hist = classification(entry.historyCategory);
  lines.push([
    source,
    String(entry.n),
    fmt(recall(entry.must)),
    fmt(precision(entry.human)),
    fmt(recall(entry.human)),
    entry.aiOk === 0 ? '—' : fmt(entry.aiOkEscalated / entry.aiOk),
    fmt(cat.accuracy),
    fmt(cat.macroF1),
    fmt(hist.accuracy),
    fmt(hist.macroF1),
    fmt(precision(entry.frustration)),
    fmt(recall(entry.frustration)),
    fmt(f1(entry.frustration)),
  ]);
}
const inCold = classification(inDomainPairs((entry) => entry.category));
const inHist = classification(inDomainPairs((entry) => entry.historyCategory));
const cleanHuman = emptyCounts();
for (const source of ['bitext', 'nlupp_banking']) {
  const entry = figures.get(source);
  if (!entry) continue;
  cleanHuman.tp += entry.human.tp;
  cleanHuman.fp += entry.human.fp;
  cleanHuman.fn += entry.human.fn;
}
lines.push([
  'IN-DOMAIN',
  String(inCold.n),
  '',
  '',
  '',
  '',
  fmt(inCold.accuracy),
  fmt(inCold.macroF1),
  fmt(inHist.accuracy),
  fmt(inHist.macroF1),
  '',
  '',
  '',
]);
const widths = header.map((_, column) => Math.max(...lines.map((line) => (line[column] ?? '').length)));
for (const line of lines)
  console.log(line.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join('  '));

// Latency per conversation, in process, after warm-up (the engine is built once, as the CLI does).
let latency = { p50: Number.NaN, p99: Number.NaN };
if (!process.argv.includes('--skip-latency')) {
  const engine = await buildTriageEngine({});
  const now = new Date();
  const samples: number[] = [];
  for (const row of rows) {
    const started = performance.now();
    await triageConversation({ ...engine, messages: row.messages, now });
    samples.push(performance.now() - started);
  }
  samples.sort((a, b) => a - b);
  latency = { p50: percentile(samples, 50), p99: percentile(samples, 99) };
}

const all = figuresFor('ALL');
const targets: [string, number | null, string, boolean][] = [
  ['must-escalate recall (all sources)', recall(all.must), '≥ 0.99', (recall(all.must) ?? 0) >= 0.99],
  ['human request recall (bitext + nlupp)', recall(cleanHuman), '≥ 0.97', (recall(cleanHuman) ?? 0) >= 0.97],
  [
    'human request precision (bitext + nlupp)',
    precision(cleanHuman),
    '≥ 0.95',
    (precision(cleanHuman) ?? 0) >= 0.95,
  ],
  [
    'false escalation on in-domain ai_ok',
    all.aiOk ? all.aiOkEscalated / all.aiOk : null,
    '≤ 0.10',
    all.aiOk > 0 && all.aiOkEscalated / all.aiOk <= 0.1,
  ],
  ['in-domain category macro-F1, cold start', inCold.macroF1, '≥ 0.80', (inCold.macroF1 ?? 0) >= 0.8],
  ['in-domain category macro-F1, with history', inHist.macroF1, '≥ 0.95', (inHist.macroF1 ?? 0) >= 0.95],
  ['frustration F1 (goemotions)', f1(all.frustration), '≥ 0.60', (f1(all.frustration) ?? 0) >= 0.6],
  [
    'throughput, whole CLI process (conv/s, wall)',
    rows.length / seconds,
    '≥ 5000',
    rows.length / seconds >= 5000,
  ],
  [
    'throughput, whole CLI process (conv/CPU-s)',
    rows.length / cpuSeconds,
    '≥ 5000',
    rows.length / cpuSeconds >= 5000,
  ],
];
console.log('');
for (const [name, value, target, met] of targets) {
  console.log(
    `${name.padEnd(44)} ${fmt(value, value !== null && value > 10 ? 0 : 3).padStart(7)}  target ${target.padEnd(7)} ${met ? 'met' : 'NOT met'}`,
  );
}
console.log(
  `\nCLI: ${rows.length} conversations in ${seconds.toFixed(2)} s wall, ${cpuSeconds.toFixed(2)} s CPU${hasTaskset ? ' (taskset -c 0)' : ''}`,
);
console.log(
  `latency per conversation in process: p50 ${latency.p50.toFixed(3)} ms, p99 ${latency.p99.toFixed(3)} ms`,
);
rmSync(work, { recursive: true, force: true });
