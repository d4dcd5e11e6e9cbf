import { describe, expect, it } from 'vitest';
import type { ConversationFacts } from './conversation-facts.ts';
import { defaultFactSettings, deriveConversationFacts } from './derive-facts.ts';
import { ConversationLog, conversation, DAY_HOURS, HOUR_MS, hoursIn, streamOf } from './event-log.fixture.ts';

const WEEK_HOURS = 7 * DAY_HOURS;

const factsOf = (...logs: ConversationLog[]): Map<string, ConversationFacts> =>
  new Map(deriveConversationFacts(streamOf(...logs)).map((row) => [row.conversationId, row]));

const only = (log: ConversationLog): ConversationFacts => {
  const row = factsOf(log).get(log.id);
  if (!row) throw new Error(`no facts for ${log.id}`);
  return row;
};

describe('facts of one conversation', () => {
  it('credits a quiet customer’s conversation to the AI at its last answer, not when the sweep noticed', () => {
    const row = only(
      conversation('c1', 0).aiAnswers(0.01, { category: 'shipping' }).resolved(24.5, 'ai_assumed'),
    );
    expect(row).toMatchObject({
      customerId: 'cus_c1',
      channel: 'widget',
      category: 'shipping',
      firstCustomerMessageAt: hoursIn(0),
      firstResponseAt: hoursIn(0.01),
      aiInvolved: true,
      humanInvolved: false,
      handedOverAt: null,
      resolution: 'ai',
      resolvedBy: 'ai_assumed',
      resolvedAt: hoursIn(0.01),
      recontacted: false,
      handleSeconds: null,
      aiTurns: 1,
    });
  });

  it('records a handoff, the pick-up to resolution handle time, the agent, the team and the wait error', () => {
    const row = only(
      conversation('c1', 0)
        .handsOver(0.01, { category: 'billing', team: 'billing', waitMinutes: 5 })
        .assigned(0.2, 'agent7', 'billing')
        .waitMeasured(0.2, 5, 11.99)
        .agentReplies(0.3, 'agent7')
        .resolved(1.2, 'agent', 'agent7'),
    );
    expect(row).toMatchObject({
      category: 'billing',
      teamKey: 'billing',
      firstResponseAt: hoursIn(0.01),
      aiInvolved: false,
      humanInvolved: true,
      handedOverAt: hoursIn(0.01),
      handoffs: 1,
      resolution: 'human',
      resolvedBy: 'agent',
      resolvedByAgentId: 'agent7',
      resolvedAt: hoursIn(1.2),
      waitsMeasured: 1,
    });
    expect(row.handleSeconds).toBeCloseTo(3600, 6);
    expect(row.waitErrorSeconds).toBeCloseTo(6.99 * 60, 6);
  });

  it('keeps the first resolution through a reopen, and marks it not durable when the reopen came within the window', () => {
    const row = only(
      conversation('c1', 0)
        .aiAnswers(0, { category: 'refund' })
        .resolved(25, 'ai_assumed')
        .reopens(48)
        .handsOver(48, { team: 'billing' })
        .assigned(49)
        .resolved(50, 'agent'),
    );
    expect(row).toMatchObject({
      resolution: 'ai',
      resolvedBy: 'ai_assumed',
      resolvedAt: hoursIn(0),
      lastResolvedAt: hoursIn(50),
      recontacted: true,
      recontactEscalated: true,
      recontactOf: null,
      handleSeconds: 3600,
    });
  });

  it('counts a reopen exactly at the end of the window as a recontact, and one a millisecond later as not', () => {
    const atBoundary = conversation('c1', 0).aiAnswers(0, { category: 'refund' }).resolved(24, 'ai_assumed');
    atBoundary.reopens(WEEK_HOURS);
    expect(only(atBoundary).recontacted).toBe(true);

    const justAfter = conversation('c2', 0).aiAnswers(0, { category: 'refund' }).resolved(24, 'ai_assumed');
    justAfter.reopens(WEEK_HOURS + 1 / HOUR_MS);
    expect(only(justAfter)).toMatchObject({ recontacted: false, recontactEscalated: false });
  });

  it('records an abandonment, which involved neither the AI nor a person', () => {
    expect(only(conversation('c1', 0).resolved(49, 'abandoned'))).toMatchObject({
      resolution: 'abandoned',
      resolvedBy: 'abandoned',
      resolvedAt: hoursIn(0),
      firstResponseAt: null,
      aiInvolved: false,
      humanInvolved: false,
    });
  });

  it('counts one verdict per handoff, the latest on each, and keeps the first handoff’s as the verdict', () => {
    const row = only(
      conversation('c1', 0)
        .handsOver(0)
        .verdict(1, 'needed')
        .verdict(2, 'not_needed', 'needed')
        .resolved(3, 'agent')
        .reopens(4)
        .handsOver(4)
        .verdict(5, 'needed'),
    );
    expect(row).toMatchObject({
      handoffs: 2,
      handoffsJudged: 2,
      handoffsJudgedNeeded: 1,
      verdict: 'not_needed',
    });
  });

  it('counts questions the AI retrieved knowledge for, covered when an article reaches the relevance threshold', () => {
    const threshold = defaultFactSettings.relevanceThreshold;
    const row = only(
      conversation('c1', 0)
        .aiAnswers(0, { bestScore: threshold })
        .customerSays(1)
        .aiAnswers(1, { bestScore: threshold - 0.01 })
        .customerSays(2)
        .handsOver(2, { bestScore: 0.95, cost: 0.02 }),
    );
    expect(row).toMatchObject({ aiQuestions: 3, aiQuestionsCovered: 2, aiTurns: 3, aiCost: 0.02 });
  });

  it('leaves a thanks the closing reply answered out of knowledge coverage: it is an AI turn, not a question', () => {
    const row = only(
      conversation('c1', 0)
        .aiAnswers(0)
        .customerSays(1)
        .aiAnswers(1, { bestScore: 0.1, closingRemark: true }),
    );
    expect(row).toMatchObject({ aiQuestions: 1, aiQuestionsCovered: 1, aiTurns: 2 });
  });

  it('takes an agent’s later category confirmation, the latest rating and the latest review label', () => {
    const row = only(
      conversation('c1', 0)
        .aiAnswers(0, { category: 'billing' })
        .resolved(25, 'ai_assumed')
        .confirmsCategory(26, 'refund')
        .rated(27, 2)
        .rated(28, 5)
        .reviewed(30, 'should_have_escalated'),
    );
    expect(row).toMatchObject({ category: 'refund', csat: 5, reviewLabel: 'should_have_escalated' });
  });

  it('reads resolutions written before the schema (no `by`) exactly like current ones', () => {
    const log = conversation('c1', 0).aiAnswers(0, { category: 'shipping' }).resolved(25, 'ai_assumed');
    const legacy = log.events.map((e) =>
      e.type === 'resolved' ? { ...e, data: { resolution: 'ai', assumed: true } } : e,
    );
    expect(deriveConversationFacts(legacy)).toEqual(deriveConversationFacts(log.events));
  });

  it('knows a conversation whose customer never wrote, and skips logs that never started', () => {
    const silent = new ConversationLog('c1', 'cus1').started(0);
    expect(only(silent)).toMatchObject({ firstCustomerMessageAt: null, startedAt: hoursIn(0) });
    const headless = conversation('c2', 0);
    expect(deriveConversationFacts(headless.events.slice(1))).toEqual([]);
  });
});

describe('recontacts across conversations', () => {
  const resolvedByAi = (id: string, hours: number, customerId: string, category = 'refund') =>
    new ConversationLog(id, customerId)
      .started(hours)
      .customerSays(hours)
      .aiAnswers(hours, { category })
      .resolved(hours + 25, 'ai_assumed');

  it('links a same-category conversation within the window to the earlier one and marks that not durable', () => {
    const first = resolvedByAi('first', 0, 'cus1');
    const second = new ConversationLog('second', 'cus1')
      .started(30)
      .customerSays(30)
      .handsOver(30, { category: 'refund' });
    const facts = factsOf(first, second);
    expect(facts.get('second')?.recontactOf).toBe('first');
    expect(facts.get('first')).toMatchObject({
      recontacted: true,
      recontactEscalated: true,
      recontactOf: null,
    });
  });

  it('counts a new conversation exactly at the end of the window, not one a millisecond later', () => {
    const first = resolvedByAi('first', 0, 'cus1');
    const atBoundary = resolvedByAi('boundary', WEEK_HOURS, 'cus1');
    expect(factsOf(first, atBoundary).get('boundary')?.recontactOf).toBe('first');

    const other = resolvedByAi('other', 0, 'cus2');
    const late = resolvedByAi('late', WEEK_HOURS + 1 / HOUR_MS, 'cus2');
    const facts = factsOf(other, late);
    expect(facts.get('late')?.recontactOf).toBeNull();
    expect(facts.get('other')?.recontacted).toBe(false);
  });

  it('does not link another category, another customer, or a conversation that began before the resolution', () => {
    const first = resolvedByAi('first', 0, 'cus1');
    const otherCategory = resolvedByAi('shipping', 30, 'cus1', 'shipping');
    const otherCustomer = resolvedByAi('neighbour', 30, 'cus9');
    const overlapping = new ConversationLog('overlap', 'cus1')
      .started(-1)
      .customerSays(-1)
      .handsOver(-1, { category: 'refund' });
    const facts = factsOf(first, otherCategory, otherCustomer, overlapping);
    expect([...facts.values()].map((row) => row.recontactOf)).toEqual([null, null, null, null]);
    expect(facts.get('first')?.recontacted).toBe(false);
  });

  it('links to the most recent resolution when several came before', () => {
    const older = resolvedByAi('older', 0, 'cus1');
    const newer = resolvedByAi('newer', 30, 'cus1');
    const third = resolvedByAi('third', 60, 'cus1');
    const facts = factsOf(older, newer, third);
    expect(facts.get('newer')?.recontactOf).toBe('older');
    expect(facts.get('third')?.recontactOf).toBe('newer');
    expect(facts.get('third')?.recontacted).toBe(false);
  });
});
