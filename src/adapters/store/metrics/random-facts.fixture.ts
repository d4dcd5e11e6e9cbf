/**
 * Many varied facts rows from a seeded generator (the same rows every run), so the SQL and the pure
 * metrics are compared on every combination of nulls, handlers and filters, not only a hand-built few.
 */
import type { ConversationFacts } from '../../../core/metrics/index.ts';

const DAY_MS = 24 * 3600_000;
const EPOCH = Date.UTC(2025, 2, 1);

/** A small linear congruential generator: deterministic, good enough to vary test rows. */
const generator = (seed: number) => {
  let state = seed >>> 0;
  const next = (): number => {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
  return {
    chance: (p: number) => next() < p,
    int: (below: number) => Math.floor(next() * below),
    pick: <T>(items: readonly T[]): T => {
      const item = items[Math.floor(next() * items.length)];
      if (item === undefined) throw new Error('pick from an empty list');
      return item;
    },
  };
};

const categories = ['billing', 'refund', 'shipping', 'order_status', 'legal'];
const teams = ['billing', 'orders', 'support'];

export const randomFacts = (
  count: number,
  seed = 13,
  window: { readonly from: number; readonly days: number } = { from: EPOCH, days: 10 },
): ConversationFacts[] => {
  const random = generator(seed);
  return Array.from({ length: count }, (_, index): ConversationFacts => {
    const startedAt = new Date(window.from + random.int(window.days * DAY_MS));
    const firstMessage = random.chance(0.95) ? new Date(startedAt.getTime() + random.int(60_000)) : null;
    const after = (maxMs: number) =>
      firstMessage === null ? null : new Date(firstMessage.getTime() + random.int(maxMs));
    const aiInvolved = random.chance(0.75);
    const handedOver = random.chance(aiInvolved ? 0.35 : 0.9);
    const resolution = random.pick(['ai', 'human', 'abandoned', null] as const);
    const effective = resolution === 'ai' && !aiInvolved ? 'human' : resolution;
    const resolvedAt = effective === null ? null : after(2 * DAY_MS);
    const handoffs = handedOver ? 1 + random.int(2) : 0;
    const judged = random.int(handoffs + 1);
    const aiQuestions = aiInvolved ? 1 + random.int(4) : random.int(2);
    const waitsMeasured = handedOver ? random.int(2) : 0;
    return {
      conversationId: `conversation${index}`,
      customerId: `customer${random.int(count / 4)}`,
      channel: random.pick(['widget', 'email']),
      category: random.chance(0.9) ? random.pick(categories) : null,
      teamKey: random.chance(0.8) ? random.pick(teams) : null,
      startedAt,
      firstCustomerMessageAt: firstMessage,
      firstResponseAt: random.chance(0.85) ? after(3_600_000) : null,
      aiInvolved,
      humanInvolved: handedOver || random.chance(0.1),
      handedOverAt: handedOver ? after(600_000) : null,
      handoffs,
      handoffsJudged: judged,
      handoffsJudgedNeeded: random.int(judged + 1),
      verdict: judged > 0 ? random.pick(['needed', 'not_needed'] as const) : null,
      resolution: effective,
      resolvedBy:
        effective === null
          ? null
          : effective === 'human'
            ? 'agent'
            : effective === 'ai'
              ? 'ai_assumed'
              : 'abandoned',
      resolvedByAgentId: effective === 'human' ? `agent${random.int(5)}` : null,
      resolvedAt,
      lastResolvedAt: resolvedAt,
      recontactOf: null,
      recontacted: effective !== null && random.chance(0.2),
      recontactEscalated: random.chance(0.1),
      reviewLabel: random.chance(0.1) ? random.pick(['correct', 'should_have_escalated'] as const) : null,
      csat: random.chance(0.4) ? 1 + random.int(5) : null,
      handleSeconds:
        effective === 'human' && random.chance(0.9) ? random.int(7200) + random.int(1000) / 1000 : null,
      aiQuestions,
      aiQuestionsCovered: random.int(aiQuestions + 1),
      aiTurns: aiQuestions + random.int(2),
      aiCost: random.chance(0.3) ? random.int(100) / 1000 : 0,
      waitsMeasured,
      waitErrorSeconds: waitsMeasured * random.int(900),
    };
  });
};
