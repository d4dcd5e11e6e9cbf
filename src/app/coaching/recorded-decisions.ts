/**
 * The recent history a threshold suggestion stands on: each conversation's last recorded decision
 * of the window, its evidence with the confidence calibrated where the category is (the live turn
 * compares thresholds with the same number), and whatever people said about it — a reviewer's
 * label or an agent's flag, and the agent's escalation verdict.
 */
import {
  type BacktestCase,
  decideUnder,
  storedDecisionOf,
  withCalibratedConfidence,
} from '../../core/coaching/backtest/index.ts';
import { type EscalationJudgement, escalationNeedOf } from '../../core/coaching/escalation-need.ts';
import { type AnswerOutcome, answerOutcomeOf } from '../../core/coaching/threshold-suggestions/index.ts';
import type { PolicyVersion } from '../../core/ports/store.ts';
import { defaultPolicy, type EscalationPolicy, validatePolicy } from '../../core/triage/policy/index.ts';
import type { AppContext } from '../context.ts';
import { calibratedModels, fitCalibrations, judgementPerConversation } from './calibration-view.ts';

/** How far back "recent history" reaches: four weeks, as the knowledge gaps do. */
export const RECENT_DAYS = 28;
const DAY_MS = 86_400_000;

export interface RecordedDecisions {
  readonly policy: EscalationPolicy;
  /** The store's number of the current policy version (0 for the built-in default). */
  readonly policyVersion: number;
  readonly calibrated: ReadonlySet<string>;
  readonly cases: readonly BacktestCase[];
  readonly outcomes: readonly AnswerOutcome[];
}

const policyOf = (current: PolicyVersion | null): EscalationPolicy => {
  const validated = validatePolicy(current?.document ?? defaultPolicy());
  return validated.kind === 'valid' ? validated.policy : defaultPolicy();
};

const verdictOf = (data: unknown): 'needed' | 'not_needed' | null => {
  const verdict = typeof data === 'object' && data !== null ? Reflect.get(data, 'verdict') : null;
  return verdict === 'needed' || verdict === 'not_needed' ? verdict : null;
};

/**
 * Loads the window's decisions and judgements and turns them into backtest cases and outcomes:
 * the last `days` days, or everything recorded when `days` is null.
 */
export const recordedDecisions = async (
  ctx: AppContext,
  workspaceId: string,
  days: number | null = RECENT_DAYS,
): Promise<RecordedDecisions> => {
  const since = days === null ? new Date(0) : new Date(ctx.now().getTime() - days * DAY_MS);
  const [current, labels, fitted, events] = await Promise.all([
    ctx.store.policies.current(workspaceId),
    ctx.store.reviews.listLabels(workspaceId),
    fitCalibrations(ctx.store, workspaceId),
    ctx.store.events.listByType(workspaceId, ['decision_made', 'escalation_verdict'], since),
  ]);
  const policy = policyOf(current);
  const models = calibratedModels(fitted.categories);
  const labelled = judgementPerConversation(labels);
  const decisions = new Map<string, NonNullable<ReturnType<typeof storedDecisionOf>>>();
  const verdicts = new Map<string, 'needed' | 'not_needed'>();
  for (const event of events) {
    if (event.type === 'escalation_verdict') {
      const verdict = verdictOf(event.data);
      if (verdict) verdicts.set(event.conversationId, verdict);
      continue;
    }
    const stored = storedDecisionOf(event.data);
    if (stored) decisions.set(event.conversationId, stored);
  }
  const cases: BacktestCase[] = [];
  const outcomes: AnswerOutcome[] = [];
  for (const [conversationId, stored] of decisions) {
    const evidence = withCalibratedConfidence(stored.evidence, models);
    const label = labelled.get(conversationId)?.label;
    const judgement: EscalationJudgement = {
      verdict: verdicts.get(conversationId) ?? null,
      review: label ? { label, escalated: stored.action === 'escalate' } : null,
    };
    cases.push({ id: conversationId, evidence, need: escalationNeedOf(judgement) });
    // An answer is judged by what was sent; a handoff is judged by why the current policy hands it
    // over (only a handoff for low confidence alone says anything about the threshold).
    const reasons = stored.action === 'answer' ? [] : decideUnder(policy, evidence).reasons;
    const outcome = answerOutcomeOf({
      category: stored.category,
      action: stored.action,
      reasons,
      score: evidence.attempt.kind === 'failed' ? 0 : evidence.attempt.confidence,
      hadDraft: evidence.attempt.kind === 'answer',
      judgement,
    });
    if (outcome) outcomes.push(outcome);
  }
  return {
    policy,
    policyVersion: current?.version ?? 0,
    calibrated: new Set(Object.keys(models)),
    cases,
    outcomes,
  };
};
