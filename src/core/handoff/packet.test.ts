import { describe, expect, it } from 'vitest';
import { buildHandoffInput } from './build-handoff-input.ts';
import { buildHandoffPacket } from './packet.ts';
import { sentimentDirection, sentimentWords } from './sentiment-words.ts';

describe('buildHandoffPacket', () => {
  it('stamps each packet with its own moment', () => {
    const moments = ['2025-03-05T10:00:00Z', '2025-03-05T10:00:00Z', '2025-03-06T08:30:00Z'];
    const stamps = moments.map(
      (moment) => buildHandoffPacket(buildHandoffInput({ now: new Date(moment) })).composedAt,
    );
    expect(stamps).toEqual([
      '2025-03-05T10:00:00.000Z',
      '2025-03-05T10:00:00.000Z',
      '2025-03-06T08:30:00.000Z',
    ]);
  });

  it('carries everything the agent needs and survives a JSON round trip', () => {
    const packet = buildHandoffPacket(
      buildHandoffInput({
        recentConversations: [
          {
            id: 'c0',
            category: 'billing',
            state: 'resolved',
            resolvedAt: '2025-03-02T09:00:00Z',
            isRecontact: false,
          },
          {
            id: 'c9',
            category: 'billing',
            state: 'resolved',
            resolvedAt: '2025-03-04T09:00:00Z',
            isRecontact: true,
          },
        ],
      }),
    );
    expect(JSON.parse(JSON.stringify(packet))).toEqual(packet);
    expect(packet.question).toBe('Why is my charge this month $59 when last month it was $49?');
    expect(packet.category).toEqual({ key: 'billing', confidence: 0.88 });
    expect(packet.reasons[0]).toMatchObject({ code: 'high_risk_category', label: 'High-risk category' });
    expect(packet.lookups).toHaveLength(2);
    expect(packet.articlesTried[0]?.score).toBe(0.41);
    expect(packet.draft).toBe('Your plan renewed at the new Pro price.');
    expect(packet.recontactCount).toBe(1);
    expect(packet.customer?.plan).toBe('Pro');
    expect(packet.wait.kind).toBe('estimate');
    expect(packet.composedAt).toBe('2025-03-05T10:00:00.000Z');
  });

  it('writes a one-line summary naming the customer, plan, category, reasons and lookups', () => {
    const { summary } = buildHandoffPacket(buildHandoffInput());
    expect(summary).toContain('Ana (Pro plan) asks about billing (88% sure)');
    expect(summary).toContain('high-risk category');
    expect(summary).toContain('payments ok');
    expect(summary).toContain('sentiment falling');
    const opening = buildHandoffPacket(buildHandoffInput({ sentimentTrend: [0] }));
    expect(opening.summary).toContain('sentiment neutral');
    expect(opening.sentiment.direction).toBe('unknown');
  });

  it('orders the articles tried by score, best first', () => {
    const packet = buildHandoffPacket(
      buildHandoffInput({
        triedArticles: [
          { articleId: 'a', slug: 'a', title: 'A', score: 0.2 },
          { articleId: 'b', slug: 'b', title: 'B', score: 0.7 },
        ],
      }),
    );
    expect(packet.articlesTried.map((article) => article.title)).toEqual(['B', 'A']);
  });

  it('keeps only the few articles that matter: the best three that scored, none far below the best', () => {
    const packet = buildHandoffPacket(
      buildHandoffInput({
        triedArticles: [0.9, 0.6, 0.5, 0.4, 0.1, 0].map((score, index) => ({
          articleId: `a${index}`,
          slug: `a${index}`,
          title: `A${index}`,
          score,
        })),
      }),
    );
    expect(packet.articlesTried.map((article) => article.score)).toEqual([0.9, 0.6, 0.5]);
  });

  it('calls sentiment falling, rising, steady or unknown from the first and last scores', () => {
    expect(sentimentDirection([0.3, 0, -0.4])).toBe('falling');
    expect(sentimentDirection([-0.5, 0.1])).toBe('rising');
    expect(sentimentDirection([0.1, 0.2])).toBe('steady');
    expect(sentimentDirection([0.5])).toBe('unknown');
    // A fifth of the scale is the line, either way.
    expect(sentimentDirection([0, 0.2])).toBe('rising');
    expect(sentimentDirection([0, -0.2])).toBe('falling');
    expect(sentimentDirection([0, 0.19])).toBe('steady');
  });

  it('says a single message’s tone where there is no direction yet', () => {
    expect(sentimentWords([0])).toBe('neutral');
    expect(sentimentWords([-0.6])).toBe('negative');
    expect(sentimentWords([0.5])).toBe('positive');
    expect(sentimentWords([-0.2])).toBe('negative');
    expect(sentimentWords([0.2])).toBe('positive');
    expect(sentimentWords([-0.19])).toBe('neutral');
    expect(sentimentWords([0.3, 0, -0.4])).toBe('falling');
    expect(sentimentWords([])).toBe('unknown');
  });
});
