import { describe, expect, it } from 'vitest';
import { textTerms } from '../../knowledge/text-terms.ts';
import type { GapTrend, KnowledgeGap } from '../knowledge-gaps/index.ts';
import { gapOutcomes } from './gap-outcomes.ts';

const weeks = ['2026-W46', '2026-W47', '2026-W48', '2026-W49'];

/** A gap on `about` (its terms as the clustering makes them) asked `counts` times a week, of 100 questions. */
const gap = (id: string, about: string, counts: number[], trend: GapTrend): KnowledgeGap => ({
  id,
  label: `about ${about}`,
  terms: textTerms(about),
  conversations: counts.reduce((sum, count) => sum + count, 0),
  conversationIds: [],
  examples: [],
  category: null,
  fromLabels: 0,
  weekly: weeks.map((week, i) => ({ week, questions: counts[i] ?? 0, share: (counts[i] ?? 0) / 100 })),
  trend,
});

const gaps = [
  // Asked every week and still asked: open.
  gap('gap-gift-wrap', 'gift wrap', [3, 4, 5, 6], 'rising'),
  // Asked before, not this week: closed because the questions stopped.
  gap('gap-pause-subscription', 'pause subscription', [4, 5, 3, 0], 'closed'),
  // Still asked, but an article on it was published this week: closed by the article.
  gap('gap-engrave-wallet', 'engrave wallet', [2, 2, 3, 2], 'steady'),
  // New this week: open even though nothing came before.
  gap('gap-student-discount', 'student discount', [0, 0, 0, 2], 'new'),
  // Only asked before the window's last week, once, and a share under the floor now: closed.
  gap('gap-gift-card', 'gift card', [1, 0, 1, 1], 'steady'),
];

const articles = [
  { slug: 'engraving', title: 'Engraving a wallet', body: 'We engrave up to three initials on any wallet.' },
  // Mentions "gift" but not "wrap": covers no gap.
  { slug: 'gift-ideas', title: 'Gift ideas', body: 'Our best sellers for birthdays.' },
];

describe('what became of the knowledge gaps in the report week', () => {
  const outcomes = gapOutcomes(gaps, articles, { nearZeroShare: 0.01, topOpen: 5 });

  it('closes gaps whose questions stopped or that an article now covers', () => {
    expect(outcomes.closed).toEqual([
      {
        id: 'gap-pause-subscription',
        label: 'about pause subscription',
        why: 'questions_stopped',
        article: null,
      },
      {
        id: 'gap-engrave-wallet',
        label: 'about engrave wallet',
        why: 'article_published',
        article: 'engraving',
      },
      { id: 'gap-gift-card', label: 'about gift card', why: 'questions_stopped', article: null },
    ]);
  });

  it('lists the open gaps largest first with this week’s share and trend', () => {
    expect(outcomes.open).toEqual([
      {
        id: 'gap-gift-wrap',
        label: 'about gift wrap',
        conversations: 18,
        questionsThisWeek: 6,
        shareThisWeek: 0.06,
        trend: 'rising',
      },
      {
        id: 'gap-student-discount',
        label: 'about student discount',
        conversations: 2,
        questionsThisWeek: 2,
        shareThisWeek: 0.02,
        trend: 'new',
      },
    ]);
  });

  it('keeps only the largest open gaps', () => {
    expect(gapOutcomes(gaps, [], { nearZeroShare: 0.01, topOpen: 1 }).open.map((g) => g.id)).toEqual([
      'gap-gift-wrap',
    ]);
  });
});
