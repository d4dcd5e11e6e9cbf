/** Every SPEC §9 metric over a set of conversation facts (pure: the same rows, the same report). */
import type { ConversationFacts } from './conversation-facts.ts';
import {
  type RateContext,
  rate,
  rateDefinitions,
  ratioOfSums,
  resolved,
  secondsSinceFirstMessage,
} from './metric-definitions.ts';
import { filterFacts, type MetricsFilter } from './metrics-filter.ts';
import type { MetricSettings, MetricsReport } from './metrics-report.ts';
import { spreadOf } from './percentile.ts';

const present = (values: readonly (number | null)[]): number[] =>
  values.filter((value): value is number => value !== null);

const mean = (values: readonly number[]): number | null =>
  values.length === 0 ? null : values.reduce((sum, value) => sum + value, 0) / values.length;

/**
 * The baseline handle time of each category: the configured one, else the mean handle time of the
 * conversations people resolved without the AI having answered (the work the AI would replace).
 */
export const baselineHandleSeconds = (
  rows: readonly ConversationFacts[],
  configured: Readonly<Record<string, number>>,
): Map<string, number> => {
  const samples = new Map<string, number[]>();
  for (const row of rows) {
    if (row.aiInvolved || row.resolution !== 'human' || row.handleSeconds === null || row.category === null)
      continue;
    const list = samples.get(row.category);
    if (list) list.push(row.handleSeconds);
    else samples.set(row.category, [row.handleSeconds]);
  }
  const baselines = new Map<string, number>();
  for (const [category, values] of samples) baselines.set(category, mean(values) ?? 0);
  for (const [category, seconds] of Object.entries(configured)) baselines.set(category, seconds);
  return baselines;
};

/** Mean of (baseline − human seconds actually spent) over AI-involved conversations with a baseline. */
const timeSaved = (rows: readonly ConversationFacts[], settings: MetricSettings): number | null => {
  const baselines = baselineHandleSeconds(rows, settings.baselineHandleSeconds);
  const saved = rows.flatMap((row) => {
    const baseline = row.aiInvolved && row.category !== null ? baselines.get(row.category) : undefined;
    return baseline === undefined ? [] : [baseline - (row.handleSeconds ?? 0)];
  });
  return mean(saved);
};

/** (AI cost + human hours × hourly cost) ÷ resolved conversations. */
const costPerResolved = (rows: readonly ConversationFacts[], settings: MetricSettings): number | null => {
  const resolvedCount = rows.filter(resolved).length;
  const hourly = settings.humanHourlyCost;
  if (hourly === null || resolvedCount === 0) return null;
  const total = rows.reduce(
    (sum, row) =>
      sum + row.aiCost + row.aiTurns * settings.aiCostPerTurn + ((row.handleSeconds ?? 0) / 3600) * hourly,
    0,
  );
  return total / resolvedCount;
};

const byCategory = (rows: readonly ConversationFacts[], context: RateContext) => {
  const categories = [...new Set(rows.filter((row) => row.aiInvolved).map((row) => row.category))].sort();
  const result: Record<string, number | null> = {};
  for (const category of categories) {
    if (category === null) continue;
    const inCategory = rows.filter((row) => row.category === category);
    result[category] = rate(rateDefinitions.aiResolutionRate, inCategory, context);
  }
  return result;
};

const spreads = (rows: readonly ConversationFacts[]) => ({
  timeToFirstResponse: spreadOf(
    present(rows.map((row) => secondsSinceFirstMessage(row, row.firstResponseAt))),
  ),
  timeToResolution: spreadOf(
    present(rows.filter(resolved).map((row) => secondsSinceFirstMessage(row, row.resolvedAt))),
  ),
  handleTime: spreadOf(present(rows.map((row) => row.handleSeconds))),
});

/** The report over the conversations `filter` selects from `facts`. */
export const computeMetrics = (
  facts: readonly ConversationFacts[],
  settings: MetricSettings,
  filter: MetricsFilter = {},
): MetricsReport => {
  const rows = filterFacts(facts, filter);
  const context: RateContext = { asOf: settings.asOf };
  const rateOf = (metric: keyof typeof rateDefinitions) => rate(rateDefinitions[metric], rows, context);
  return {
    conversations: rows.length,
    involvementRate: rateOf('involvementRate'),
    aiResolutionRate: rateOf('aiResolutionRate'),
    aiResolutionRateByCategory: byCategory(rows, context),
    automationRate: rateOf('automationRate'),
    handoffRate: rateOf('handoffRate'),
    recontactRateAfterAi: rateOf('recontactRateAfterAi'),
    durableAiResolutionRate: rateOf('durableAiResolutionRate'),
    timeSavedPerAiConversation: timeSaved(rows, settings),
    escalationPrecision: ratioOfSums(
      rows,
      (row) => row.handoffsJudgedNeeded,
      (row) => row.handoffsJudged,
    ),
    missedEscalations: rateOf('missedEscalations'),
    knowledgeCoverage: ratioOfSums(
      rows,
      (row) => row.aiQuestionsCovered,
      (row) => row.aiQuestions,
    ),
    combined24hResolutionRate: rateOf('combined24hResolutionRate'),
    csat: {
      aiOnly: rateOf('csatAiOnly'),
      handedOver: rateOf('csatHandedOver'),
      humanOnly: rateOf('csatHumanOnly'),
    },
    firstContactResolution: rateOf('firstContactResolution'),
    ...spreads(rows),
    waitEstimateMae: ratioOfSums(
      rows,
      (row) => row.waitErrorSeconds,
      (row) => row.waitsMeasured,
    ),
    costPerResolved: costPerResolved(rows, settings),
  };
};
