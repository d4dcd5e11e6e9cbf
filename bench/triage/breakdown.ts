/**
 * Why in-domain answerable questions escalate and which must-escalate rows are missed, in
 * aggregate counts only (by reason, by category pair, by confidence band) — never row by row, so
 * nothing here can be used to write a rule for a single dev row.
 *
 *   npx tsx bench/triage/breakdown.ts [--data FILE] [--out EXISTING_TRIAGE_OUTPUT]
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readJsonLines, runTriageCli } from './cli.ts';
import { type DevRow, inDomain } from './figures.ts';

interface OutLine {
  readonly id: string;
  readonly action?: string;
  readonly category?: string;
  readonly categoryConfidence?: number;
  readonly reasons?: readonly { readonly code: string; readonly evidence?: string }[];
}

const argument = (name: string): string | undefined => {
  const index = process.argv.indexOf(name);
  return index >= 0 ? process.argv[index + 1] : undefined;
};
const dataFile = argument('--data') ?? '/work/shared/data/triage/dev.jsonl';
const rows: DevRow[] = readFileSync(dataFile, 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '')
  .map((line) => JSON.parse(line) as DevRow);
let outFile = argument('--out');
const work = mkdtempSync(join(tmpdir(), 'baton-bench-breakdown-'));
if (!outFile) {
  outFile = join(work, 'cold.jsonl');
  runTriageCli(dataFile, outFile);
}
const outputs = readJsonLines<OutLine>(outFile);

const tally = (map: Map<string, number>, key: string): void => {
  map.set(key, (map.get(key) ?? 0) + 1);
};
const show = (title: string, map: Map<string, number>, total: number, top = 15): void => {
  console.log(`\n## ${title} (of ${total})\n`);
  const sorted = [...map.entries()].sort((a, b) => b[1] - a[1]).slice(0, top);
  for (const [key, n] of sorted) console.log(`${String(n).padStart(6)}  ${(n / total).toFixed(3)}  ${key}`);
};
const band = (value: number | undefined): string =>
  value === undefined
    ? '?'
    : `${(Math.floor(value * 5) / 5).toFixed(1)}–${(Math.floor(value * 5) / 5 + 0.2).toFixed(1)}`;

/** How a high-risk reason came about: the top category, a runner-up, or a cue word. */
const riskKind = (out: OutLine, evidence: string): string => {
  if (evidence.includes(' cue: ')) return `cue ${evidence.split(' ')[0]}`;
  const named = evidence.split(',').map((part) => part.trim().split(' ')[0] ?? '');
  return named.includes(out.category ?? '') ? `top ${out.category}` : `runner-up ${named.join('+')}`;
};

const reasonSets = new Map<string, number>();
const reasonAny = new Map<string, number>();
const riskKinds = new Map<string, number>();
const pairs = new Map<string, number>();
const lowKinds = new Map<string, number>();
const topics = new Map<string, number>();
const riskTopics = new Map<string, number>();
const bySource = new Map<string, number>();
const noAnswerWhy = new Map<string, number>();
const bands = new Map<string, number>();
const missedPredicted = new Map<string, number>();
const missedActual = new Map<string, number>();
const missedAction = new Map<string, number>();
let aiOk = 0;
let escalated = 0;
let must = 0;
let missed = 0;
rows.forEach((row, index) => {
  const out = outputs[index];
  if (!out || out.id !== row.id) throw new Error(`output ${index} does not match ${row.id}`);
  const codes = (out.reasons ?? []).map((reason) => reason.code);
  if (row.label.escalation === 'must') {
    must += 1;
    if (out.action !== 'escalate') {
      missed += 1;
      tally(missedPredicted, out.category ?? '?');
      tally(
        missedActual,
        `${row.source.startsWith('hint3') ? 'hint3' : row.source} ${row.label.category ?? 'none'}`,
      );
      tally(missedAction, `${out.action} at ${band(out.categoryConfidence)}`);
    }
  }
  if (row.label.escalation !== 'ai_ok' || !inDomain(row.source)) return;
  aiOk += 1;
  if (out.action !== 'escalate') return;
  escalated += 1;
  tally(reasonSets, [...new Set(codes)].sort().join('+'));
  for (const code of new Set(codes)) tally(reasonAny, code);
  for (const reason of out.reasons ?? [])
    if (reason.code === 'high_risk_category') tally(riskKinds, riskKind(out, reason.evidence ?? ''));
  for (const reason of out.reasons ?? []) {
    // Numbers and quoted words removed: the shape of the evidence, not the row's text.
    const shape = (reason.evidence ?? '').replace(/"[^"]*"/g, '"…"').replace(/[\d.]+/g, '#');
    if (reason.code === 'low_confidence') tally(lowKinds, `${shape.split(':')[0]} (${out.category})`);
    if (reason.code === 'no_answer') tally(noAnswerWhy, shape.slice(0, 90));
  }
  const group = row.source.startsWith('hint3') ? 'hint3' : row.source;
  tally(bySource, `${group} ${[...new Set(codes)].sort().join('+')}`);
  // The source's own topic name (an intent label over many rows): which whole topics lack articles.
  const topic = (row.label as { readonly sourceLabel?: string }).sourceLabel ?? '?';
  if (codes.includes('no_answer') || codes.includes('low_confidence')) tally(topics, `${group} ${topic}`);
  if (codes.includes('high_risk_category')) tally(riskTopics, `${group} ${topic} → ${out.category}`);
  tally(pairs, `${row.label.category ?? 'none'} → ${out.category ?? '?'}`);
  tally(bands, `category confidence ${band(out.categoryConfidence)}`);
});
console.log(`in-domain ai_ok: ${aiOk}, escalated ${escalated} (${(escalated / aiOk).toFixed(3)})`);
show('reason sets of escalated ai_ok', reasonSets, aiOk);
show('any reason of escalated ai_ok', reasonAny, aiOk);
show('how high_risk_category fired on ai_ok', riskKinds, aiOk);
show('low_confidence evidence by predicted category', lowKinds, aiOk, 25);
show('no_answer evidence', noAnswerWhy, aiOk);
show('source and reasons', bySource, aiOk, 12);
show("topics (the source's intent labels) escalated for no_answer or low_confidence", topics, aiOk, 40);
show('topics escalated as high risk (→ predicted category)', riskTopics, aiOk, 30);
show('labelled → predicted category of escalated ai_ok', pairs, aiOk);
show('category confidence of escalated ai_ok', bands, aiOk);
console.log(`\nmust: ${must}, missed ${missed} (recall ${((must - missed) / must).toFixed(3)})`);
show('missed must: predicted category', missedPredicted, must);
show('missed must: source and labelled category', missedActual, must);
show('missed must: action and category confidence', missedAction, must);
rmSync(work, { recursive: true, force: true });
