/**
 * Category model benchmark: cold start (default examples + demo knowledge base) and with history
 * (k-fold cross-validation over the labelled dev set: train on k-1 folds, test on the held-out
 * fold, never on a training row). Prints per-source and in-domain figures, per-class F1,
 * out-of-domain confidence, calibration, latency and training time.
 *
 *   npx tsx bench/category/run.ts [--folds 5] [--confusion] [--history-sources all|in-domain]
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import matter from 'gray-matter';
import { defaultTuning } from '../../src/core/triage/category/category-model.ts';
import {
  type CategoryModel,
  defaultCategoryDefinitions,
  type KnowledgeText,
  type LabelledText,
  trainCategoryModel,
} from '../../src/core/triage/category/index.ts';
import { confusionTable, figuresOf, type Pair, percentile } from './metrics.ts';

interface DevRow {
  readonly id: string;
  readonly source: string;
  readonly text: string;
  readonly earlier: readonly string[];
  readonly category: string | null;
  readonly intent: string;
}

const args = process.argv.slice(2);
const option = (name: string, fallback: string): string => {
  const at = args.indexOf(`--${name}`);
  return at >= 0 ? (args[at + 1] ?? fallback) : fallback;
};
const folds = Number(option('folds', '5'));
const showConfusion = args.includes('--confusion');
const historySources = option('history-sources', 'all');
const tuning = { ...defaultTuning, ...JSON.parse(option('tune', '{}')) };
if (args.includes('--tune')) console.log('tuning', tuning);
const devPath = new URL('../../../shared/data/triage/dev.jsonl', import.meta.url);
const knowledgeDir = new URL('../../demo/knowledge/', import.meta.url);

const isInDomain = (source: string) => source === 'bitext' || source.startsWith('hint3');

function loadDev(): readonly DevRow[] {
  return readFileSync(devPath, 'utf8')
    .split('\n')
    .filter((line) => line.trim().length > 0)
    .map((line) => {
      const raw = JSON.parse(line);
      const customer: string[] = raw.messages
        .filter((message: { role: string }) => message.role === 'customer')
        .map((message: { text: string }) => message.text);
      return {
        id: String(raw.id),
        source: String(raw.source),
        text: customer.at(-1) ?? '',
        earlier: customer.slice(0, -1),
        category: raw.label?.category ?? null,
        intent: `${String(raw.source).replace(/_.*/, '')}:${String(raw.label?.sourceLabel ?? '')}`,
      };
    });
}

function loadKnowledge(): readonly KnowledgeText[] {
  const dir = knowledgeDir.pathname;
  let files: string[] = [];
  try {
    files = readdirSync(dir).filter((file) => file.endsWith('.md'));
  } catch {
    console.log('(no demo/knowledge folder: cold start uses the default examples only)');
  }
  return files.flatMap((file) => {
    let parsed: matter.GrayMatterFile<string>;
    try {
      parsed = matter(readFileSync(join(dir, file), 'utf8'));
    } catch (error) {
      console.log(`(skipped ${file}: front matter does not parse: ${String(error).split('\n')[0]})`);
      return [];
    }
    const data = parsed.data;
    return [
      {
        title: typeof data.title === 'string' ? data.title : file,
        body: parsed.content,
        category: typeof data.category === 'string' ? data.category : null,
        tags: Array.isArray(data.tags) ? data.tags.map(String) : [],
      },
    ];
  });
}

const pct = (value: number) => `${(100 * value).toFixed(1)}%`;

function report(
  title: string,
  predicted: ReadonlyMap<string, { category: string; confidence: number }>,
  rows: readonly DevRow[],
) {
  console.log(`\n=== ${title} ===`);
  const labelled = rows.filter((row) => row.category !== null && predicted.has(row.id));
  const pairsOf = (subset: readonly DevRow[]): Pair[] =>
    subset.map((row) => ({ expected: row.category ?? '', predicted: predicted.get(row.id)?.category ?? '' }));
  const sources = [...new Set(labelled.map((row) => row.source))].sort();
  console.log('source               rows   accuracy  macro-F1');
  for (const source of sources) {
    const figures = figuresOf(pairsOf(labelled.filter((row) => row.source === source)));
    console.log(
      `${source.padEnd(20)} ${String(figures.count).padStart(5)}   ${pct(figures.accuracy).padStart(7)}   ${figures.macroF1.toFixed(3)}`,
    );
  }
  const inDomain = labelled.filter((row) => isInDomain(row.source));
  const figures = figuresOf(pairsOf(inDomain));
  console.log(
    `IN-DOMAIN (bitext+hint3) ${figures.count} rows: accuracy ${pct(figures.accuracy)}, macro-F1 ${figures.macroF1.toFixed(3)}`,
  );
  for (const item of figures.perClass) {
    console.log(
      `  ${item.category.padEnd(20)} n=${String(item.support).padStart(5)}  P ${item.precision.toFixed(2)}  R ${item.recall.toFixed(2)}  F1 ${item.f1.toFixed(3)}`,
    );
  }
  if (showConfusion) console.log(confusionTable(pairsOf(inDomain)));
  if (args.includes('--by-intent')) {
    // Aggregate only: per source intent, the share right and the commonest wrong category.
    const intents = [...new Set(inDomain.map((row) => row.intent))].sort();
    for (const intent of intents) {
      const subset = inDomain.filter((row) => row.intent === intent);
      const wrong = new Map<string, number>();
      for (const row of subset) {
        const got = predicted.get(row.id)?.category ?? '';
        if (got !== row.category) wrong.set(got, (wrong.get(got) ?? 0) + 1);
      }
      const right = subset.length - [...wrong.values()].reduce((sum, n) => sum + n, 0);
      const top = [...wrong.entries()]
        .sort((a, b) => b[1] - a[1])
        .slice(0, 3)
        .map(([c, n]) => `${c}:${n}`)
        .join(' ');
      console.log(
        `    ${intent.padEnd(44)} ${String(subset.length).padStart(4)} ${pct(right / subset.length).padStart(6)}  ${top}`,
      );
    }
  }
  const buckets = [0, 0.3, 0.5, 0.7, 0.9, 1.01];
  console.log('  in-domain calibration (confidence bucket: rows, accuracy)');
  for (let b = 0; b < buckets.length - 1; b++) {
    const low = buckets[b] ?? 0;
    const high = buckets[b + 1] ?? 1;
    const inBucket = inDomain.filter((row) => {
      const confidence = predicted.get(row.id)?.confidence ?? 0;
      return confidence >= low && confidence < high;
    });
    const right = inBucket.filter((row) => predicted.get(row.id)?.category === row.category).length;
    console.log(
      `    [${low.toFixed(1)}, ${Math.min(1, high).toFixed(1)}): ${String(inBucket.length).padStart(5)}  ${inBucket.length ? pct(right / inBucket.length) : '-'}`,
    );
  }
  const confidenceOf = (subset: readonly DevRow[]) => {
    const values = subset.map((row) => predicted.get(row.id)?.confidence ?? 0);
    const mean = values.reduce((sum, value) => sum + value, 0) / Math.max(1, values.length);
    const above = values.filter((value) => value > 0.5).length / Math.max(1, values.length);
    return `${subset.length} rows, mean confidence ${mean.toFixed(3)}, share > 0.5 ${pct(above)}`;
  };
  const emotions = rows.filter((row) => row.source === 'goemotions' && predicted.has(row.id));
  const clincOther = rows.filter(
    (row) => row.source === 'clinc150' && row.category === 'other' && predicted.has(row.id),
  );
  const inDomainCorrect = inDomain.filter((row) => predicted.get(row.id)?.category === row.category);
  const inDomainWrong = inDomain.filter((row) => predicted.get(row.id)?.category !== row.category);
  console.log(`  out-of-domain goemotions: ${confidenceOf(emotions)}`);
  console.log(`  out-of-scope clinc150 'other': ${confidenceOf(clincOther)}`);
  console.log(`  in-domain correct: ${confidenceOf(inDomainCorrect)}`);
  console.log(`  in-domain wrong:   ${confidenceOf(inDomainWrong)}`);
}

function classifyAll(
  model: CategoryModel,
  rows: readonly DevRow[],
  into: Map<string, { category: string; confidence: number }>,
  timings?: number[],
) {
  for (const row of rows) {
    const started = performance.now();
    const prediction = model.classify(row.text, row.earlier);
    if (timings) timings.push(performance.now() - started);
    into.set(row.id, { category: prediction.category, confidence: prediction.confidence });
  }
}

const rows = loadDev();
const articles = loadKnowledge();
const categories = defaultCategoryDefinitions();
console.log(
  `dev rows ${rows.length}; knowledge articles ${articles.length}; default examples ${categories.reduce((sum, c) => sum + c.examples.length, 0)}`,
);

const started = performance.now();
const coldCpu = process.cpuUsage();
const coldModel = trainCategoryModel({ categories, articles }, tuning);
const coldTraining = performance.now() - started;
const coldTrainingCpu = process.cpuUsage(coldCpu);
const coldPredictions = new Map<string, { category: string; confidence: number }>();
const timings: number[] = [];
const cpuBefore = process.cpuUsage();
classifyAll(coldModel, rows, coldPredictions, timings);
const cpuMicros = process.cpuUsage(cpuBefore);
const classifyCpu = (cpuMicros.user + cpuMicros.system) / rows.length;
timings.sort((a, b) => a - b);
report('COLD START (default examples + demo knowledge base)', coldPredictions, rows);
console.log(
  `\ncold-start training ${coldTraining.toFixed(0)} ms wall, ${((coldTrainingCpu.user + coldTrainingCpu.system) / 1000).toFixed(0)} ms CPU; classify CPU mean ${classifyCpu.toFixed(1)} µs (all rows, incl. timer calls); wall p50 ${(1000 * percentile(timings, 0.5)).toFixed(1)} µs, p99 ${(1000 * percentile(timings, 0.99)).toFixed(1)} µs, mean ${((1000 * timings.reduce((s, t) => s + t, 0)) / timings.length).toFixed(1)} µs`,
);

if (folds > 1) {
  const historyPredictions = new Map<string, { category: string; confidence: number }>();
  const foldOf = (index: number) => index % folds;
  const trainingTimes: number[] = [];
  for (let fold = 0; fold < folds; fold++) {
    const history: LabelledText[] = [];
    const heldOut: DevRow[] = [];
    rows.forEach((row, index) => {
      if (foldOf(index) === fold) heldOut.push(row);
      else if (row.category !== null && (historySources === 'all' || isInDomain(row.source))) {
        history.push({ text: [...row.earlier, row.text].join('\n'), category: row.category });
      }
    });
    const cpu = process.cpuUsage();
    const model = trainCategoryModel({ categories, articles, history }, tuning);
    const used = process.cpuUsage(cpu);
    trainingTimes.push((used.user + used.system) / 1000);
    if (fold === 0) console.log(`history rows per fold ≈ ${history.length}`);
    classifyAll(model, heldOut, historyPredictions);
  }
  report(`WITH HISTORY (${folds}-fold CV, history from ${historySources} sources)`, historyPredictions, rows);
  console.log(`\nhistory training CPU per fold: ${trainingTimes.map((t) => t.toFixed(0)).join(', ')} ms`);
}
