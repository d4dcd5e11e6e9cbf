/**
 * Counts a backtest as it streams (SPEC §5, §13): escalations per category and reason under the
 * baseline and the draft, the conversations whose action changes, and — where a judgement exists —
 * needed escalations missed and needless ones made under each.
 */
import type { EscalationNeed } from '../escalation-need.ts';
import type { BacktestDecision } from './decide-under.ts';

export interface PolicyOutcome {
  readonly escalated: number;
  readonly byCategory: Readonly<
    Record<string, { readonly conversations: number; readonly escalated: number }>
  >;
  readonly byReason: Readonly<Record<string, number>>;
}

export interface LabelledOutcome {
  readonly baselineMisses: number;
  readonly draftMisses: number;
  readonly baselineNeedless: number;
  readonly draftNeedless: number;
}

/** The §13 backtest object, without the run's `seconds`. */
export interface BacktestSummary {
  readonly conversations: number;
  readonly baseline: PolicyOutcome;
  readonly draft: PolicyOutcome;
  readonly changed: number;
  /** The first `changedIdLimit` conversations whose action differs, in input order. */
  readonly changedIds: readonly (string | number)[];
  readonly labelled: LabelledOutcome;
}

/** One conversation whose action differs between the two policies. */
export interface ChangedConversation {
  readonly id: string | number;
  readonly baseline: BacktestDecision;
  readonly draft: BacktestDecision;
  readonly need: EscalationNeed | null;
}

export const changedIdLimit = 100;

class OutcomeCounter {
  escalated = 0;
  readonly byCategory = new Map<string, { conversations: number; escalated: number }>();
  readonly byReason = new Map<string, number>();

  add(decision: BacktestDecision): void {
    const category = this.byCategory.get(decision.category) ?? { conversations: 0, escalated: 0 };
    category.conversations += 1;
    this.byCategory.set(decision.category, category);
    if (decision.action !== 'escalate') return;
    this.escalated += 1;
    category.escalated += 1;
    for (const reason of decision.reasons) this.byReason.set(reason, (this.byReason.get(reason) ?? 0) + 1);
  }

  outcome(): PolicyOutcome {
    const sorted = <V>(map: Map<string, V>) =>
      Object.fromEntries([...map].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    return {
      escalated: this.escalated,
      byCategory: sorted(new Map([...this.byCategory].map(([key, value]) => [key, { ...value }]))),
      byReason: sorted(this.byReason),
    };
  }
}

export interface BacktestTally {
  add(
    id: string | number,
    baseline: BacktestDecision,
    draft: BacktestDecision,
    need: EscalationNeed | null,
  ): void;
  summary(): BacktestSummary;
  /** The first changed conversations with both decisions, for the console's list with links. */
  changedConversations(): readonly ChangedConversation[];
}

/** A streaming counter: memory stays flat however many conversations are added. */
export const createBacktestTally = (keepChanged = changedIdLimit): BacktestTally => {
  const baseline = new OutcomeCounter();
  const draft = new OutcomeCounter();
  const changed: ChangedConversation[] = [];
  let conversations = 0;
  let changedCount = 0;
  const labelled = { baselineMisses: 0, draftMisses: 0, baselineNeedless: 0, draftNeedless: 0 };
  return {
    add(id, baselineDecision, draftDecision, need) {
      conversations += 1;
      baseline.add(baselineDecision);
      draft.add(draftDecision);
      if (baselineDecision.action !== draftDecision.action) {
        changedCount += 1;
        if (changed.length < keepChanged)
          changed.push({ id, baseline: baselineDecision, draft: draftDecision, need });
      }
      const baselineEscalated = baselineDecision.action === 'escalate';
      const draftEscalated = draftDecision.action === 'escalate';
      if (need === 'needed') {
        if (!baselineEscalated) labelled.baselineMisses += 1;
        if (!draftEscalated) labelled.draftMisses += 1;
      } else if (need === 'not_needed') {
        if (baselineEscalated) labelled.baselineNeedless += 1;
        if (draftEscalated) labelled.draftNeedless += 1;
      }
    },
    summary: () => ({
      conversations,
      baseline: baseline.outcome(),
      draft: draft.outcome(),
      changed: changedCount,
      changedIds: changed.slice(0, changedIdLimit).map((entry) => entry.id),
      labelled: { ...labelled },
    }),
    changedConversations: () => [...changed],
  };
};
