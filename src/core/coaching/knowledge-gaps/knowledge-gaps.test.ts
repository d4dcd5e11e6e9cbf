import { describe, expect, it } from 'vitest';
import { parseArticleMarkdown } from '../../knowledge/article-markdown.ts';
import { draftArticle, findKnowledgeGaps, type GapQuestion, isGapCandidate } from './index.ts';

const weeks = ['2026-W46', '2026-W47', '2026-W48'];
const mondays: Record<string, string> = {
  '2026-W46': '2026-11-09',
  '2026-W47': '2026-11-16',
  '2026-W48': '2026-11-23',
};
let serial = 0;
const isoWeek = (question: GapQuestion) =>
  Object.entries(mondays).find(([, monday]) => question.at.toISOString().startsWith(monday))?.[0];
const ask = (text: string, week: string, overrides: Partial<GapQuestion> = {}): GapQuestion => {
  serial += 1;
  return {
    conversationId: `c${serial}`,
    text,
    at: new Date(`${mondays[week]}T10:00:00Z`),
    category: 'product_question',
    topArticleScore: 0.2,
    missingArticleLabel: false,
    closingRemark: false,
    ...overrides,
  };
};

// Questions written for this test: four topics Acme's help centre does not cover, three loners,
// and well-answered order questions that only count towards each week's total.
const questions: GapQuestion[] = [
  ask('Do you sell gift cards?', '2026-W46'),
  ask('Can I buy a gift card for my sister?', '2026-W47'),
  ask('how do gift cards work', '2026-W48'),
  ask('is there a gift card I can email to someone', '2026-W48'),
  ask('Can I pay with a gift card at checkout?', '2026-W48', {
    topArticleScore: 0.6,
    missingArticleLabel: true,
  }),
  ask('Do you price match other shops?', '2026-W46'),
  ask('Will you match a cheaper price I found elsewhere?', '2026-W46'),
  ask('what is your price match policy', '2026-W46'),
  ask('Another shop has this cheaper, can you match the price?', '2026-W46'),
  ask('Is there a student discount?', '2026-W47'),
  ask('Do students get a discount?', '2026-W47'),
  ask('discount for students', '2026-W48'),
  ask('Can you gift wrap my order?', '2026-W47'),
  ask('do you offer gift wrapping', '2026-W47'),
  ask('Is gift wrapping available?', '2026-W48'),
  ask('Do you have a shop in Leeds?', '2026-W48'),
  ask('hello', '2026-W48'),
  ask('What is the history of your company?', '2026-W47'),
  ...weeks.flatMap((week) =>
    Array.from({ length: 4 }, () =>
      ask('Where is my order?', week, { category: 'order_status', topArticleScore: 0.9 }),
    ),
  ),
];

describe('knowledge gaps', () => {
  const gaps = findKnowledgeGaps(questions, weeks);

  it('clusters weakly answered and missing-article questions into one gap per topic', () => {
    expect(gaps.map((gap) => [gap.conversations, gap.examples.slice().sort()])).toEqual([
      [
        5,
        [
          'Can I buy a gift card for my sister?',
          'Can I pay with a gift card at checkout?',
          'Do you sell gift cards?',
          'how do gift cards work',
          'is there a gift card I can email to someone',
        ],
      ],
      [
        4,
        [
          'Another shop has this cheaper, can you match the price?',
          'Do you price match other shops?',
          'Will you match a cheaper price I found elsewhere?',
          'what is your price match policy',
        ],
      ],
      // Equal sizes: in id order.
      [3, ['Can you gift wrap my order?', 'Is gift wrapping available?', 'do you offer gift wrapping']],
      [3, ['Do students get a discount?', 'Is there a student discount?', 'discount for students']],
    ]);
    expect(gaps[0]?.fromLabels).toBe(1);
    expect(gaps[0]?.terms).toContain('giftcard');
    expect(gaps[0]?.examples).toContain(gaps[0]?.label);
  });

  it('gives each gap its share of the week’s questions and a trend', () => {
    const giftCards = gaps[0];
    expect(giftCards?.weekly).toEqual([
      { week: '2026-W46', questions: 1, share: 1 / 9 },
      { week: '2026-W47', questions: 1, share: 1 / 10 },
      { week: '2026-W48', questions: 3, share: 3 / 11 },
    ]);
    expect(giftCards?.trend).toBe('rising');
    expect(gaps[1]?.trend).toBe('closed');
    // Two asked in W47, one in W48: within half again of the weeks before.
    expect(gaps[2]?.trend).toBe('steady');
  });

  it('judges a week still under way together with the week before it, not as a week of its own', () => {
    // W48 has only begun, with nothing asked yet: price matching, asked in W46 and never since, is
    // closed however the week is read; gift wrapping, first asked in W47, is new, not closed.
    const earlier = questions.filter((question) => isoWeek(question) !== '2026-W48');
    const underWay = findKnowledgeGaps(earlier, weeks, undefined, { lastWeekUnderWay: true });
    const ended = findKnowledgeGaps(earlier, weeks);
    const trend = (gaps: readonly { label: string; trend: string }[], about: RegExp) =>
      gaps.find((gap) => about.test(gap.label))?.trend;
    expect(trend(ended, /price/i)).toBe('closed');
    expect(trend(underWay, /price/i)).toBe('closed');
    expect(trend(ended, /gift wrap/i)).toBe('closed');
    expect(trend(underWay, /gift wrap/i)).toBe('new');
  });

  it('leaves out thanks and goodbyes the closing reply answered: no gap, no share of the week', () => {
    const thanks = weeks.flatMap((week) =>
      ['Thanks, that sorted it!', 'thank you so much', 'Cheers, bye'].map((text) =>
        ask(text, week, { category: 'other', topArticleScore: 0.1, closingRemark: true }),
      ),
    );
    expect(findKnowledgeGaps([...questions, ...thanks], weeks)).toEqual(gaps);
  });

  it('takes a well-matched question only when a reviewer said an article is missing', () => {
    expect(isGapCandidate(ask('x', '2026-W46', { topArticleScore: 0.9 }))).toBe(false);
    expect(isGapCandidate(ask('x', '2026-W46', { topArticleScore: 0.9, missingArticleLabel: true }))).toBe(
      true,
    );
    expect(isGapCandidate(ask('x', '2026-W46', { topArticleScore: null }))).toBe(true);
  });
});

describe('draft article from agents’ replies', () => {
  const replies = [
    'Hi Sam, thanks for asking! Yes, we sell gift cards from £10 to £200 on the Gift cards page. They never expire. Kind regards, Lee',
    'Hello! Our gift cards come in values from £10 to £200 and never expire. You can send one by email to anyone. Order 12345678 is unrelated.',
    'Gift cards can be bought on the Gift cards page and they never expire. Write to help@acme.example if the code does not work.',
  ];
  const draft = draftArticle({
    gapTerms: ['giftcard', 'sell'],
    category: 'product_question',
    examples: ['Do you sell gift cards?'],
    agentReplies: replies,
  });

  it('puts what most agents said first and drops greetings, sign-offs and personal details', () => {
    expect(draft.title).toBe('Do you sell gift cards?');
    expect(draft.body).toMatch(/never expire/);
    expect(draft.body).not.toMatch(/Hi Sam|Kind regards|Hello!/);
    expect(draft.body).not.toMatch(/12345678|help@acme\.example/);
    expect(draft.body.split('\n').filter((line) => /never expire/.test(line)).length).toBeLessThanOrEqual(2);
    expect(draft.replies).toBe(3);
  });

  it('is a Markdown article the importer accepts', () => {
    const parsed = parseArticleMarkdown('gift-cards.md', draft.markdown);
    expect(parsed.kind).toBe('article');
    if (parsed.kind === 'article') {
      expect(parsed.article).toMatchObject({
        title: 'Do you sell gift cards?',
        category: 'product_question',
        tags: ['giftcard', 'sell'],
      });
    }
  });
});
