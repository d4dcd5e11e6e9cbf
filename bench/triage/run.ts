/**
 * Triage benchmark: runs `baton triage` over the labelled dev set and prints, per source, the
 * safety and quality figures the targets are set on, then throughput against a same-run baseline.
 *
 *   npx tsx bench/triage/run.ts [--data FILE] [--kb FOLDER] [--folds K] [--skip-loso] [--skip-history] [--skip-latency]
 *
 * Three views of the same rows (the `label` field is ignored by triage and used only for scoring):
 * - cold start: the shipped policy, examples and demo knowledge base, every row as if unseen;
 * - leave-one-source-out: for each source, the category model learns the labelled rows of every
 *   *other* source as history and triages this one — the figure for a kind of customer Baton has
 *   never seen, since rules and examples are never adjusted per row;
 * - k-fold history: train on k-1 folds of all labelled rows, score the held-out fold.
 * Throughput is the whole CLI process (start-up, training, reading, writing) pinned to one core
 * when `taskset` exists, beside a parse-and-copy baseline of the same file in the same run.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildTriageEngine } from '../../src/adapters/triage/run-triage-file.ts';
import { triageConversation } from '../../src/core/triage/index.ts';
import { pinnedToOneCore, readJsonLines, runParseCopyBaseline, runTriageCli } from './cli.ts';
import { type DevRow, FigureBook, figureTable, inDomain, type TriageOutputLine } from './figures.ts';
import { classification, f1, fmt, percentile, precision, recall } from './metrics.ts';

const argument = (name: string): string | undefined => {
  const index = process.argv.indexOf(name);
  return index >= 0 ? process.argv[index + 1] : undefined;
};
const flag = (name: string): boolean => process.argv.includes(name);
const dataFile = argument('--data') ?? '/work/shared/data/triage/dev.jsonl';
const folds = Number(argument('--folds') ?? 5);
/** Another knowledge folder than the demo's, e.g. an older revision's to compare in one sitting. */
const kb = argument('--kb');
const kbArguments: readonly string[] = kb ? ['--kb', kb] : [];

const rows: DevRow[] = readFileSync(dataFile, 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '')
  .map((line) => JSON.parse(line) as DevRow);
const work = mkdtempSync(join(tmpdir(), 'baton-bench-triage-'));
const writeRows = (file: string, picked: readonly DevRow[], withLabels: boolean): void =>
  writeFileSync(
    file,
    picked.map((row) => JSON.stringify(withLabels ? row : { id: row.id, messages: row.messages })).join('\n'),
  );

/** Triage `picked` (labels stripped) with an optional history; adds the results to `book`. */
const triageInto = (
  book: FigureBook,
  picked: readonly DevRow[],
  history: readonly DevRow[],
  name: string,
) => {
  const input = join(work, `${name}-in.jsonl`);
  const output = join(work, `${name}-out.jsonl`);
  writeRows(input, picked, false);
  const extra: string[] = [...kbArguments];
  if (history.length > 0) {
    const historyFile = join(work, `${name}-history.jsonl`);
    writeRows(historyFile, history, true);
    extra.push('--history', historyFile);
  }
  runTriageCli(input, output, extra);
  const outputs = readJsonLines<TriageOutputLine>(output);
  if (outputs.length !== picked.length)
    throw new Error(`${name}: ${outputs.length} of ${picked.length} lines`);
  picked.forEach((row, index) => {
    const out = outputs[index];
    if (out) book.add(row, out);
  });
};

// 1. Cold start and throughput: the user's command on the whole file, and the baseline.
const coldOut = join(work, 'cold.jsonl');
const baseline = runParseCopyBaseline(dataFile, join(work, 'copy.jsonl'));
const cli = runTriageCli(dataFile, coldOut, kbArguments);
const cold = new FigureBook();
readJsonLines<TriageOutputLine>(coldOut).forEach((out, index) => {
  const row = rows[index];
  if (row) cold.add(row, out);
});
console.log('\n## cold start (shipped policy, examples and demo knowledge base; every row unseen)\n');
console.log(figureTable(cold));

// 2. Leave one source out: history = labelled rows of every other source.
const loso = new FigureBook();
if (!flag('--skip-loso')) {
  const sources = [...new Set(rows.map((row) => row.source))].sort();
  for (const source of sources) {
    const picked = rows.filter((row) => row.source === source);
    const history = rows.filter((row) => row.source !== source && row.label.category);
    triageInto(loso, picked, history, `loso-${source}`);
  }
  console.log('\n## leave-one-source-out (history: every other source; this source never seen)\n');
  console.log(figureTable(loso));
}

// 3. k-fold history over all labelled rows: the category model with a workspace's own history.
const kfold = new FigureBook();
if (!flag('--skip-history')) {
  for (let fold = 0; fold < folds; fold += 1) {
    const picked = rows.filter((row, index) => index % folds === fold && row.label.category);
    const history = rows.filter((row, index) => index % folds !== fold && row.label.category);
    triageInto(kfold, picked, history, `fold-${fold}`);
  }
  console.log(`\n## ${folds}-fold history (category only is meaningful here)\n`);
  console.log(figureTable(kfold));
}

// 4. Latency per conversation, in process, after warm-up (the engine is built once, as the CLI does).
let latency = { p50: Number.NaN, p99: Number.NaN };
if (!flag('--skip-latency')) {
  const engine = await buildTriageEngine(kb ? { kb } : {});
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

const all = cold.of('ALL');
const inCold = classification(cold.inDomainCategories());
const inLoso = classification(loso.inDomainCategories());
const inHist = classification(kfold.inDomainCategories());
const losoAll = loso.of('ALL');
const rate = rows.length / cli.wall;
const ratio = (value: number | null, limit: number, atLeast: boolean) =>
  value !== null && !Number.isNaN(value) && (atLeast ? value >= limit : value <= limit);
const targets: [string, number | null, string, boolean][] = [
  [
    'must-escalate recall, all sources (cold)',
    recall(all.must),
    '≥ 0.99',
    ratio(recall(all.must), 0.99, true),
  ],
  [
    'must-escalate recall, all sources (LOSO)',
    recall(losoAll.must),
    '≥ 0.99',
    ratio(recall(losoAll.must), 0.99, true),
  ],
  ['human request recall, all sources', recall(all.human), '≥ 0.97', ratio(recall(all.human), 0.97, true)],
  [
    'human request precision, all sources',
    precision(all.human),
    '≥ 0.95',
    ratio(precision(all.human), 0.95, true),
  ],
  [
    'false escalation, in-domain ai_ok',
    all.aiOk ? all.aiOkEscalated / all.aiOk : null,
    '≤ 0.10',
    ratio(all.aiOk ? all.aiOkEscalated / all.aiOk : null, 0.1, false),
  ],
  ['in-domain category macro-F1, cold start', inCold.macroF1, '≥ 0.80', ratio(inCold.macroF1, 0.8, true)],
  ['in-domain category macro-F1, LOSO history', inLoso.macroF1, '(report)', false],
  [
    'in-domain category macro-F1, k-fold history',
    inHist.macroF1,
    '≥ 0.95',
    ratio(inHist.macroF1, 0.95, true),
  ],
  ['frustration F1 (goemotions)', f1(all.frustration), '≥ 0.60', ratio(f1(all.frustration), 0.6, true)],
  [
    'frustration precision (goemotions)',
    precision(all.frustration),
    '≥ 0.55',
    ratio(precision(all.frustration), 0.55, true),
  ],
  ['throughput, whole CLI process (conv/s wall)', rate, '≥ 5000', rate >= 5000],
  ['throughput per CPU-second (conv/CPU-s)', rows.length / cli.cpu, '≥ 5000', rows.length / cli.cpu >= 5000],
];
console.log('\n## targets\n');
for (const [name, value, target, met] of targets) {
  const shown = fmt(value, value !== null && value > 10 ? 0 : 3).padStart(7);
  const status = target === '(report)' ? '' : met ? 'met' : 'NOT met';
  console.log(`${name.padEnd(46)} ${shown}  target ${target.padEnd(8)} ${status}`);
}
console.log(
  `\nCLI: ${rows.length} conversations in ${cli.wall.toFixed(2)} s wall, ${cli.cpu.toFixed(2)} s CPU${pinnedToOneCore ? ' (taskset -c 0)' : ''}`,
);
console.log(
  `baseline (parse and re-serialise each line): ${baseline.wall.toFixed(2)} s wall, ${baseline.cpu.toFixed(2)} s CPU — triage costs ${(cli.wall / baseline.wall).toFixed(1)}× the baseline wall time, ${(cli.cpu / baseline.cpu).toFixed(1)}× its CPU`,
);
console.log(
  `latency per conversation in process: p50 ${latency.p50.toFixed(3)} ms, p99 ${latency.p99.toFixed(3)} ms`,
);
console.log(`in-domain rows: ${rows.filter((row) => inDomain(row.source)).length}`);
rmSync(work, { recursive: true, force: true });
