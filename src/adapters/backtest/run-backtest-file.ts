/**
 * `baton backtest` (SPEC §5, §13): streams a triage input file, gathers each conversation's
 * evidence once, decides it under the baseline and the draft policy, and counts the difference.
 */
import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { isDeepStrictEqual } from 'node:util';
import {
  type BacktestSummary,
  createBacktestTally,
  decideUnder,
  gatherTriageEvidence,
} from '../../core/coaching/backtest/index.ts';
import { escalationNeedOf } from '../../core/coaching/escalation-need.ts';
import { loadPolicy, policyCategoryDefinitions } from '../../core/triage/index.ts';
import { buildTriageEngine, type TriageEngine } from '../triage/run-triage-file.ts';
import { parseTriageLine } from '../triage/triage-line.ts';
import { judgementOfLine } from './judgement-line.ts';

export interface BacktestFileOptions {
  /** Input JSONL path (the `baton triage` format), or `-` for standard input. */
  readonly in: string;
  /** The draft policy file (YAML or JSON). */
  readonly policy: string;
  /** The policy to compare with; the shipped default without it. */
  readonly baseline?: string;
  readonly kb?: string;
  readonly history?: string;
}

export interface BacktestFileResult {
  readonly summary: BacktestSummary;
  /** Lines that were not conversations (malformed JSON, no customer message…). */
  readonly errors: number;
  readonly baselineVersion: string;
  readonly draftVersion: string;
  /** False when the draft changes the taxonomy, so each policy needed its own category model. */
  readonly sharedCategoryModel: boolean;
}

/** The draft's engine: the baseline's model and answerer when the taxonomy is the same. */
const draftEngine = async (
  options: BacktestFileOptions,
  baseline: TriageEngine,
  log: (line: string) => void,
): Promise<TriageEngine> => {
  const policy = loadPolicy(await readFile(options.policy, 'utf8'));
  const sameTaxonomy = isDeepStrictEqual(
    policyCategoryDefinitions(policy),
    policyCategoryDefinitions(baseline.policy),
  );
  if (sameTaxonomy) return { ...baseline, policy };
  log('backtest: the draft changes the taxonomy; training a category model for each policy');
  return buildTriageEngine({ ...options, policy: options.policy }, log);
};

export const runBacktestFile = async (
  options: BacktestFileOptions,
  log: (line: string) => void = () => {},
): Promise<BacktestFileResult> => {
  const baseline = await buildTriageEngine({ ...options, policy: options.baseline }, log);
  const draft = await draftEngine(options, baseline, log);
  const shared = draft.categoryModel === baseline.categoryModel;
  const tally = createBacktestTally();
  const input = options.in === '-' ? process.stdin : createReadStream(options.in, 'utf8');
  let errors = 0;
  for await (const line of createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY })) {
    const parsed = parseTriageLine(line);
    if (parsed.kind === 'blank') continue;
    if (parsed.kind === 'error') {
      errors += 1;
      continue;
    }
    const conversation = { messages: parsed.messages, customerPlan: parsed.customer?.plan ?? null };
    const evidence = await gatherTriageEvidence({ ...baseline, ...conversation });
    const draftEvidence = shared ? evidence : await gatherTriageEvidence({ ...draft, ...conversation });
    const judgement = judgementOfLine(line);
    tally.add(
      parsed.id,
      decideUnder(baseline.policy, evidence),
      decideUnder(draft.policy, draftEvidence),
      judgement ? escalationNeedOf(judgement) : null,
    );
  }
  return {
    summary: tally.summary(),
    errors,
    baselineVersion: baseline.policy.version,
    draftVersion: draft.policy.version,
    sharedCategoryModel: shared,
  };
};
