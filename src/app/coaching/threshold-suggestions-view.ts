/**
 * Threshold suggestions (SPEC §8): per category, the threshold meeting the target precision ops
 * set, from the recent history's judged outcomes; its backtest over that history; and accepting it,
 * which stores a policy draft that ops publish through the one policy path (who, why, diff, rollback).
 */
import type { AcceptSuggestionResponse } from '../../api/policy-draft-schemas.ts';
import type {
  SuggestionBacktestView,
  ThresholdSuggestionsView,
} from '../../api/threshold-suggestion-schemas.ts';
import { canChangePolicy, canReview } from '../../core/auth/permissions.ts';
import {
  backtestSuggestion,
  defaultSuggestionSettings,
  dismissalHiding,
  evidenceKey,
  type SuggestionBacktest,
  suggestThreshold,
  suggestThresholds,
  type ThresholdSuggestion,
  withDismissal,
} from '../../core/coaching/threshold-suggestions/index.ts';
import { DomainError } from '../../core/errors.ts';
import type { Agent } from '../../core/model.ts';
import type { AppContext } from '../context.ts';
import { savePolicyDraft } from '../ops/policy-draft.ts';
import { policyYaml } from '../ops/policy-text.ts';
import { RECENT_DAYS, type RecordedDecisions, recordedDecisions } from './recorded-decisions.ts';
import { readSuggestionSettings, saveSuggestionSettings } from './threshold-suggestion-settings.ts';

const thresholdsOf = (recorded: RecordedDecisions) =>
  Object.fromEntries(Object.entries(recorded.policy.categories).map(([name, c]) => [name, c.threshold]));

const settingsFor = (targetPrecision: number) => ({ ...defaultSuggestionSettings, targetPrecision });

const mustReview = (agent: Agent) => {
  if (!canReview(agent))
    throw new DomainError('forbidden', 'Threshold suggestions are for the qa, ops and admin roles.');
};

/**
 * Every policy category with judged outcomes, with what is suggested and why, at the given target
 * precision or the workspace's saved one; dismissed suggestions are listed apart while their
 * evidence is unchanged.
 */
export const thresholdSuggestionsView = async (
  ctx: AppContext,
  agent: Agent,
  requestedPrecision?: number,
): Promise<ThresholdSuggestionsView> => {
  mustReview(agent);
  const [recorded, saved] = await Promise.all([
    recordedDecisions(ctx, agent.workspaceId),
    readSuggestionSettings(ctx.store, agent.workspaceId),
  ]);
  const targetPrecision = requestedPrecision ?? saved.targetPrecision;
  const all = suggestThresholds(thresholdsOf(recorded), recorded.outcomes, settingsFor(targetPrecision));
  const dismissed = all.flatMap((s) => {
    const hiding = dismissalHiding(s, saved.dismissals);
    return hiding ? [{ category: s.category, by: hiding.by, why: hiding.why, at: hiding.at }] : [];
  });
  const suggestions = all.filter((s) => dismissalHiding(s, saved.dismissals) === null);
  return {
    policyVersion: recorded.policyVersion,
    days: RECENT_DAYS,
    targetPrecision,
    canApply: canChangePolicy(agent),
    dismissed,
    suggestions: suggestions.map((s) => ({
      category: s.category,
      kind: s.kind,
      calibrated: recorded.calibrated.has(s.category),
      labels: s.labels,
      current: s.current,
      suggested: s.kind === 'change' || s.kind === 'keep' ? s.suggested : null,
      why: s.why,
    })),
  };
};

type Movable = Extract<ThresholdSuggestion, { readonly kind: 'change' | 'keep' }>;

const suggestionOrThrow = (
  recorded: RecordedDecisions,
  category: string,
  targetPrecision: number,
): Movable => {
  const current = recorded.policy.categories[category];
  if (!current)
    throw new DomainError('not_found', `The policy has no category "${category}"; pick one from the list.`);
  const suggestion = suggestThreshold(
    category,
    current.threshold,
    recorded.outcomes.filter((outcome) => outcome.category === category),
    settingsFor(targetPrecision),
  );
  if (suggestion.kind !== 'change')
    throw new DomainError('invalid_input', `Nothing to change for ${category}: ${suggestion.why}.`);
  return suggestion;
};

const outcomeOf = (backtest: SuggestionBacktest, side: 'baseline' | 'draft') => ({
  aiResolution: side === 'baseline' ? backtest.automationBefore : backtest.automationAfter,
  handoffs: backtest.summary[side].escalated,
  wrongAnswers: side === 'baseline' ? backtest.missesBefore : backtest.missesAfter,
  needlessHandoffs: side === 'baseline' ? backtest.needlessBefore : backtest.needlessAfter,
});

const backtestView = (
  recorded: RecordedDecisions,
  suggestion: Movable,
  backtest: SuggestionBacktest,
): SuggestionBacktestView => ({
  category: suggestion.category,
  policyVersion: recorded.policyVersion,
  currentThreshold: suggestion.current.threshold,
  threshold: suggestion.suggested.threshold,
  days: RECENT_DAYS,
  conversations: backtest.conversations,
  before: outcomeOf(backtest, 'baseline'),
  after: outcomeOf(backtest, 'draft'),
  changed: backtest.changed,
  changedIds: backtest.summary.changedIds.map(String),
});

/** Replays the recent history under the current policy and under the suggested threshold. */
export const backtestThresholdSuggestion = async (
  ctx: AppContext,
  agent: Agent,
  request: { readonly category: string; readonly targetPrecision: number },
): Promise<SuggestionBacktestView> => {
  mustReview(agent);
  const recorded = await recordedDecisions(ctx, agent.workspaceId);
  const suggestion = suggestionOrThrow(recorded, request.category, request.targetPrecision);
  return backtestView(recorded, suggestion, backtestSuggestion(recorded.policy, suggestion, recorded.cases));
};

const percent = (value: number) => `${Math.round(value * 1000) / 10}%`;

/**
 * Accepting a suggestion stores a policy draft (the current policy with the suggested threshold),
 * never a silent change: ops backtest it, publish it or discard it in the ops console. The backtest
 * is run again here, on the same history, and its numbers go into the draft's note with the
 * person's why; a policy published or a suggestion moved since the backtest ops saw is refused, so
 * what is drafted is what was backtested.
 */
export const acceptThresholdSuggestion = async (
  ctx: AppContext,
  agent: Agent,
  request: {
    readonly category: string;
    readonly targetPrecision: number;
    readonly threshold: number;
    readonly policyVersion: number;
    readonly note: string;
  },
): Promise<AcceptSuggestionResponse> => {
  if (!canChangePolicy(agent))
    throw new DomainError('forbidden', 'Only ops and admins can accept a threshold suggestion.');
  const recorded = await recordedDecisions(ctx, agent.workspaceId);
  if (recorded.policyVersion !== request.policyVersion)
    throw new DomainError(
      'conflict',
      `Policy version ${recorded.policyVersion} was published after this backtest ran on version ${request.policyVersion}; run the backtest again.`,
    );
  const suggestion = suggestionOrThrow(recorded, request.category, request.targetPrecision);
  if (Math.abs(suggestion.suggested.threshold - request.threshold) > 1e-9)
    throw new DomainError(
      'conflict',
      `The suggestion for ${request.category} is now ${suggestion.suggested.threshold}, not ${request.threshold}; run the backtest again.`,
    );
  const backtest = backtestSuggestion(recorded.policy, suggestion, recorded.cases);
  const view = backtestView(recorded, suggestion, backtest);
  const why = request.note.trim();
  const note = [
    why,
    `Threshold suggestion applied: ${request.category} ${view.currentThreshold} → ${view.threshold} (target precision ${percent(request.targetPrecision)}).`,
    `Backtest over ${view.conversations} conversations of the last ${view.days} days: AI resolution ${percent(view.before.aiResolution)} → ${percent(view.after.aiResolution)}, wrong answers sent ${view.before.wrongAnswers} → ${view.after.wrongAnswers}, handoffs ${view.before.handoffs} → ${view.after.handoffs}.`,
  ].join('\n');
  const draft = {
    source: 'threshold_suggestion' as const,
    category: request.category,
    fromThreshold: view.currentThreshold,
    toThreshold: view.threshold,
    targetPrecision: request.targetPrecision,
    basedOnVersion: recorded.policyVersion,
    yaml: policyYaml({ ...backtest.draft, version: recorded.policy.version }),
    why,
    note,
    backtest: view,
  };
  return savePolicyDraft(ctx.store, agent, draft, ctx.now());
};

const mustChangePolicy = (agent: Agent, what: string) => {
  if (!canChangePolicy(agent)) throw new DomainError('forbidden', `Only ops and admins can ${what}.`);
};

/** Dismisses the category's current suggestion, with why; it stays hidden until its evidence changes. */
export const dismissThresholdSuggestion = async (
  ctx: AppContext,
  agent: Agent,
  request: { readonly category: string; readonly targetPrecision: number; readonly note: string },
): Promise<ThresholdSuggestionsView> => {
  mustChangePolicy(agent, 'dismiss a threshold suggestion');
  const [recorded, saved] = await Promise.all([
    recordedDecisions(ctx, agent.workspaceId),
    readSuggestionSettings(ctx.store, agent.workspaceId),
  ]);
  const suggestion = suggestionOrThrow(recorded, request.category, request.targetPrecision);
  const at = ctx.now();
  const dismissal = {
    category: suggestion.category,
    evidence: evidenceKey(suggestion),
    by: agent.name,
    why: request.note.trim(),
    at: at.toISOString(),
  };
  await saveSuggestionSettings(
    ctx.store,
    { workspaceId: agent.workspaceId, author: agent.id, note: `Dismissed ${suggestion.category}`, at },
    { ...saved, dismissals: withDismissal(saved.dismissals, dismissal) },
  );
  return thresholdSuggestionsView(ctx, agent, request.targetPrecision);
};

/** Stores the target precision suggestions aim for in this workspace. */
export const saveTargetPrecision = async (
  ctx: AppContext,
  agent: Agent,
  targetPrecision: number,
): Promise<ThresholdSuggestionsView> => {
  mustChangePolicy(agent, 'set the target precision');
  const saved = await readSuggestionSettings(ctx.store, agent.workspaceId);
  await saveSuggestionSettings(
    ctx.store,
    {
      workspaceId: agent.workspaceId,
      author: agent.id,
      note: `Target precision ${percent(targetPrecision)}`,
      at: ctx.now(),
    },
    { ...saved, targetPrecision },
  );
  return thresholdSuggestionsView(ctx, agent);
};
