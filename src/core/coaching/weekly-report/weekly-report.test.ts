import { describe, expect, it } from 'vitest';
import {
  buildWeeklyReport,
  type ReviewedConversation,
  renderReportHtml,
  renderReportJson,
  renderReportMarkdown,
  reportWeeks,
  type WeeklyReportInput,
} from './index.ts';

const reviewed = (
  id: string,
  category: string,
  label: ReviewedConversation['label'],
  rootCause: ReviewedConversation['rootCause'] = null,
  weight = 10,
  source: ReviewedConversation['source'] = 'sample',
): ReviewedConversation => ({ conversationId: id, category, label, rootCause, weight, source });

const input: WeeklyReportInput = {
  week: '2026-W48',
  workspaceName: 'Acme <Support>',
  queue: { flagged: 1, sampled: 5, population: 40 },
  reviewed: [
    reviewed('f1', 'refund', 'incorrect', 'contradictory_articles', 1, 'flag'),
    reviewed('s1', 'refund', 'incorrect', 'missing_article', 2.5),
    reviewed('s2', 'refund', 'correct', null, 2.5),
    reviewed('s3', 'shipping', 'should_have_escalated', 'policy_too_loose', 10),
    reviewed('s4', 'shipping', 'correct', null, 10),
    reviewed('s5', 'shipping', 'correct', null, 15),
  ],
  fixes: {
    articlesPublished: [{ slug: 'gift-cards', title: 'Do you sell gift cards?' }],
    policyVersions: [{ version: '7', note: 'refund threshold 0.55 → 0.7' }],
    gapsClosed: [
      {
        id: 'gap-giftcard',
        label: 'Do you sell gift cards?',
        why: 'article_published',
        article: 'gift-cards',
      },
    ],
  },
  openGaps: [
    {
      id: 'gap-engrave-wallet',
      label: 'Can you engrave my wallet?',
      conversations: 9,
      questionsThisWeek: 4,
      shareThisWeek: 0.02,
      trend: 'rising',
    },
  ],
  numbers: [
    {
      key: 'automationRate',
      label: 'Automation rate',
      thisWeek: 0.52,
      lastWeek: 0.5,
      unit: 'rate',
      better: 'up',
    },
    {
      key: 'recontactRateAfterAi',
      label: 'Recontact rate after AI',
      thisWeek: 0.08,
      lastWeek: 0.06,
      unit: 'rate',
      better: 'down',
    },
    { key: 'handoffs', label: 'Handoffs', thisWeek: 120, lastWeek: null, unit: 'count', better: 'down' },
  ],
};

describe('weekly review report', () => {
  const report = buildWeeklyReport(input);

  it('counts what was wrong by category, label and root cause, and re-weights the sample to the week', () => {
    expect(report).toMatchObject({ week: '2026-W48', from: '2026-11-23', to: '2026-11-29' });
    expect(report.sampled).toEqual({ flagged: 1, sampled: 5, population: 40, reviewed: 6 });
    expect(report.wrong.count).toBe(3);
    expect(report.wrong.shareOfReviewed).toBe(0.5);
    // Sampled only: wrong weight 2.5 + 10 of 40.
    expect(report.wrong.estimatedShareOfWeek).toBeCloseTo(12.5 / 40, 12);
    expect(report.wrong.byCategory).toEqual([
      { category: 'refund', reviewed: 3, wrong: 2 },
      { category: 'shipping', reviewed: 3, wrong: 1 },
    ]);
    expect(report.wrong.byLabel).toEqual([
      { label: 'incorrect', count: 2 },
      { label: 'should_have_escalated', count: 1 },
    ]);
    expect(report.wrong.byRootCause.map((line) => line.rootCause)).toEqual([
      'contradictory_articles',
      'missing_article',
      'policy_too_loose',
    ]);
  });

  it('says which way each number moved and whether that is better', () => {
    expect(report.numbers.map((line) => [line.key, line.verdict])).toEqual([
      ['automationRate', 'better'],
      ['recontactRateAfterAi', 'worse'],
      ['handoffs', null],
    ]);
  });

  it('renders Markdown with every section', () => {
    const markdown = renderReportMarkdown(report);
    expect(markdown).toContain('# Weekly review 2026-W48 — Acme <Support>');
    expect(markdown).toContain(
      '6 conversations reviewed: 1 flagged by agents and 5 sampled from 40 AI-handled conversations.',
    );
    expect(markdown).toContain('about 31.3% of the week');
    expect(markdown).toContain('| refund | 3 | 2 |');
    expect(markdown).toContain('- Policy version 7: refund threshold 0.55 → 0.7');
    expect(markdown).toContain('| Automation rate | 52.0% | 50.0% | +2.0 pts (better) |');
    expect(markdown).toContain('| Recontact rate after AI | 8.0% | 6.0% | +2.0 pts (worse) |');
    expect(markdown).toContain('| Handoffs | 120 | — | — |');
    expect(markdown).toContain(
      '- Knowledge gap closed: Do you sell gift cards? (article gift-cards published)',
    );
    expect(markdown).toContain('## Top open knowledge gaps');
    expect(markdown).toContain('| Can you engrave my wallet? | 9 | 4 (2.0% of questions) | rising |');
  });

  it('shows a change as the difference of the two values it shows, with no verdict when that is nothing', () => {
    const close = buildWeeklyReport({
      ...input,
      numbers: [
        {
          key: 'aiResolutionRate',
          label: 'AI resolution',
          thisWeek: 0.8515,
          lastWeek: 0.8524,
          unit: 'rate',
          better: 'up',
        },
        {
          key: 'handoffRate',
          label: 'Handed to a person',
          thisWeek: 0.2196,
          lastWeek: 0.2244,
          unit: 'rate',
          better: 'down',
        },
      ],
    });
    const markdown = renderReportMarkdown(close);
    expect(markdown).toContain('| AI resolution | 85.2% | 85.2% | ±0.0 pts |');
    expect(markdown).toContain('| Handed to a person | 22.0% | 22.4% | −0.4 pts (better) |');
    // The JSON keeps the exact change and its verdict.
    expect(close.numbers[0]?.verdict).toBe('worse');
  });

  it('renders a standalone HTML page with every text escaped', () => {
    const html = renderReportHtml(report);
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain('<title>Weekly review 2026-W48 — Acme &lt;Support&gt;</title>');
    expect(html).not.toContain('Acme <Support>');
    expect(html).toContain('<td>missing_article</td>');
    expect(html).toContain('<td>Can you engrave my wallet?</td><td>9</td>');
  });

  it('renders JSON that reads back to the same report', () => {
    expect(JSON.parse(renderReportJson(report))).toEqual(JSON.parse(JSON.stringify(report)));
  });

  it('says so plainly when nothing was reviewed or fixed', () => {
    const empty = buildWeeklyReport({
      ...input,
      reviewed: [],
      fixes: { articlesPublished: [], policyVersions: [], gapsClosed: [] },
      openGaps: [],
      numbers: [],
    });
    expect(empty.wrong.estimatedShareOfWeek).toBeNull();
    const markdown = renderReportMarkdown(empty);
    expect(markdown).toContain('Nothing reviewed was wrong.');
    expect(markdown).toContain('Nothing was fixed this week.');
    expect(markdown).toContain('No numbers for this week yet.');
    expect(markdown).toContain('No open knowledge gaps.');
  });
});

describe('report cadence', () => {
  it('covers one week weekly, and the chosen week with the one before fortnightly, across a year end', () => {
    expect(reportWeeks('2026-W48', 'weekly')).toEqual(['2026-W48']);
    expect(reportWeeks('2026-W48', 'fortnightly')).toEqual(['2026-W47', '2026-W48']);
    // 2026 has 53 ISO weeks.
    expect(reportWeeks('2027-W01', 'fortnightly')).toEqual(['2026-W53', '2027-W01']);
  });

  it('titles and dates a two-week report by both weeks', () => {
    const twoWeeks = buildWeeklyReport({ ...input, weeks: ['2026-W47', '2026-W48'] });
    expect([twoWeeks.from, twoWeeks.to]).toEqual(['2026-11-16', '2026-11-29']);
    expect(renderReportMarkdown(twoWeeks)).toMatch(
      /^# Fortnightly review: Weeks 2026-W47–W48 — Acme <Support>\n/,
    );
    const yearEnd = buildWeeklyReport({ ...input, week: '2027-W01', weeks: ['2026-W53', '2027-W01'] });
    expect(renderReportMarkdown(yearEnd)).toContain('Weeks 2026-W53–2027-W01');
    expect(renderReportMarkdown(buildWeeklyReport(input))).toMatch(/^# Weekly review 2026-W48 — /);
  });
});
