import { describe, expect, it } from 'vitest';
import { computeMetrics } from './compute-metrics.ts';
import type { ConversationFacts } from './conversation-facts.ts';
import { deriveConversationFacts } from './derive-facts.ts';
import { conversation, hoursIn } from './event-log.fixture.ts';
import { knownEvents, knownReport, knownSettings } from './known-history.fixture.ts';
import { expectSameReport } from './report-matcher.fixture.ts';

const knownFacts = (): ConversationFacts[] => deriveConversationFacts(knownEvents());

describe('every §9 metric on a hand-built history', () => {
  it('comes out as worked out by hand', () => {
    expectSameReport(computeMetrics(knownFacts(), knownSettings), knownReport);
  });

  it('filters by category', () => {
    const report = computeMetrics(knownFacts(), knownSettings, { category: 'refund' });
    // c2 c3 c5: both AI-involved ones resolved by the AI, both recontacted and then escalated.
    expect(report).toMatchObject({
      conversations: 3,
      involvementRate: 2 / 3,
      aiResolutionRate: 1,
      recontactRateAfterAi: 1,
      missedEscalations: 1,
      escalationPrecision: 1,
    });
  });

  it('filters by team and channel', () => {
    const byTeam = computeMetrics(knownFacts(), knownSettings, { teamKey: 'billing' });
    expect(byTeam).toMatchObject({ conversations: 3, handleTime: { p50: 1800, p90: 3240 } });
    const byChannel = computeMetrics(knownFacts(), knownSettings, { channel: 'email' });
    expect(byChannel).toMatchObject({ conversations: 1, automationRate: 1, missedEscalations: 1 });
  });

  it('filters by the first customer message’s date, the start included and the end not', () => {
    const report = computeMetrics(knownFacts(), knownSettings, { from: hoursIn(3), to: hoursIn(190) });
    // c5 (3), c6 (4), c8 (5), c3 (30), c9 (168.02); c4 (2) is before, c7 starts at the end.
    expect(report.conversations).toBe(5);
  });

  it('answers null wherever there is nothing to count', () => {
    const report = computeMetrics([], { ...knownSettings, humanHourlyCost: null });
    expect(report).toEqual({
      conversations: 0,
      involvementRate: null,
      aiResolutionRate: null,
      aiResolutionRateByCategory: {},
      automationRate: null,
      handoffRate: null,
      recontactRateAfterAi: null,
      durableAiResolutionRate: null,
      timeSavedPerAiConversation: null,
      escalationPrecision: null,
      missedEscalations: null,
      knowledgeCoverage: null,
      combined24hResolutionRate: null,
      csat: { aiOnly: null, handedOver: null, humanOnly: null },
      firstContactResolution: null,
      timeToFirstResponse: { p50: null, p90: null },
      timeToResolution: { p50: null, p90: null },
      handleTime: { p50: null, p90: null },
      waitEstimateMae: null,
      costPerResolved: null,
    });
  });

  it('has no cost per resolution without an hourly cost for agents', () => {
    expect(
      computeMetrics(knownFacts(), { ...knownSettings, humanHourlyCost: null }).costPerResolved,
    ).toBeNull();
  });
});

describe('the 24-hour resolution rate', () => {
  const answeredAt = (hours: number) =>
    conversation(`c${hours}`, hours)
      .aiAnswers(hours, { category: 'shipping' })
      .resolved(hours + 24.5, 'ai_assumed');

  it('counts a conversation exactly 24 hours old and leaves out one a millisecond younger', () => {
    const asOf = hoursIn(48);
    const facts = deriveConversationFacts([
      ...answeredAt(24).events,
      ...answeredAt(24 + 1 / 3600_000).events,
    ]);
    const report = computeMetrics(facts, { ...knownSettings, asOf });
    expect(report.combined24hResolutionRate).toBe(1);
    const onlyOld = computeMetrics(facts.slice(0, 1), { ...knownSettings, asOf });
    const onlyYoung = computeMetrics(facts.slice(1), { ...knownSettings, asOf });
    expect([onlyOld.combined24hResolutionRate, onlyYoung.combined24hResolutionRate]).toEqual([1, null]);
  });

  it('counts a resolution exactly 24 hours after the first message, not one later', () => {
    const slow = conversation('slow', 0).handsOver(0).assigned(1).resolved(24, 'agent');
    const slower = conversation('slower', 0).handsOver(0).assigned(1).resolved(24.001, 'agent');
    const facts = deriveConversationFacts([...slow.events, ...slower.events]);
    expect(computeMetrics(facts, { ...knownSettings, asOf: hoursIn(100) }).combined24hResolutionRate).toBe(
      0.5,
    );
  });
});
