/**
 * A small workspace history with every §9 metric worked out by hand (the arithmetic is in the
 * comments). The pure metrics test and the SQL contract test both check against it.
 */
import { ConversationLog, conversation, DAY_HOURS, hoursIn, streamOf } from './event-log.fixture.ts';
import type { MetricSettings, MetricsReport } from './metrics-report.ts';

const WEEK_HOURS = 7 * DAY_HOURS;

/** Nine conversations; "now" is hour 200. */
export const knownHistory = (): ConversationLog[] => {
  // c1: answered, the customer went quiet, rated 5 — an AI-only resolution at its answer (36 s).
  const c1 = conversation('c1', 0, 'cus1')
    .aiAnswers(0.01, { category: 'shipping' })
    .resolved(25, 'ai_assumed')
    .rated(26, 5);
  // c2: answered and resolved by the AI; c3 is the same customer back on refunds 29 h later.
  const c2 = conversation('c2', 1, 'cus2').aiAnswers(1.02, { category: 'refund' }).resolved(26, 'ai_assumed');
  // c3: handed over at once (no AI answer), waited 6 min against 5 promised, handled 30 min.
  const c3 = conversation('c3', 30, 'cus2')
    .handsOver(30.05, { category: 'refund', team: 'billing', waitMinutes: 5 })
    .assigned(30.15, 'agent1', 'billing')
    .waitMeasured(30.15, 5, 6)
    .agentReplies(30.2)
    .verdict(30.3, 'needed')
    .resolved(30.65, 'agent')
    .rated(31, 2);
  // c4: one uncovered AI answer, then a handoff (14.4 min against 10), handled an hour; the verdict
  // was changed from needed to not needed; rated 4.
  const c4 = conversation('c4', 2, 'cus4')
    .aiAnswers(2.01, { category: 'billing', bestScore: 0.3 })
    .customerSays(2.5)
    .handsOver(2.51, { category: 'billing', team: 'billing', waitMinutes: 10 })
    .assigned(2.75, 'agent2', 'billing')
    .waitMeasured(2.75, 10, 14.4)
    .verdict(3, 'needed')
    .verdict(3.1, 'not_needed', 'needed')
    .resolved(3.75, 'agent', 'agent2')
    .rated(4, 4);
  // c5: resolved by the AI at 3.01, reopened exactly one week later (the window's last instant),
  // handed over and handled 30 min by a person; rated 3.
  const c5 = conversation('c5', 3, 'cus5').aiAnswers(3.01, { category: 'refund' }).resolved(28, 'ai_assumed');
  c5.reopens(3.01 + WEEK_HOURS)
    .handsOver(171.02, { category: 'refund', team: 'billing' })
    .assigned(171.1)
    .resolved(171.6, 'agent')
    .rated(172, 3);
  // c6: the customer left before any answer.
  const c6 = conversation('c6', 4, 'cus6').resolved(53, 'abandoned');
  // c7: 10 hours old at "now", still open: out of the 24-hour rate.
  const c7 = conversation('c7', 190, 'cus7').aiAnswers(190.01, { category: 'order_status' });
  // c8: resolved by the AI, came in by email, later labelled should_have_escalated.
  const c8 = new ConversationLog('c8', 'cus8')
    .started(5, 'email')
    .customerSays(5)
    .aiAnswers(5.01, { category: 'product_question' })
    .resolved(30, 'ai_assumed')
    .reviewed(40, 'should_have_escalated');
  // c9: c1's customer back on shipping 36 s after c1's window closed (hour 168.01): not a recontact.
  const c9 = conversation('c9', 0.01 + WEEK_HOURS + 0.01, 'cus1').aiAnswers(168.03, {
    category: 'shipping',
    bestScore: 0.1,
  });
  return [c1, c2, c3, c4, c5, c6, c7, c8, c9];
};

export const knownEvents = () => streamOf(...knownHistory());

export const knownSettings: MetricSettings = {
  asOf: hoursIn(200),
  humanHourlyCost: 30,
  aiCostPerTurn: 0.01,
  baselineHandleSeconds: { shipping: 600 },
};

/**
 * AI-involved: c1 c2 c4 c5 c7 c8 c9 (7 of 9). AI-resolved: c1 c2 c5 c8 (4). Recontacted: c2 (by c3)
 * and c5 (reopen at the boundary), both then handed over; c8 labelled should_have_escalated.
 * Resolved by anyone: c1 c2 c3 c4 c5 c8 (6).
 */
export const knownReport: MetricsReport = {
  conversations: 9,
  involvementRate: 7 / 9,
  aiResolutionRate: 4 / 7,
  // shipping: c1 of c1 c9; refund: c2 c5 of c2 c5 (c3 never had an AI answer); the rest one each.
  aiResolutionRateByCategory: { billing: 0, order_status: 0, product_question: 1, refund: 1, shipping: 0.5 },
  automationRate: 4 / 9,
  // c3 (at once), c4 (after an answer) and c5 (after its reopen) were handed over.
  handoffRate: 3 / 9,
  recontactRateAfterAi: 2 / 4,
  durableAiResolutionRate: 2 / 7,
  // Baselines: shipping configured 600 s; refund from c3 (human-only) 1800 s; billing, order_status
  // and product_question have none. c1 600, c2 1800, c5 1800 − 1800, c9 600 → 3000 / 4.
  timeSavedPerAiConversation: 750,
  // c3 needed, c4 not needed (its second verdict); c5's handoff has none.
  escalationPrecision: 1 / 2,
  missedEscalations: 3 / 4,
  // Ten AI turns; c4's answer (0.3) and c9's (0.1) found no article above the threshold.
  knowledgeCoverage: 8 / 10,
  // Eight conversations are 24 h old (not c7); c6 abandoned and c9 open: 6 of 8.
  combined24hResolutionRate: 6 / 8,
  // AI only: c1 (5); handed over: c4 (4), c5 (3); human only: c3 (2).
  csat: { aiOnly: 1, handedOver: 1 / 2, humanOnly: 0 },
  // c1 c3 c4 c8 of the six resolved had no recontact.
  firstContactResolution: 4 / 6,
  // 36 s six times, 72 s (c2), 180 s (c3): p90 at rank 6.3 → 72 + 0.3 × 108.
  timeToFirstResponse: { p50: 36, p90: 104.4 },
  // 36 36 36 72 2340 6300: p50 (36 + 72) / 2; p90 at rank 4.5 → (2340 + 6300) / 2.
  timeToResolution: { p50: 54, p90: 4320 },
  // 1800 1800 3600: p90 at rank 1.8 → 1800 + 0.8 × 1800.
  handleTime: { p50: 1800, p90: 3240 },
  // |5 − 6| and |10 − 14.4| minutes: (60 + 264) / 2 seconds.
  waitEstimateMae: 162,
  // 2 hours of agents at 30 + 10 turns at 0.01, over six resolved conversations.
  costPerResolved: 60.1 / 6,
};
