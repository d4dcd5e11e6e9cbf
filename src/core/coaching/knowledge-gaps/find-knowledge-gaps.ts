/**
 * Knowledge gaps (SPEC §8): questions the knowledge base answers weakly or not at all, and
 * conversations labelled `missing_article`, clustered into gaps with their size, week-by-week
 * share of all questions (so a gap can be watched closing once an article is published), a trend
 * and example questions.
 */
import { defaultAnswerThresholds } from '../../knowledge/answer-composer.ts';
import { isoWeekOf } from '../iso-week.ts';
import { clusterQuestions } from './cluster-questions.ts';
import type { GapQuestion } from './gap-question.ts';

export interface GapSettings {
  /** A best article below this relevance does not cover the question (the answerer's own floor by default). */
  readonly weakMatchBelow: number;
  readonly minSimilarity: number;
  /** Fewer conversations than this are not a gap yet. */
  readonly minConversations: number;
  readonly maxDistinct: number;
  readonly examples: number;
}

export const defaultGapSettings: GapSettings = {
  weakMatchBelow: defaultAnswerThresholds.minRelevance,
  minSimilarity: 0.3,
  minConversations: 2,
  maxDistinct: 600,
  examples: 5,
};

export interface GapWeek {
  readonly week: string;
  readonly questions: number;
  /** The gap's questions ÷ all questions that week (0 when the week had none). */
  readonly share: number;
}

export type GapTrend = 'new' | 'rising' | 'steady' | 'falling' | 'closed';

export interface KnowledgeGap {
  /** Stable while the gap's leading terms stay the same. */
  readonly id: string;
  /** What the gap is about in a customer's words: its most typical question. */
  readonly label: string;
  readonly terms: readonly string[];
  readonly conversations: number;
  readonly conversationIds: readonly string[];
  readonly examples: readonly string[];
  /** The category most of its questions were put in. */
  readonly category: string | null;
  readonly fromLabels: number;
  readonly weekly: readonly GapWeek[];
  readonly trend: GapTrend;
}

/** A question is a gap candidate when a reviewer said an article is missing, or no article matched well. */
export const isGapCandidate = (question: GapQuestion, settings: GapSettings = defaultGapSettings): boolean =>
  question.missingArticleLabel ||
  question.topArticleScore === null ||
  question.topArticleScore < settings.weakMatchBelow;

/**
 * Last week against the weeks before it: more than half again is rising, under half is falling.
 * A week still under way is too short to judge on its own (on a Monday every gap would read as
 * closed): its questions count with the last complete week's.
 */
const trendOf = (weekly: readonly GapWeek[], lastWeekUnderWay: boolean): GapTrend => {
  const counts = weekly.map((week) => week.questions);
  if (lastWeekUnderWay && counts.length > 1) {
    const current = counts.pop() ?? 0;
    counts[counts.length - 1] = (counts[counts.length - 1] ?? 0) + current;
  }
  const last = counts[counts.length - 1] ?? 0;
  const before = counts.slice(0, -1);
  const earlier = before.reduce((sum, count) => sum + count, 0);
  if (earlier === 0) return last > 0 ? 'new' : 'steady';
  const mean = earlier / before.length;
  if (last === 0) return 'closed';
  if (last > mean * 1.5) return 'rising';
  if (last < mean * 0.5) return 'falling';
  return 'steady';
};

const majority = (values: readonly (string | null)[]): string | null => {
  const counts = new Map<string, number>();
  for (const value of values) if (value !== null) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0] ?? null;
};

/**
 * Finds the gaps among `questions` (every AI-handled customer question of the period, well
 * answered or not: the well-answered ones are the denominator of each week's share), largest first.
 * A thanks or goodbye is no question: it counts neither as a gap nor in a week's share.
 */
export const findKnowledgeGaps = (
  decided: readonly GapQuestion[],
  weeks: readonly string[],
  settings: GapSettings = defaultGapSettings,
  options: {
    /** The last of `weeks` has not ended yet (the gaps page shows the current week). */
    readonly lastWeekUnderWay?: boolean;
  } = {},
): KnowledgeGap[] => {
  const questions = decided.filter((question) => !question.closingRemark);
  const perWeek = new Map<string, number>();
  for (const question of questions) {
    const week = isoWeekOf(question.at);
    perWeek.set(week, (perWeek.get(week) ?? 0) + 1);
  }
  const candidates = questions.filter((question) => isGapCandidate(question, settings));
  const clusters = clusterQuestions(candidates, (question) => question.text, settings);
  const gaps: KnowledgeGap[] = [];
  for (const cluster of clusters) {
    const conversationIds = [...new Set(cluster.members.map((member) => member.conversationId))];
    if (conversationIds.length < settings.minConversations) continue;
    const terms = [...cluster.centroid]
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .slice(0, 3)
      .map(([term]) => term);
    const weekly = weeks.map((week) => {
      const count = cluster.members.filter((member) => isoWeekOf(member.at) === week).length;
      const all = perWeek.get(week) ?? 0;
      return { week, questions: count, share: all > 0 ? count / all : 0 };
    });
    const examples = [...new Set(cluster.central.map((member) => member.text.trim()))].slice(
      0,
      settings.examples,
    );
    gaps.push({
      id: `gap-${[...terms].sort().join('-')}`,
      label: examples[0] ?? terms.join(' '),
      terms,
      conversations: conversationIds.length,
      conversationIds,
      examples,
      category: majority(cluster.members.map((member) => member.category)),
      fromLabels: cluster.members.filter((member) => member.missingArticleLabel).length,
      weekly,
      trend: trendOf(weekly, options.lastWeekUnderWay === true),
    });
  }
  return gaps.sort((a, b) => b.conversations - a.conversations || (a.id < b.id ? -1 : 1));
};
