import { describe, expect, it } from 'vitest';
import type { ConversationFacts } from './conversation-facts.ts';
import { drillFacts, metricsSeries, periodOf } from './metrics-series.ts';

const at = (iso: string) => new Date(iso);

const facts = (
  id: string,
  firstMessage: string,
  more: Partial<ConversationFacts> = {},
): ConversationFacts => ({
  conversationId: id,
  customerId: `customer-${id}`,
  channel: 'widget',
  category: 'billing',
  teamKey: 'billing',
  startedAt: at(firstMessage),
  firstCustomerMessageAt: at(firstMessage),
  firstResponseAt: null,
  aiInvolved: true,
  humanInvolved: false,
  handedOverAt: null,
  handoffs: 0,
  handoffsJudged: 0,
  handoffsJudgedNeeded: 0,
  verdict: null,
  resolution: null,
  resolvedBy: null,
  resolvedByAgentId: null,
  resolvedAt: null,
  lastResolvedAt: null,
  recontactOf: null,
  recontacted: false,
  recontactEscalated: false,
  reviewLabel: null,
  csat: null,
  handleSeconds: null,
  aiQuestions: 0,
  aiQuestionsCovered: 0,
  aiTurns: 0,
  aiCost: 0,
  waitsMeasured: 0,
  waitErrorSeconds: 0,
  ...more,
});

// Monday 2026-11-30 and Sunday 2026-11-29 sit in different ISO weeks.
const rows = [
  facts('a', '2026-11-29T23:59:59Z', { resolution: 'ai', resolvedAt: at('2026-11-30T00:10:00Z') }),
  facts('b', '2026-11-30T00:00:00Z', { handedOverAt: at('2026-11-30T00:01:00Z'), handoffs: 1 }),
  facts('c', '2026-11-30T09:00:00Z', {
    aiInvolved: false,
    resolution: 'human',
    resolvedAt: at('2026-11-30T10:00:00Z'),
    csat: 5,
  }),
  facts('d', '2026-12-01T12:00:00Z', { channel: 'email', resolution: 'ai', csat: 2 }),
  facts('no-message', '2026-11-30T12:00:00Z', { firstCustomerMessageAt: null }),
];
const context = { asOf: at('2026-12-05T00:00:00Z') };

describe('periodOf', () => {
  it('names the UTC day, or the Monday of the ISO week', () => {
    expect(periodOf(at('2026-11-29T23:59:59Z'), 'day')).toBe('2026-11-29');
    expect(periodOf(at('2026-11-29T23:59:59Z'), 'week')).toBe('2026-11-23');
    expect(periodOf(at('2026-11-30T00:00:00Z'), 'week')).toBe('2026-11-30');
    expect(periodOf(at('2026-12-06T23:00:00Z'), 'week')).toBe('2026-11-30');
  });
});

describe('metricsSeries', () => {
  it('counts each conversation once, in the day of its first customer message', () => {
    const series = metricsSeries(rows, context, {}, 'day');
    expect(series.map((point) => [point.period, point.conversations])).toEqual([
      ['2026-11-29', 1],
      ['2026-11-30', 2],
      ['2026-12-01', 1],
    ]);
    const monday = series[1];
    expect(monday?.rates.handoffRate).toEqual({ of: 2, counts: 1 });
    expect(monday?.rates.aiResolutionRate).toEqual({ of: 1, counts: 0 });
    expect(monday?.rates.csatHumanOnly).toEqual({ of: 1, counts: 1 });
  });

  it('splits weeks on Monday and follows the filters', () => {
    const weeks = metricsSeries(rows, context, {}, 'week');
    expect(weeks.map((point) => [point.period, point.conversations])).toEqual([
      ['2026-11-23', 1],
      ['2026-11-30', 3],
    ]);
    expect(weeks[1]?.rates.aiResolutionRate).toEqual({ of: 2, counts: 1 });
    const email = metricsSeries(rows, context, { channel: 'email' }, 'week');
    expect(email).toHaveLength(1);
    expect(email[0]?.rates.csatAiOnly).toEqual({ of: 1, counts: 0 });
  });
});

describe('drillFacts', () => {
  it('opens exactly the conversations a count is made of, newest first', () => {
    const ids = (metric: Parameters<typeof drillFacts>[3], part: 'of' | 'counts') =>
      drillFacts(rows, context, {}, metric, part).map((row) => row.conversationId);
    expect(ids('conversations', 'counts')).toEqual(['d', 'c', 'b', 'a']);
    expect(ids('handoffRate', 'counts')).toEqual(['b']);
    expect(ids('aiResolutionRate', 'of')).toEqual(['d', 'b', 'a']);
    expect(ids('aiResolutionRate', 'counts')).toEqual(['d', 'a']);
    const monday = { from: at('2026-11-30T00:00:00Z'), to: at('2026-12-01T00:00:00Z') };
    expect(
      drillFacts(rows, context, monday, 'automationRate', 'of').map((row) => row.conversationId),
    ).toEqual(['c', 'b']);
  });
});
