/**
 * What became of the knowledge gaps by a report's week (SPEC §8 "gaps closed"): a gap seen in the
 * weeks before counts as closed when its share of questions fell to (near) zero this week, or when
 * an article covering its leading terms was published this week; the rest are the open gaps,
 * largest first, with their trend.
 */
import { textTerms } from '../../knowledge/text-terms.ts';
import type { GapTrend, KnowledgeGap } from '../knowledge-gaps/find-knowledge-gaps.ts';

export interface GapOutcomeSettings {
  /** A share of the week's questions at or under this is "near zero". */
  readonly nearZeroShare: number;
  /** How many open gaps the report lists. */
  readonly topOpen: number;
}

export const defaultGapOutcomeSettings: GapOutcomeSettings = { nearZeroShare: 0.01, topOpen: 5 };

export interface ClosedGap {
  readonly id: string;
  readonly label: string;
  readonly why: 'questions_stopped' | 'article_published';
  /** The article that covers it, when one was published this week. */
  readonly article: string | null;
}

export interface OpenGap {
  readonly id: string;
  readonly label: string;
  readonly conversations: number;
  readonly questionsThisWeek: number;
  readonly shareThisWeek: number;
  readonly trend: GapTrend;
}

export interface GapOutcomes {
  readonly closed: readonly ClosedGap[];
  readonly open: readonly OpenGap[];
}

interface PublishedArticle {
  readonly slug: string;
  readonly title: string;
  readonly body: string;
}

/** An article covers a gap when its text holds every leading term of the gap (at most three). */
const covering = (gap: KnowledgeGap, articles: readonly (PublishedArticle & { terms: Set<string> })[]) =>
  gap.terms.length === 0 ? undefined : articles.find((a) => gap.terms.every((term) => a.terms.has(term)));

/**
 * `gaps` were found over weeks ending with the report's week (their `weekly` last entry is that
 * week); `publishedThisWeek` are the articles published or changed in it.
 */
export const gapOutcomes = (
  gaps: readonly KnowledgeGap[],
  publishedThisWeek: readonly PublishedArticle[],
  settings: GapOutcomeSettings = defaultGapOutcomeSettings,
): GapOutcomes => {
  const articles = publishedThisWeek.map((a) => ({
    ...a,
    terms: new Set(textTerms(`${a.title} ${a.body}`)),
  }));
  const closed: ClosedGap[] = [];
  const open: OpenGap[] = [];
  for (const gap of gaps) {
    const thisWeek = gap.weekly[gap.weekly.length - 1];
    const seenBefore = gap.weekly.slice(0, -1).some((week) => week.questions > 0);
    const share = thisWeek?.share ?? 0;
    const article = covering(gap, articles);
    if (seenBefore && (article || share <= settings.nearZeroShare)) {
      closed.push({
        id: gap.id,
        label: gap.label,
        why: article ? 'article_published' : 'questions_stopped',
        article: article?.slug ?? null,
      });
      continue;
    }
    open.push({
      id: gap.id,
      label: gap.label,
      conversations: gap.conversations,
      questionsThisWeek: thisWeek?.questions ?? 0,
      shareThisWeek: share,
      trend: gap.trend,
    });
  }
  const largest = open.sort(
    (a, b) => b.conversations - a.conversations || b.questionsThisWeek - a.questionsThisWeek,
  );
  return { closed, open: largest.slice(0, settings.topOpen) };
};
