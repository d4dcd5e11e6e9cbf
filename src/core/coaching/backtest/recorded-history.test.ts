import { beforeAll, describe, expect, it } from 'vitest';
import { buildTriageEngine, type TriageEngine } from '../../../adapters/triage/run-triage-file.ts';
import { triageConversation } from '../../triage/triage-conversation.ts';
import { gapQuestionFromDecision } from '../knowledge-gaps/index.ts';
import { reviewCandidateFromTrace } from '../review-sampling/index.ts';
import { writtenConversations } from './backtest-fixtures.ts';
import { decideUnder, evidenceFromTrace, storedDecisionOf } from './index.ts';

// What the live server stores in `decision_made` is enough to backtest, sample and find gaps.
let engine: TriageEngine;
beforeAll(async () => {
  engine = await buildTriageEngine({});
});

const now = new Date('2026-11-24T11:00:00Z');

describe('recorded decision traces', () => {
  it('rebuild evidence that decides as the live turn did', async () => {
    for (const conversation of writtenConversations) {
      const live = await triageConversation({ ...engine, messages: conversation.messages, now });
      const customer = conversation.messages.filter((line) => line.role === 'customer');
      const previousAi = conversation.messages.filter((line) => line.role === 'ai').pop()?.text ?? null;
      const evidence = evidenceFromTrace(live.trace, {
        latestText: customer[customer.length - 1]?.text ?? '',
        previousAiText: previousAi,
        customerPlan: null,
      });
      const replayed = decideUnder(engine.policy, evidence);
      expect([conversation.id, replayed.action, replayed.category, replayed.reasons]).toEqual([
        conversation.id,
        live.action,
        live.category,
        [...new Set(live.reasons.map((reason) => reason.code))],
      ]);
    }
  });

  it('are read back from stored event data and decide as the live turn did', async () => {
    for (const conversation of writtenConversations) {
      const live = await triageConversation({ ...engine, messages: conversation.messages, now });
      // What the store hands back: the event's data after a JSON round trip.
      const data: unknown = JSON.parse(
        JSON.stringify({ action: live.action, category: live.category, trace: live.trace }),
      );
      const stored = storedDecisionOf(data);
      if (stored === null) throw new Error(`${conversation.id}: not read back`);
      const replayed = decideUnder(engine.policy, stored.evidence);
      expect([conversation.id, stored.action, replayed.action, replayed.reasons]).toEqual([
        conversation.id,
        live.action,
        live.action,
        [...new Set(live.reasons.map((reason) => reason.code))],
      ]);
    }
  });

  it('read a sparse stored trace as nothing having fired, and refuse what is no decision', () => {
    const stored = storedDecisionOf({
      action: 'answer',
      category: 'orders',
      trace: { retrieval: { kind: 'answer', confidence: 0.7 } },
    });
    expect(stored?.evidence.signals.values.human_requested).toBe(false);
    expect(stored?.evidence.attempt).toMatchObject({ kind: 'answer', confidence: 0.7 });
    expect(storedDecisionOf({ action: 'answer', trace: {} })).toBeNull();
    expect(storedDecisionOf('answer')).toBeNull();
  });

  it('give the review sampler and the gap finder their inputs', async () => {
    const conversation = writtenConversations.find((entry) => entry.id === 'w2');
    const live = await triageConversation({ ...engine, messages: conversation?.messages ?? [], now });
    const candidate = reviewCandidateFromTrace({
      conversationId: 'w2',
      decidedAt: now,
      trace: live.trace,
      recontacted: false,
      policyPublishedAt: null,
    });
    expect(candidate).toMatchObject({
      category: live.category,
      confidence: live.confidence,
      recontacted: false,
    });
    expect(candidate.threshold).toBe(engine.policy.categories[live.category]?.threshold);
    const question = gapQuestionFromDecision({
      conversationId: 'w2',
      question: 'How long do I have to send a jacket back?',
      at: now,
      // What the store hands back: the event's data after a JSON round trip.
      decision: JSON.parse(
        JSON.stringify({ action: live.action, category: live.category, trace: live.trace }),
      ),
      missingArticleLabel: false,
    });
    const tried = live.trace.retrieval.kind === 'failed' ? [] : live.trace.retrieval.tried;
    expect(question?.topArticleScore).toBe(Math.max(...tried.map((article) => article.score)));
    expect(question).toMatchObject({ category: live.category, closingRemark: false });
  });

  it('give the gap finder a closing remark as such, and nothing for what is no decision', () => {
    const recorded = { conversationId: 'w3', question: 'Thanks!', at: now, missingArticleLabel: false };
    const closing = gapQuestionFromDecision({
      ...recorded,
      decision: { action: 'answer', category: null, trace: { closingRemark: true } },
    });
    expect(closing).toMatchObject({ closingRemark: true, topArticleScore: null, category: null });
    expect(gapQuestionFromDecision({ ...recorded, decision: { action: 'answer', trace: {} } })).toBeNull();
  });
});
