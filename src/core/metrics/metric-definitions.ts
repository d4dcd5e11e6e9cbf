/**
 * Each SPEC §9 metric defined once, over conversation facts. Rates are "rows that count ÷ rows
 * they are counted among" (`of`, then `counts` within them); the SQL version of every entry sits
 * beside its key in the metrics repository and a contract test holds the two equal.
 */
import type { ConversationFacts } from './conversation-facts.ts';

const DAY_MS = 24 * 3600_000;

export interface RateContext {
  /** "Now" for the report: conversations younger than 24 h are left out of the 24-hour rate. */
  readonly asOf: Date;
}

export interface RateDefinition {
  readonly of: (row: ConversationFacts, context: RateContext) => boolean;
  readonly counts: (row: ConversationFacts, context: RateContext) => boolean;
}

/** Who handled a rated conversation, for CSAT by handler. */
export type Handler = 'ai_only' | 'handed_over' | 'human_only';

export const handlerOf = (row: ConversationFacts): Handler => {
  if (!row.aiInvolved) return 'human_only';
  return row.handedOverAt !== null || row.humanInvolved ? 'handed_over' : 'ai_only';
};

export const resolvedByAi = (row: ConversationFacts): boolean => row.resolution === 'ai';

/** Resolved by the AI or a person; an abandonment is not a resolution anyone achieved. */
export const resolved = (row: ConversationFacts): boolean =>
  row.resolution === 'ai' || row.resolution === 'human';

const ageMs = (row: ConversationFacts, asOf: Date): number =>
  row.firstCustomerMessageAt === null ? -1 : asOf.getTime() - row.firstCustomerMessageAt.getTime();

/** Seconds from the customer's first message to `at`. */
export const secondsSinceFirstMessage = (row: ConversationFacts, at: Date | null): number | null =>
  at === null || row.firstCustomerMessageAt === null
    ? null
    : (at.getTime() - row.firstCustomerMessageAt.getTime()) / 1000;

const everyConversation = () => true;

const isGoodRating = (row: ConversationFacts) => row.csat !== null && row.csat >= 4;
const ratedBy = (handler: Handler) => (row: ConversationFacts) =>
  row.csat !== null && handlerOf(row) === handler;

export const rateDefinitions = {
  involvementRate: { of: everyConversation, counts: (row) => row.aiInvolved },
  aiResolutionRate: { of: (row) => row.aiInvolved, counts: resolvedByAi },
  handoffRate: { of: everyConversation, counts: (row) => row.handedOverAt !== null },
  automationRate: { of: everyConversation, counts: resolvedByAi },
  recontactRateAfterAi: { of: resolvedByAi, counts: (row) => row.recontacted },
  durableAiResolutionRate: {
    of: (row) => row.aiInvolved,
    counts: (row) => resolvedByAi(row) && !row.recontacted,
  },
  missedEscalations: {
    of: resolvedByAi,
    counts: (row) => row.reviewLabel === 'should_have_escalated' || row.recontactEscalated,
  },
  combined24hResolutionRate: {
    of: (row, { asOf }) => ageMs(row, asOf) >= DAY_MS,
    counts: (row) => {
      const seconds = secondsSinceFirstMessage(row, row.resolvedAt);
      return resolved(row) && seconds !== null && seconds <= DAY_MS / 1000;
    },
  },
  firstContactResolution: { of: resolved, counts: (row) => !row.recontacted },
  csatAiOnly: { of: ratedBy('ai_only'), counts: isGoodRating },
  csatHandedOver: { of: ratedBy('handed_over'), counts: isGoodRating },
  csatHumanOnly: { of: ratedBy('human_only'), counts: isGoodRating },
} satisfies Record<string, RateDefinition>;

export type RateMetric = keyof typeof rateDefinitions;

/**
 * The conversations behind the numbers that are not a rate of conversations (sums over handoffs
 * and questions, times, cost): `of` the conversations the number is computed over, `counts` the
 * ones adding to its numerator. A drill-down lists them; the number is not their ratio.
 */
/** A number over the same conversations it sums (a time, a cost): `of` and `counts` agree. */
const both = (condition: (row: ConversationFacts) => boolean): RateDefinition => ({
  of: condition,
  counts: condition,
});
const measuredSince = (at: (row: ConversationFacts) => Date | null) => (row: ConversationFacts) =>
  secondsSinceFirstMessage(row, at(row)) !== null;
const resolutionMeasured = measuredSince((row) => row.resolvedAt);

export const setDefinitions = {
  escalationPrecision: {
    of: (row) => row.handoffsJudged > 0,
    counts: (row) => row.handoffsJudgedNeeded > 0,
  },
  knowledgeCoverage: { of: (row) => row.aiQuestions > 0, counts: (row) => row.aiQuestionsCovered > 0 },
  timeToFirstResponse: both(measuredSince((row) => row.firstResponseAt)),
  timeToResolution: both((row) => resolved(row) && resolutionMeasured(row)),
  handleTime: both((row) => row.handleSeconds !== null),
  costPerResolved: both(resolved),
} satisfies Record<string, RateDefinition>;

export type SetMetric = keyof typeof setDefinitions;

/** A rate over `rows`; null when no row is counted among (nothing to count). */
export const rate = (
  definition: RateDefinition,
  rows: readonly ConversationFacts[],
  context: RateContext,
): number | null => {
  const among = rows.filter((row) => definition.of(row, context));
  if (among.length === 0) return null;
  return among.filter((row) => definition.counts(row, context)).length / among.length;
};

/** Σ numerator ÷ Σ denominator; null when the denominator sums to zero. */
export const ratioOfSums = (
  rows: readonly ConversationFacts[],
  numerator: (row: ConversationFacts) => number,
  denominator: (row: ConversationFacts) => number,
): number | null => {
  const bottom = rows.reduce((sum, row) => sum + denominator(row), 0);
  return bottom === 0 ? null : rows.reduce((sum, row) => sum + numerator(row), 0) / bottom;
};
