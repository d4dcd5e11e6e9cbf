/** How triage treats what an answerer drafts: the policy first, then grounding, then the policy again (issue 11). */
import { describe, expect, it } from 'vitest';
import type { LookupOutcome } from '../handoff/index.ts';
import type { Answerer, AnswerRequest, DraftAnswer, LookupTools } from '../ports/answerer.ts';
import { defaultPolicy } from './policy/index.ts';
import { triageConversation } from './triage-conversation.ts';
import { fixedCategoryModel } from './triage-fakes.ts';

const now = new Date('2026-11-24T11:00:00Z');
const article = 'Standard delivery takes 3 to 5 working days. Express delivery arrives the next working day.';

/** An answerer that records the requests it got and drafts `text` citing the delivery article. */
const drafting = (text: string, extra: Partial<DraftAnswer & { kind: 'answer' }> = {}) => {
  const requests: AnswerRequest[] = [];
  const answerer: Answerer = {
    async draft(request) {
      requests.push(request);
      return {
        kind: 'answer',
        text,
        citations: [{ articleId: 'a1', slug: 'delivery-times', title: 'Delivery times' }],
        sources: [{ kind: 'article', articleId: 'a1', text: article }],
        confidence: 0.8,
        tried: [{ articleId: 'a1', slug: 'delivery-times', title: 'Delivery times', score: 0.8 }],
        ...extra,
      };
    },
    retrieve: async () => ({
      confidence: 0.8,
      tried: [{ articleId: 'a1', slug: 'delivery-times', title: 'Delivery times', score: 0.8 }],
    }),
  };
  return { answerer, requests };
};

const triage = (text: string, answerer: Answerer, extra: { tools?: LookupTools; externalId?: string } = {}) =>
  triageConversation({
    policy: defaultPolicy(),
    categoryModel: fixedCategoryModel('shipping', 0.9),
    answerer,
    messages: [{ role: 'customer', text }],
    customer: { name: 'Ana', plan: null, externalId: extra.externalId ?? null, email: null },
    queue: { waiting: 1, agentsAvailable: 1, avgHandleMinutes: 5 },
    now,
    ...(extra.tools ? { tools: extra.tools } : {}),
  });

describe('the policy decides before the answerer', () => {
  it('asks no answerer when the policy already hands over, and still lists the articles tried', async () => {
    const { answerer, requests } = drafting('Standard delivery takes 3 to 5 working days.');
    const result = await triage('I want to speak to a human about my delivery', answerer);
    expect(requests).toHaveLength(0);
    expect(result.action).toBe('escalate');
    expect(result.answerer.asked).toBe(false);
    expect(result.handoff?.packet.articlesTried[0]?.slug).toBe('delivery-times');
  });
});

describe('the grounding check decides whether a draft is sent', () => {
  it('sends a grounded draft with a confidence from retrieval and grounding', async () => {
    const result = await triage(
      'how long does delivery take?',
      drafting('Standard delivery takes 3 to 5 working days.').answerer,
    );
    expect(result.action).toBe('answer');
    expect(result.confidence).toBe(0.8);
    expect(result.answerer.grounding?.grounded).toBe(true);
  });

  it('turns a draft with a number its sources lack into no_answer, with the draft in the packet', async () => {
    const draft = 'Standard delivery takes 2 working days.';
    const result = await triage('how long does delivery take?', drafting(draft).answerer);
    expect(result.action).toBe('escalate');
    expect(result.reasons.map((reason) => reason.code)).toEqual(['no_answer']);
    expect(result.reasons[0]?.evidence).toMatch(/number 2/);
    expect(result.handoff?.packet.draft).toBe(draft);
  });

  it('turns a draft that cites nothing into no_answer', async () => {
    const result = await triage(
      'how long does delivery take?',
      drafting('Delivery is quick.', { sources: [], citations: [] }).answerer,
    );
    expect(result.reasons.map((reason) => reason.code)).toEqual(['no_answer']);
  });

  it('lowers the confidence of a loosely worded draft below the threshold', async () => {
    const loose = drafting('Parcels normally reach customers promptly, usually fairly soon after purchase.', {
      confidence: 0.5,
    });
    const result = await triage('how long does delivery take?', loose.answerer);
    expect(result.confidence).toBeLessThan(0.5);
  });
});

describe('lookups the answerer makes', () => {
  const orderLookup: LookupOutcome = {
    name: 'order',
    label: 'your order',
    inputs: { 'customer.externalId': 'cus_ana', 'order.number': '1042' },
    status: 'ok',
    fields: [{ label: 'Order status', value: 'shipped' }],
    error: null,
    latencyMs: 3,
  };
  const tools: LookupTools = {
    available: [{ name: 'order', label: 'your order', inputs: ['order.number'] }],
    call: async () => orderLookup,
  };

  it('records them with the turn lookups and lets a cited one back the answer', async () => {
    const answerer: Answerer = {
      async draft(request) {
        const outcome = await request.tools?.call('order', { 'order.number': '1042' });
        return {
          kind: 'answer',
          text: `Your order has ${outcome?.fields[0]?.value ?? ''}.`,
          citations: [],
          sources: [{ kind: 'lookup', name: 'order' }],
          confidence: 0.2,
          tried: [],
        };
      },
    };
    const result = await triage('has order 1042 shipped?', answerer, { tools, externalId: 'cus_ana' });
    expect(result.lookups).toEqual([orderLookup]);
    expect(result.action).toBe('answer');
    expect(result.confidence).toBeGreaterThanOrEqual(0.8);
  });
});
