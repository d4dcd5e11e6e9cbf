/**
 * The answer attempt of one turn (SPEC §3 step 4, issue 11): ask the answerer for a draft, then
 * let the core — not the answerer — decide whether the draft may be sent: it must cite its
 * sources, its claims must be in them, and its sources must not carry instructions to the AI.
 * A grounded draft's confidence combines retrieval evidence with the grounding check; anything
 * else becomes `no_answer` with the draft kept for the agent. A provider failure is `failed`.
 */

import { boundedMemo } from '../bounded-memo.ts';
import {
  checkGrounding,
  type GroundingIndex,
  type GroundingReport,
  groundedConfidence,
  groundingIndex,
  lookupSourceText,
} from '../grounding/index.ts';
import type { LookupOutcome } from '../handoff/index.ts';
import {
  type Answerer,
  AnswererFault,
  type AnswerRequest,
  type AnswerUsage,
  type DraftAnswer,
} from '../ports/answerer.ts';
import type { AnswerAttempt } from './decision/index.ts';
import { detectPromptInjection } from './signals/prompt-injection.ts';

/** What the attempt reports beside the decision's input: cost, and where the checks stopped a draft. */
export interface AttemptReport {
  readonly usage: AnswerUsage | null;
  /** The grounding check of the draft; null when nothing was drafted. */
  readonly grounding: {
    readonly grounded: boolean;
    readonly support: number;
    readonly problems: readonly string[];
  } | null;
  /** Instructions to the AI found in the draft's sources (an article or a lookup result). */
  readonly injectedSources: readonly string[];
  /** The provider fault kind when the answerer failed. */
  readonly fault: string | null;
}

export interface AttemptResult {
  readonly attempt: AnswerAttempt;
  readonly report: AttemptReport;
}

const noReport: AttemptReport = { usage: null, grounding: null, injectedSources: [], fault: null };

/** Text each cited source stands for: an article's text as the answerer gave it, a lookup's recorded result. */
const sourceTexts = (draft: DraftAnswer & { kind: 'answer' }, lookups: readonly LookupOutcome[]) =>
  draft.sources.map((source) => {
    if (source.kind === 'article')
      return { name: `article ${source.articleId}`, text: source.text, lookup: false };
    const lookup = lookups.find((outcome) => outcome.name === source.name);
    return {
      name: `lookup ${source.name}`,
      text: lookup ? lookupSourceText(lookup) : '',
      lookup: lookup?.status === 'ok',
    };
  });

/**
 * The same few articles back most answers, and checking an article's text (for instructions to the
 * AI, or indexing it for grounding) costs more than the rest of an embedded answer: each is done
 * once per text, for the most recent texts.
 */
const injectionChecks = boundedMemo<string, boolean>(256);
const sourceIndexes = boundedMemo<string, GroundingIndex>(256);
const groundingReports = boundedMemo<string, GroundingReport>(1024);

/**
 * A short number standing for each source text, so that cache keys name the articles instead of
 * copying them (a key of whole articles was rebuilt and hashed on every draft). Numbers are never
 * reused, so forgetting a text can only cost a recheck, never a wrong match.
 */
let nextTextNumber = 0;
const newTextNumber = (): number => {
  nextTextNumber += 1;
  return nextTextNumber - 1;
};
const textNumbers = boundedMemo<string, number>(4096);
const textNumber = (text: string): number => textNumbers.get(text, newTextNumber);

const textsKey = (texts: readonly string[]): string => {
  let key = '';
  for (const text of texts) key += `${textNumber(text)},`;
  return key;
};

/** The grounding gate over an answerer's draft. */
export const checkDraft = (
  draft: DraftAnswer,
  lookups: readonly LookupOutcome[],
  mustNotRepeat: readonly string[] = [],
): AttemptResult => {
  const usage = draft.usage ?? null;
  if (draft.kind === 'no_answer') {
    return {
      attempt: {
        kind: 'no_answer',
        reason: draft.reason,
        confidence: draft.confidence,
        tried: draft.tried,
        ...(draft.draft ? { draft: draft.draft } : {}),
      },
      report: { ...noReport, usage },
    };
  }
  const sources = sourceTexts(draft, lookups);
  const injectedSources = sources
    .filter((source) => injectionChecks.get(source.text, (text) => detectPromptInjection(text).fired))
    .map((source) => source.name);
  const texts = sources.map((source) => source.text);
  const sourcesKey = `${textsKey(texts)}|${textsKey(mustNotRepeat)}`;
  const cited = sources.filter((source) => source.text !== '').length;
  const report = groundingReports.get(`${sourcesKey}|${cited}|${draft.text}`, () =>
    checkGrounding({
      text: draft.text,
      cited,
      index: sourceIndexes.get(sourcesKey, () => groundingIndex(texts, mustNotRepeat)),
    }),
  );
  const problems = [
    ...report.problems,
    ...injectedSources.map((name) => `its source ${name} carries instructions to the AI`),
  ];
  const grounding = { grounded: problems.length === 0, support: report.support, problems };
  if (!grounding.grounded) {
    return {
      attempt: {
        kind: 'no_answer',
        reason: `The draft was not sent: ${problems.slice(0, 3).join('; ')}.`,
        confidence: draft.confidence,
        tried: draft.tried,
        draft: draft.text,
      },
      report: { usage, grounding, injectedSources, fault: null },
    };
  }
  const confidence = groundedConfidence({
    retrieval: draft.confidence,
    citesLookup: sources.some((source) => source.lookup),
    support: report.support,
  });
  return {
    attempt: { kind: 'answer', text: draft.text, confidence, tried: draft.tried, citations: draft.citations },
    report: { usage, grounding, injectedSources, fault: null },
  };
};

/** Drafts and checks; a provider failure becomes `failed` (SPEC §3: it hands over with `ai_unavailable`). */
export const attemptAnswer = async (
  answerer: Answerer,
  request: AnswerRequest,
  lookups: () => readonly LookupOutcome[],
): Promise<AttemptResult> => {
  try {
    const draft = await answerer.draft(request);
    return checkDraft(draft, lookups());
  } catch (error) {
    const fault = error instanceof AnswererFault ? error.kind : 'error';
    const message = error instanceof Error ? error.message : String(error);
    return {
      attempt: { kind: 'failed', error: message },
      report: { ...noReport, usage: error instanceof AnswererFault ? (error.usage ?? null) : null, fault },
    };
  }
};

/** Retrieval only, when the policy already hands over: the packet still lists the articles tried. */
export const retrieveOnly = async (
  answerer: Answerer,
  request: AnswerRequest,
  reason: string,
): Promise<AttemptResult> => {
  try {
    const found = answerer.retrieve ? await answerer.retrieve(request) : { confidence: 0, tried: [] };
    return {
      attempt: { kind: 'not_attempted', reason, confidence: found.confidence, tried: found.tried },
      report: noReport,
    };
  } catch {
    // Retrieval is for the agent's packet only; the handoff goes ahead without it.
    return { attempt: { kind: 'not_attempted', reason, confidence: 0, tried: [] }, report: noReport };
  }
};
