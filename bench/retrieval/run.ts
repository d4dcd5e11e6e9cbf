/**
 * Retrieval answerer benchmark: quality on the written question sets, speed per question, and —
 * when ../shared/data is present — how often it answers per data source and whether the article
 * it answers from has the labelled category. Prints figures; asserts nothing.
 *
 *   npx tsx bench/retrieval/run.ts
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  afterThingWordsQuestions,
  afterTieRuleQuestions,
  heldOutQuestions,
  productWordQuestions,
  type RetrievalQuestion,
  tuningQuestions,
} from '../../src/adapters/ai/retrieval-answerer.questions.ts';
import { readKnowledgeFolder } from '../../src/adapters/knowledge/markdown-folder.ts';
import { composeAnswer } from '../../src/core/knowledge/answer-composer.ts';
import { buildKnowledgeIndex, rankDocuments } from '../../src/core/knowledge/knowledge-index.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const { articles } = await readKnowledgeFolder(resolve(root, 'demo/knowledge'));

const buildStart = performance.now();
const builds = 50;
for (let i = 0; i < builds; i += 1) buildKnowledgeIndex(articles);
const buildMs = (performance.now() - buildStart) / builds;
const index = buildKnowledgeIndex(articles);
console.log(
  `knowledge base: ${articles.length} articles, ${index.passages.length} passages, ${index.idf.size} terms`,
);
console.log(`index build: ${buildMs.toFixed(2)} ms`);

const measure = (name: string, questions: readonly RetrievalQuestion[]) => {
  const inDomain = questions.filter((q) => q.expected !== null);
  const outOfDomain = questions.filter((q) => q.expected === null);
  let rankedFirst = 0;
  let answeredRight = 0;
  let answeredWrong = 0;
  let declinedInDomain = 0;
  let declinedOut = 0;
  const misses: string[] = [];
  for (const { question, expected } of questions) {
    const answer = composeAnswer(index, question);
    const top = answer.ranking.ranked[0]?.document.slug;
    if (expected === null) {
      if (answer.kind === 'no_answer') declinedOut += 1;
      else misses.push(`  answered out-of-domain "${question}" from ${answer.document.slug}`);
      continue;
    }
    if (top === expected) rankedFirst += 1;
    if (answer.kind === 'no_answer') {
      declinedInDomain += 1;
      misses.push(
        `  no_answer for "${question}" (best ${top} ${answer.ranking.ranked[0]?.score.toFixed(2)})`,
      );
    } else if (answer.document.slug === expected) answeredRight += 1;
    else {
      answeredWrong += 1;
      misses.push(`  "${question}" answered from ${answer.document.slug}, expected ${expected}`);
    }
  }
  const pct = (n: number, d: number) => `${((100 * n) / Math.max(1, d)).toFixed(1)}% (${n}/${d})`;
  console.log(`\n${name}: ${inDomain.length} in-domain, ${outOfDomain.length} out-of-domain questions`);
  console.log(`  top-1 ranking accuracy (in-domain):   ${pct(rankedFirst, inDomain.length)}`);
  console.log(`  answered from the right article:      ${pct(answeredRight, inDomain.length)}`);
  console.log(`  answered from a wrong article:        ${pct(answeredWrong, inDomain.length)}`);
  console.log(`  no_answer on in-domain:               ${pct(declinedInDomain, inDomain.length)}`);
  console.log(`  no_answer on out-of-domain:           ${pct(declinedOut, outOfDomain.length)}`);
  for (const miss of misses) console.log(miss);
};
measure('tuning set', tuningQuestions);
measure('held-out set', heldOutQuestions);
measure('written after the tie rule', afterTieRuleQuestions);
measure('naming the product', productWordQuestions);
measure('written after the thing words', afterThingWordsQuestions);

const questions = [...tuningQuestions, ...heldOutQuestions].map((q) => q.question);
const rounds = 200;
let sink = 0;
/** Wall-clock and CPU microseconds per question (CPU time is steadier on a shared machine). */
const perQuestion = (run: (question: string) => number) => {
  const cpuStart = process.cpuUsage();
  const wallStart = performance.now();
  for (let r = 0; r < rounds; r += 1) for (const question of questions) sink += run(question);
  const cpu = process.cpuUsage(cpuStart);
  const runs = rounds * questions.length;
  return {
    wall: ((performance.now() - wallStart) * 1000) / runs,
    cpu: (cpu.user + cpu.system) / runs,
  };
};
const rank = perQuestion((question) => rankDocuments(index, question).ranked.length);
const compose = perQuestion((question) => composeAnswer(index, question).confidence);
console.log(`\nper question (${rounds * questions.length} runs, µs wall / cpu):`);
console.log(`  rank all articles:          ${rank.wall.toFixed(1)} / ${rank.cpu.toFixed(1)}`);
console.log(
  `  rank + extract the answer:  ${compose.wall.toFixed(1)} / ${compose.cpu.toFixed(1)}  [${sink > 0 ? 'ok' : ''}]`,
);

const dataFile = resolve(root, '../shared/data/triage/dev.jsonl');
if (!existsSync(dataFile)) {
  console.log(`\n(${dataFile} not found: skipping the data-set figures)`);
} else {
  interface Row {
    readonly source: string;
    readonly messages: readonly { readonly role: string; readonly text: string }[];
    readonly label: { readonly category: string | null };
  }
  const bySource = new Map<string, { rows: number; answered: number; sameCategory: number }>();
  for (const line of readFileSync(dataFile, 'utf8').split('\n')) {
    if (line.trim() === '') continue;
    const row = JSON.parse(line) as Row;
    const text = row.messages.filter((m) => m.role === 'customer').at(-1)?.text ?? '';
    const source = row.source.startsWith('hint3') ? 'hint3' : row.source;
    const stats = bySource.get(source) ?? { rows: 0, answered: 0, sameCategory: 0 };
    const answer = composeAnswer(index, text);
    stats.rows += 1;
    if (answer.kind === 'answer') {
      stats.answered += 1;
      if (answer.document.category === row.label.category) stats.sameCategory += 1;
    }
    bySource.set(source, stats);
  }
  console.log(
    '\ndev.jsonl per source: answer rate, and of the answers, the share whose article has the labelled category',
  );
  for (const [source, s] of [...bySource].sort()) {
    const share = (n: number, d: number) => `${((100 * n) / Math.max(1, d)).toFixed(1)}%`;
    console.log(
      `  ${source.padEnd(18)} rows ${String(s.rows).padStart(6)}  answered ${share(s.answered, s.rows).padStart(6)}  same category ${share(s.sameCategory, s.answered).padStart(6)}`,
    );
  }
}
