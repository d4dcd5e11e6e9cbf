/**
 * What an AI turn's outcome leaves behind (SPEC §3, §13): the account lookups it made, its
 * `decision_made` trace, the message the customer sees (an answer with the articles it quotes, or
 * the handoff message), the change to the conversation and the event that records that change.
 * The live turn writes these in one statement; the replay writes them at its simulated time. One
 * function, so a replayed conversation holds the same records a live one would.
 */
import type { TurnSend } from '../core/ports/ai-turn-jobs.ts';
import type { NewEvent } from '../core/ports/store.ts';
import type { TurnOutcome } from './turn-engine.ts';

const ai = { kind: 'ai' } as const;

export interface TurnRecords extends TurnSend {
  /** Written whatever happens to the answer (account lookups made during the turn). */
  readonly facts: readonly NewEvent[];
}

const changeEventOf = (outcome: TurnOutcome, currentCategory: string | null): NewEvent | null => {
  if (outcome.kind === 'escalate') {
    const { teamKey, priority, reasons, waitMinutes, packet } = outcome;
    return { type: 'handed_over', actor: ai, data: { teamKey, priority, reasons, waitMinutes, packet } };
  }
  return outcome.category && outcome.category !== currentCategory
    ? { type: 'categorised', actor: ai, data: { category: outcome.category } }
    : null;
};

/** The records of `outcome`, the turn that answered customer message `messageId`. */
export const turnRecords = (
  outcome: TurnOutcome,
  messageId: string,
  currentCategory: string | null,
): TurnRecords => {
  const category = outcome.category ? { category: outcome.category } : {};
  const escalate = outcome.kind === 'escalate';
  return {
    facts: (outcome.lookups ?? []).map((lookup) => ({
      type: 'lookup_completed',
      actor: ai,
      data: { ...lookup },
    })),
    decision: {
      type: 'decision_made',
      actor: ai,
      data: { action: outcome.kind, category: outcome.category, trace: outcome.trace, messageId },
    },
    message: escalate
      ? { kind: 'handoff', body: outcome.message, citations: [] }
      : { kind: 'message', body: outcome.text, citations: outcome.citations },
    change: escalate
      ? { state: 'queued', teamKey: outcome.teamKey, priority: outcome.priority, ...category }
      : category,
    changeEvent: changeEventOf(outcome, currentCategory),
  };
};
