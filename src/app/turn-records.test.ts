/**
 * The records of an AI turn's outcome, shared by the live turn and the replay: an answer keeps the
 * articles it quotes and records a category only when it is new; a handoff queues the conversation
 * and never clears a category already set.
 */
import { describe, expect, it } from 'vitest';
import type { LookupOutcome } from '../core/handoff/lookup-outcome.ts';
import type { EscalationReason } from '../core/handoff/reasons.ts';
import type { Citation } from '../core/model.ts';
import type { TurnOutcome } from './turn-engine.ts';
import { turnRecords } from './turn-records.ts';

const citation: Citation = { articleId: 'a-1', slug: 'returns', title: 'Returns' };
const lookup: LookupOutcome = {
  name: 'orders',
  label: 'your orders',
  inputs: { email: 'ann@example.com' },
  status: 'ok',
  fields: [{ label: 'Last order', value: 'shipped' }],
  error: null,
  latencyMs: 12,
};
const reason: EscalationReason = { code: 'human_requested', evidence: 'asked for a person' };
const answer = (category: string | null): TurnOutcome => ({
  kind: 'answer',
  text: 'You can return it within 30 days.',
  citations: [citation],
  category,
  trace: { topScore: 0.9 },
  lookups: [lookup],
});
const handoff = (category: string | null): TurnOutcome => ({
  kind: 'escalate',
  teamKey: 'billing',
  priority: 2,
  category,
  reasons: [reason],
  message: 'A person from billing will take it from here.',
  waitMinutes: 4,
  packet: { summary: 'wants a person' },
  trace: { topScore: 0.1 },
});

describe('the records of an AI turn', () => {
  it('an answer: lookups, the decision for the message, the quoted articles, a new category recorded', () => {
    const records = turnRecords(answer('returns'), 'm-1', 'shipping');
    expect(records.facts).toEqual([{ type: 'lookup_completed', actor: { kind: 'ai' }, data: lookup }]);
    expect(records.decision.data).toEqual({
      action: 'answer',
      category: 'returns',
      trace: { topScore: 0.9 },
      messageId: 'm-1',
    });
    expect(records.message).toEqual({
      kind: 'message',
      body: 'You can return it within 30 days.',
      citations: [citation],
    });
    expect(records.change).toEqual({ category: 'returns' });
    expect(records.changeEvent).toEqual({
      type: 'categorised',
      actor: { kind: 'ai' },
      data: { category: 'returns' },
    });
  });

  it('an answer in the category already set, or in none, changes nothing', () => {
    expect(turnRecords(answer('returns'), 'm-1', 'returns').changeEvent).toBeNull();
    const uncategorised = turnRecords(answer(null), 'm-1', 'returns');
    expect(uncategorised.changeEvent).toBeNull();
    expect(uncategorised.change).toEqual({});
  });

  it('a handoff queues the conversation for the team, quotes nothing, and keeps the category when it has none', () => {
    const records = turnRecords(handoff(null), 'm-2', 'billing');
    expect(records.message).toEqual({
      kind: 'handoff',
      body: 'A person from billing will take it from here.',
      citations: [],
    });
    expect(records.change).toEqual({ state: 'queued', teamKey: 'billing', priority: 2 });
    expect(records.changeEvent?.type).toBe('handed_over');
    expect(records.changeEvent?.data).toEqual({
      teamKey: 'billing',
      priority: 2,
      reasons: [reason],
      waitMinutes: 4,
      packet: { summary: 'wants a person' },
    });
    expect(turnRecords(handoff('refunds'), 'm-2', 'billing').change).toMatchObject({ category: 'refunds' });
  });
});
