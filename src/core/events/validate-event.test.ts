import { describe, expect, it } from 'vitest';
import { type EventType, eventTypes } from './event-schemas.ts';
import { parseEvent, validateEvent } from './validate-event.ts';

/** One well-formed payload per event type, in the shape every emitter must use. */
const examples: Record<EventType, Record<string, unknown>> = {
  conversation_started: { channel: 'widget' },
  message_added: { messageId: 'm1', author: 'customer', authorId: 'cus1', kind: 'message' },
  decision_made: {
    action: 'answer',
    category: 'shipping',
    trace: { policyVersion: '3', retrieval: { kind: 'answer', confidence: 0.8, tried: [{ score: 0.7 }] } },
  },
  lookup_completed: {
    name: 'orders',
    label: 'your order',
    inputs: { 'order.number': '1042' },
    status: 'ok',
    fields: [{ label: 'Status', value: 'Shipped' }],
    error: null,
    latencyMs: 12,
  },
  categorised: { category: 'shipping' },
  category_confirmed: { category: 'refund', previous: 'billing', text: 'I want my money back' },
  handed_over: {
    teamKey: 'billing',
    priority: 2,
    reasons: [{ code: 'human_requested', evidence: 'a person please' }],
    waitMinutes: 5,
    packet: { question: 'a person please' },
  },
  assigned: { agentId: 'a1', teamKey: 'billing', previousAssigneeId: null },
  requeued: { teamKey: 'billing', from: 'support' },
  wait_measured: { teamKey: 'billing', promisedMinutes: 5, actualMinutes: 7.5 },
  resolved: { by: 'agent', resolution: 'human', agentId: 'a1', teamKey: 'billing' },
  reopened: { by: 'customer_reply' },
  escalation_verdict: { verdict: 'needed', handoffEventId: 'e1', previous: null },
  ai_message_flagged: { messageId: 'm2', flag: 'wrong', correctAnswer: 'Refunds take 5 days.' },
  rating_requested: { resolvedEventId: 'e9' },
  rated: { rating: 4, comment: null, resolvedEventId: 'e9' },
  reviewed: { label: 'should_have_escalated', rootCause: 'policy_too_loose' },
  ai_draft_unsent: {
    messageId: 'm3',
    action: 'answer',
    category: 'shipping',
    text: 'Standard shipping takes 3 to 5 days.',
    reason: 'superseded',
  },
  ai_turn_skipped: { messageId: 'm3', reason: 'superseded' },
  hold_set: { kind: 'snoozed', until: '2026-03-02T10:00:00.000Z' },
  hold_ended: { kind: 'waiting_on_customer', reason: 'customer_replied' },
  tag_added: { name: 'vip' },
  tag_removed: { name: 'refund abuse' },
};

const problemsOf = (type: string, data: unknown): readonly string[] => {
  const result = validateEvent(type, data);
  return result.kind === 'invalid' ? result.problems : [];
};

describe('validateEvent', () => {
  it.each(eventTypes.map((type) => [type]))('accepts a well-formed %s', (type) => {
    expect(validateEvent(type, examples[type])).toEqual({ kind: 'valid', type, data: examples[type] });
  });

  it('refuses a type without a schema, saying where to add one', () => {
    expect(problemsOf('decision', {})).toEqual([
      'type: no schema for event type "decision"; add one to eventSchemas',
    ]);
  });

  it('refuses fields the schema does not know, so emitters cannot drift apart', () => {
    expect(problemsOf('reopened', { by: 'customer_reply', assumed: true })[0]).toMatch(/^reopened: /);
  });

  it('requires every resolution to say how it came about', () => {
    expect(problemsOf('resolved', { resolution: 'human', teamKey: null })[0]).toMatch(/^resolved\.by: /);
  });

  it('requires an agent resolution to name the agent', () => {
    expect(problemsOf('resolved', { by: 'agent', resolution: 'human', teamKey: null })).toEqual([
      expect.stringMatching(/^resolved\.agentId: /),
    ]);
  });

  it('refuses a resolution whose how and outcome disagree', () => {
    expect(problemsOf('resolved', { by: 'ai_assumed', resolution: 'human', teamKey: null })).not.toEqual([]);
  });

  it('requires a verdict to name the handoff it judges', () => {
    expect(problemsOf('escalation_verdict', { verdict: 'needed', previous: null })).toEqual([
      'escalation_verdict.handoffEventId: Invalid input: expected string, received undefined',
    ]);
  });

  it('keeps ratings to whole numbers from 1 to 5 with a comment of at most 1,000 characters', () => {
    const rated = (rating: number, comment: string | null) =>
      problemsOf('rated', { rating, comment, resolvedEventId: 'e' });
    expect(rated(5, 'x'.repeat(1000))).toEqual([]);
    expect(rated(1, null)).toEqual([]);
    expect(rated(0, null)).not.toEqual([]);
    expect(rated(6, null)).not.toEqual([]);
    expect(rated(4.5, null)).not.toEqual([]);
    expect(rated(4, 'x'.repeat(1001))).not.toEqual([]);
  });

  it('only accepts escalation reasons from the fixed vocabulary', () => {
    const handoff = { ...examples.handed_over, reasons: [{ code: 'customer_was_rude', evidence: '' }] };
    expect(problemsOf('handed_over', handoff)[0]).toMatch(/^handed_over\.reasons\.0\.code: /);
  });

  it('treats a missing payload as an empty one', () => {
    expect(problemsOf('categorised', undefined)).toEqual([
      'categorised.category: Invalid input: expected string, received undefined',
    ]);
  });
});

describe('parseEvent', () => {
  const base = { id: 'e1', conversationId: 'c1', actor: { kind: 'system' } as const, at: new Date(0) };

  it('types the payload of a matching event', () => {
    const parsed = parseEvent({ ...base, type: 'rated', data: examples.rated });
    expect(parsed?.type === 'rated' ? parsed.data.rating : null).toBe(4);
  });

  it('returns null for an unknown type or a payload that does not match', () => {
    expect(parseEvent({ ...base, type: 'decision', data: {} })).toBeNull();
    expect(parseEvent({ ...base, type: 'rated', data: { rating: 9 } })).toBeNull();
  });
});
