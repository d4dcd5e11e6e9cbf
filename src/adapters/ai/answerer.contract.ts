/**
 * The Answerer contract (STYLE: one contract suite per port): what every answerer — the embedded
 * retrieval answerer and the OpenAI-compatible provider — must do, run through the same core
 * that decides what is sent. Each implementation runs it with its own set-up.
 */
import { describe, expect, it } from 'vitest';
import type { LookupOutcome } from '../../core/handoff/index.ts';
import type { Answerer, AnswerRequest, LookupTools } from '../../core/ports/answerer.ts';
import { defaultPolicy, triageConversation } from '../../core/triage/index.ts';
import { fixedCategoryModel } from '../../core/triage/triage-fakes.ts';

export interface AnswererUnderTest {
  readonly answerer: Answerer;
  /** How many model requests were made so far (0 forever for the embedded answerer). */
  readonly modelRequests: () => number;
}

const orderLookup: LookupOutcome = {
  name: 'order',
  label: 'your order',
  inputs: { 'customer.externalId': 'cus_ana', 'order.number': '1042' },
  status: 'ok',
  fields: [
    { label: 'Order', value: '1042' },
    { label: 'Order status', value: 'shipped' },
    { label: 'Carrier', value: 'Royal Mail' },
  ],
  error: null,
  latencyMs: 4,
};

/** Lookup tools for the customer `cus_ana`; the calls made are recorded. */
export const anaTools = () => {
  const calls: { name: string; inputs: Readonly<Record<string, string>> }[] = [];
  const tools: LookupTools = {
    available: [{ name: 'order', label: 'your order', inputs: ['order.number'] }],
    async call(name, inputs) {
      calls.push({ name, inputs });
      const found = inputs['order.number'] === '1042';
      return found
        ? orderLookup
        : {
            ...orderLookup,
            inputs: { 'customer.externalId': 'cus_ana', ...inputs },
            status: 'failed',
            fields: [],
            error: 'not found',
          };
    },
  };
  return { tools, calls };
};

const request = (question: string, extra: Partial<AnswerRequest> = {}): AnswerRequest => ({
  question,
  transcript: [],
  category: null,
  ...extra,
});

const now = new Date('2026-11-24T11:00:00Z');

export const answererContract = (name: string, setUp: () => AnswererUnderTest): void => {
  describe(`Answerer contract: ${name}`, () => {
    it('drafts an answer to an in-domain question that cites an article and gives the cited text', async () => {
      const draft = await setUp().answerer.draft(request('How do I reset my password?'));
      expect(draft.kind).toBe('answer');
      if (draft.kind !== 'answer') return;
      expect(draft.citations[0]?.slug).toBe('reset-your-password');
      expect(draft.sources.some((source) => source.kind === 'article' && source.text.length > 0)).toBe(true);
      expect(draft.confidence).toBeGreaterThan(0);
      expect(draft.confidence).toBeLessThanOrEqual(1);
      expect(draft.tried[0]?.slug).toBe('reset-your-password');
    });

    it('declines a question the knowledge base does not cover', async () => {
      const draft = await setUp().answerer.draft(
        request('Can you recommend a good plumber in Glasgow for my boiler?'),
      );
      expect(draft.kind).toBe('no_answer');
    });

    it('passes the core grounding check: the turn answers with the cited article', async () => {
      const result = await triageConversation({
        policy: defaultPolicy(),
        categoryModel: fixedCategoryModel('account_access', 0.9),
        answerer: setUp().answerer,
        messages: [{ role: 'customer', text: 'How do I reset my password?' }],
        now,
      });
      expect(result.action).toBe('answer');
      expect(result.citations?.[0]?.slug).toBe('reset-your-password');
      expect(result.answerer.grounding?.grounded).toBe(true);
    });

    it('answers an identified customer’s order question from the order facts', async () => {
      const under = setUp();
      const { tools } = anaTools();
      const draft = await under.answerer.draft(
        request('where is my order 1042?', {
          category: 'order_status',
          customer: { identified: true, name: 'Ana' },
          lookups: [orderLookup],
          tools,
        }),
      );
      expect(draft.kind).toBe('answer');
      if (draft.kind !== 'answer') return;
      expect(draft.text).toMatch(/1042/);
      expect(draft.text).toMatch(/shipped/);
      expect(draft.sources).toContainEqual({ kind: 'lookup', name: 'order' });
    });

    it('streams text that the final answer begins with, in order', async () => {
      const deltas: string[] = [];
      const draft = await setUp().answerer.draft(
        request('How do I reset my password?', { onDelta: (delta) => deltas.push(delta) }),
      );
      expect(draft.kind).toBe('answer');
      if (draft.kind !== 'answer') return;
      const flat = (text: string) => text.replace(/\s+/g, ' ').trim();
      expect(deltas.length).toBeGreaterThan(0);
      expect(flat(draft.text).startsWith(flat(deltas.join('')))).toBe(true);
    });

    it('retrieves the articles tried without asking a model', async () => {
      const under = setUp();
      const before = under.modelRequests();
      const found = await under.answerer.retrieve?.(request('How do I reset my password?'));
      expect(found?.tried[0]?.slug).toBe('reset-your-password');
      expect(under.modelRequests()).toBe(before);
    });

    it('stops when its signal is already aborted', async () => {
      const controller = new AbortController();
      controller.abort();
      await expect(
        setUp().answerer.draft(request('How do I reset my password?', { signal: controller.signal })),
      ).rejects.toThrow();
    });
  });
};
