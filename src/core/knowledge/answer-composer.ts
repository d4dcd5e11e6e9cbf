/**
 * The extractive answer: the units of the best passage that best cover the question, and a
 * confidence from the retrieval evidence alone (how well the best article covers the question,
 * how far it stands above the next article, how much of the question the KB knows at all).
 * The text is always copied from the article, never written: no grounding, no answer.
 */
import type {
  DocumentRelevance,
  IndexedPassage,
  KnowledgeDocument,
  KnowledgeIndex,
  QuestionTerm,
  Ranking,
} from './knowledge-index.ts';
import { rankDocuments } from './knowledge-index.ts';
import type { PassageUnit } from './passages.ts';

export interface AnswerThresholds {
  /** Below this relevance of the best article the KB does not cover the question. */
  readonly minRelevance: number;
  /** Below this confidence the evidence is too weak or too ambiguous to answer. */
  readonly minConfidence: number;
  /** The margin over the second article at which ambiguity stops lowering confidence. */
  readonly clearMargin: number;
}

export const defaultAnswerThresholds: AnswerThresholds = {
  minRelevance: 0.42,
  minConfidence: 0.5,
  clearMargin: 0.15,
};

/**
 * How much a rival article that scores as well as the best one lowers confidence. Kept small: two
 * articles that both cover the question (refund policy and refund timing) usually means the best
 * one answers it, not that the knowledge base does not know.
 */
const ambiguityWeight = 0.1;

/**
 * Articles scoring within this of the chosen one are tied with it. Two tied articles are the
 * ordinary case above. Three or more, when the chosen article's title and tags name nothing the
 * question asks, mean the question met them only on words many articles use in passing ("it says
 * delivered but I never got it" meets four articles on "delivered" and "never"), and the ranking
 * would pick one by its place in the list: confidence is shared among them.
 */
const tieMargin = 0.01;

/** How many articles other than `chosen` score within the tie margin of it, when it is tied on its text alone. */
const tiedRivals = <D extends KnowledgeDocument>(
  ranking: Ranking<D>,
  chosen: DocumentRelevance<D>,
): number => {
  if (chosen.aboutQuestion) return 0;
  let rivals = 0;
  for (const relevance of ranking.ranked) {
    // Best first: after the first article below the margin, every other one is below it too.
    if (relevance.score < chosen.score - tieMargin) break;
    if (relevance.documentIndex !== chosen.documentIndex) rivals += 1;
  }
  return rivals;
};

export type ComposedAnswer<D extends KnowledgeDocument> =
  | {
      readonly kind: 'answer';
      readonly document: D;
      readonly text: string;
      readonly confidence: number;
      readonly ranking: Ranking<D>;
    }
  | {
      readonly kind: 'no_answer';
      readonly reason: string;
      readonly confidence: number;
      readonly ranking: Ranking<D>;
    };

const maxAnswerLength = 700;
const minAnswerLength = 140;
const maxUnits = 3;
const maxListItems = 6;

const clamp01 = (value: number) => Math.min(1, Math.max(0, value));

/**
 * Confidence that `chosen` (by default the top article) answers the question, from retrieval
 * evidence only: its score, its margin over the strongest other article of the whole ranking,
 * and how much of the question the knowledge base knows.
 */
export const answerConfidence = <D extends KnowledgeDocument>(
  ranking: Ranking<D>,
  chosen: DocumentRelevance<D> | undefined = ranking.ranked[0],
  thresholds: AnswerThresholds = defaultAnswerThresholds,
): number => (chosen ? confidenceWith(ranking, chosen, thresholds, tiedRivals(ranking, chosen)) : 0);

/** `answerConfidence` when the tied rivals are already counted. */
const confidenceWith = <D extends KnowledgeDocument>(
  ranking: Ranking<D>,
  chosen: DocumentRelevance<D>,
  thresholds: AnswerThresholds,
  rivals: number,
): number => {
  const rival = ranking.ranked.find((relevance) => relevance.documentIndex !== chosen.documentIndex);
  const margin = chosen.score - (rival?.score ?? 0);
  const clarity = Math.max(0, Math.min(1, margin / thresholds.clearMargin));
  const ambiguity = 1 - ambiguityWeight + ambiguityWeight * clarity;
  const shared = rivals >= 2 ? 1 / rivals : 1;
  return clamp01(chosen.score * ambiguity * shared * (0.8 + 0.2 * ranking.knownShare));
};

/** The question weight that units `[start, end)` cover, summed in the order of the terms. */
const windowWeight = (
  unitTerms: readonly ReadonlySet<string>[],
  start: number,
  end: number,
  terms: readonly QuestionTerm[],
): number => {
  let value = 0;
  for (const term of terms) {
    let said = false;
    for (let unit = start; unit < end && !said; unit += 1) said = unitTerms[unit]?.has(term.term) ?? false;
    value += said ? term.weight : 0;
  }
  return value;
};

/** The best window of 1–3 consecutive units: the most question weight covered, earliest on ties. */
const bestWindow = (
  units: readonly PassageUnit[],
  unitTerms: readonly ReadonlySet<string>[],
  terms: readonly QuestionTerm[],
): readonly [number, number] => {
  let best: readonly [number, number] = [0, Math.min(units.length, maxUnits)];
  let bestValue = 0;
  for (let start = 0; start < units.length; start += 1) {
    for (let end = start + 1; end <= Math.min(units.length, start + maxUnits); end += 1) {
      const value = windowWeight(unitTerms, start, end, terms);
      // A longer window must add coverage to win.
      if (value > bestValue + 1e-9) {
        bestValue = value;
        best = [start, end];
      }
    }
  }
  return best;
};

/** The list (or table) block starting at `start`, if it is short enough to quote whole. */
const listRun = (units: readonly PassageUnit[], start: number): PassageUnit[] => {
  const first = units[start];
  if (!first || first.kind === 'sentence') return [];
  const run = units.filter((unit) => unit.kind !== 'sentence' && unit.block === first.block);
  return run.length <= maxListItems ? run : run.slice(0, maxListItems);
};

/** Picks the units to quote; a short list or table comes whole, after the sentence introducing it. */
const selectUnits = (passage: IndexedPassage, terms: readonly QuestionTerm[]): PassageUnit[] => {
  const units = passage.units;
  const [start, end] = bestWindow(units, passage.unitTerms, terms);
  const window = units.slice(start, end);
  const listUnit = window.find((unit) => unit.kind !== 'sentence');
  if (!listUnit) {
    // "Our bedding follows UK sizes:" is only useful with the table after it.
    return window.at(-1)?.text.endsWith(':') ? [...window, ...listRun(units, end)] : window;
  }
  const firstListIndex = units.findIndex((unit) => unit.kind !== 'sentence' && unit.block === listUnit.block);
  const intro = units[firstListIndex - 1];
  const lead = intro?.kind === 'sentence' && intro.text.endsWith(':') ? [intro] : [];
  const list = units.filter((unit) => unit.kind !== 'sentence' && unit.block === listUnit.block);
  const shown = list.length <= maxListItems ? list : window.filter((unit) => unit.kind !== 'sentence');
  const before = window.filter(
    (unit) => unit.kind === 'sentence' && units.indexOf(unit) < firstListIndex - lead.length,
  );
  const after = window.filter((unit) => unit.kind === 'sentence' && units.indexOf(unit) > firstListIndex);
  return [...before, ...lead, ...shown, ...after];
};

const renderUnits = (units: readonly PassageUnit[]): string => {
  let text = '';
  units.forEach((unit, i) => {
    const previous = units[i - 1];
    const separator = i === 0 ? '' : unit.kind === 'sentence' && previous?.kind === 'sentence' ? ' ' : '\n';
    const line = unit.kind === 'sentence' ? unit.text : `- ${unit.text}`.replace(/^- (\d+[.)]\s)/, '$1');
    text += separator + line;
  });
  return text.length > maxAnswerLength ? `${text.slice(0, maxAnswerLength).replace(/\s+\S*$/, '')} …` : text;
};

/**
 * A one-line answer ("You can cancel at any time.") is true but thin: the text that follows it in
 * the article (the rest of the passage, then the next passage) is added until it says enough.
 */
const extendShortAnswer = (
  selected: readonly PassageUnit[],
  following: readonly (readonly PassageUnit[])[],
): PassageUnit[] => {
  const answer = [...selected];
  let length = answer.reduce((sum, unit) => sum + unit.text.length, 0);
  for (const units of following) {
    let i = 0;
    while (i < units.length && length < minAnswerLength) {
      const run = listRun(units, i);
      const added =
        run.length > 0 ? run : [units[i]].filter((unit): unit is PassageUnit => unit !== undefined);
      answer.push(...added);
      length += added.reduce((sum, unit) => sum + unit.text.length, 0);
      i +=
        run.length > 0
          ? units.filter((unit) => unit.kind !== 'sentence' && unit.block === run[0]?.block).length
          : 1;
    }
    if (length >= minAnswerLength) break;
  }
  return answer;
};

/** The passage text that answers the question from one document's best passage. */
export const extractAnswerText = <D extends KnowledgeDocument>(
  index: KnowledgeIndex<D>,
  relevance: DocumentRelevance<D>,
  terms: readonly QuestionTerm[],
): string => {
  const passage = index.passages[relevance.passageIndex];
  if (!passage) return '';
  const selected = selectUnits(passage, terms);
  const lastSelected = selected.at(-1);
  const rest = lastSelected ? passage.units.slice(passage.units.indexOf(lastSelected) + 1) : [];
  // Only an article's opening passage runs on into the next section; later sections stand alone.
  const siblings = index.passagesByDocument[relevance.documentIndex] ?? [];
  const next = siblings[0] === relevance.passageIndex ? siblings[1] : undefined;
  const nextUnits = next === undefined ? [] : (index.passages[next]?.units ?? []);
  return renderUnits(extendShortAnswer(selected, [rest, nextUnits]));
};

/** Answers a question from the knowledge base, or says why it cannot (`no_answer`). */
export const composeAnswer = <D extends KnowledgeDocument>(
  index: KnowledgeIndex<D>,
  question: string,
  options: { readonly allowed?: (document: D) => boolean; readonly thresholds?: AnswerThresholds } = {},
): ComposedAnswer<D> => {
  const thresholds = options.thresholds ?? defaultAnswerThresholds;
  // Candidates limit what may be quoted, but confidence is judged against the whole knowledge
  // base, so it means the same however the candidates were found.
  const whole = rankDocuments(index, question);
  const allowed = options.allowed;
  const ranking = allowed ? { ...whole, ranked: whole.ranked.filter((r) => allowed(r.document)) } : whole;
  const best = ranking.ranked[0];
  const rivals = best ? tiedRivals(whole, best) : 0;
  const confidence = best ? confidenceWith(whole, best, thresholds, rivals) : 0;
  if (ranking.terms.length === 0) {
    return {
      kind: 'no_answer',
      reason: 'The message has no question words to look up.',
      confidence: 0,
      ranking,
    };
  }
  if (!best)
    return {
      kind: 'no_answer',
      reason: 'The knowledge base has no articles to answer from.',
      confidence,
      ranking,
    };
  if (best.score < thresholds.minRelevance || confidence < thresholds.minConfidence) {
    const second = ranking.ranked[1];
    const reason =
      best.score >= thresholds.minRelevance && rivals >= 2
        ? `${rivals + 1} articles match equally well (among them "${best.document.title}" and "${second?.document.title}"), so none clearly answers it.`
        : best.score >= thresholds.minRelevance &&
            second &&
            best.score - second.score < thresholds.clearMargin &&
            confidence / (1 - ambiguityWeight) >= thresholds.minConfidence
          ? `Two articles match about equally ("${best.document.title}" and "${second.document.title}"), so neither clearly answers it.`
          : `No article covers the question well enough (best match "${best.document.title}" at ${best.score.toFixed(2)}).`;
    return { kind: 'no_answer', reason, confidence, ranking };
  }
  const text = extractAnswerText(index, best, ranking.terms);
  if (text === '')
    return { kind: 'no_answer', reason: 'The best article has no text to quote.', confidence, ranking };
  return { kind: 'answer', document: best.document, text, confidence, ranking };
};
