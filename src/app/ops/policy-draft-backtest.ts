/**
 * "Backtest this draft" (SPEC §5): before a policy edit is published, the recorded decisions of the
 * last N days (or all) are decided again under the current policy and under the draft, through the
 * same core as `baton backtest`. Nothing is stored.
 */
import type { PolicyBacktestView } from '../../api/policy-backtest-schemas.ts';
import { canChangePolicy } from '../../core/auth/permissions.ts';
import { type BacktestDecision, runBacktest } from '../../core/coaching/backtest/index.ts';
import { DomainError } from '../../core/errors.ts';
import type { Agent } from '../../core/model.ts';
import { checkPolicyText, describePolicyProblems } from '../../core/triage/policy/index.ts';
import { recordedDecisions } from '../coaching/recorded-decisions.ts';
import type { AppContext } from '../context.ts';

const decisionView = (decision: BacktestDecision) => ({
  action: decision.action,
  category: decision.category,
  reasons: [...decision.reasons],
});

export const backtestPolicyDraft = async (
  ctx: AppContext,
  agent: Agent,
  request: { readonly yaml: string; readonly days: number | null },
): Promise<PolicyBacktestView> => {
  if (!canChangePolicy(agent))
    throw new DomainError('forbidden', 'Only ops and admins can backtest a policy draft.');
  const checked = checkPolicyText(request.yaml);
  if (checked.kind === 'invalid')
    throw new DomainError(
      'policy_invalid',
      `The draft cannot be backtested; fix these first:\n${describePolicyProblems(checked.problems)}`,
      checked.problems,
    );
  const recorded = await recordedDecisions(ctx, agent.workspaceId, request.days);
  const tally = runBacktest(recorded.policy, checked.policy, recorded.cases);
  const summary = tally.summary();
  return {
    policyVersion: recorded.policyVersion,
    days: request.days,
    conversations: summary.conversations,
    judged: recorded.cases.filter((item) => item.need !== null).length,
    baseline: summary.baseline,
    draft: summary.draft,
    changed: summary.changed,
    changedConversations: tally.changedConversations().map((entry) => ({
      id: String(entry.id),
      baseline: decisionView(entry.baseline),
      draft: decisionView(entry.draft),
      need: entry.need,
    })),
    labelled: summary.labelled,
  };
};
