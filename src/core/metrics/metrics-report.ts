/** The SPEC §9 numbers as one object: the `baton replay` report, `baton metrics` and GET /api/metrics share it. */
import type { Spread } from './percentile.ts';

export interface MetricsReport {
  readonly conversations: number;
  readonly involvementRate: number | null;
  readonly aiResolutionRate: number | null;
  /** Per category of the AI-involved conversations that have one. */
  readonly aiResolutionRateByCategory: Readonly<Record<string, number | null>>;
  readonly automationRate: number | null;
  /** Conversations the AI handed to a person at least once ÷ all conversations. */
  readonly handoffRate: number | null;
  readonly recontactRateAfterAi: number | null;
  readonly durableAiResolutionRate: number | null;
  /** Seconds of human time saved per AI-involved conversation against its category's baseline. */
  readonly timeSavedPerAiConversation: number | null;
  readonly escalationPrecision: number | null;
  readonly missedEscalations: number | null;
  readonly knowledgeCoverage: number | null;
  readonly combined24hResolutionRate: number | null;
  readonly csat: {
    readonly aiOnly: number | null;
    readonly handedOver: number | null;
    readonly humanOnly: number | null;
  };
  readonly firstContactResolution: number | null;
  /** Seconds. */
  readonly timeToFirstResponse: Spread;
  readonly timeToResolution: Spread;
  readonly handleTime: Spread;
  /** Seconds. */
  readonly waitEstimateMae: number | null;
  readonly costPerResolved: number | null;
}

/** What a report needs besides the facts: its "now" and the configured costs and baselines. */
export interface MetricSettings {
  readonly asOf: Date;
  /** What an hour of an agent's time costs; without it there is no cost per resolution. */
  readonly humanHourlyCost: number | null;
  /** A flat AI cost per turn, for providers that do not report what a turn cost (added to reported costs). */
  readonly aiCostPerTurn: number;
  /** Configured human handle time per category in seconds; categories without one use history. */
  readonly baselineHandleSeconds: Readonly<Record<string, number>>;
}
