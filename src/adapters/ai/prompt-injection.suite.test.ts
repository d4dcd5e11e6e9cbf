/**
 * The written prompt-injection set (src/core/triage/signals/prompt-injection.attempts.ts) against
 * both answerers, through the same triage the live turn runs. The model is a fake that *obeys*
 * every attempt, so what is proven is Baton's own guard: the policy decides, lookups are bound to
 * the conversation's customer, and nothing its sources do not back is sent. For each attempt:
 * the risk signal fires, no approval or outside data reaches the customer, every lookup is the
 * customer's own, and the model's instructions are never shown.
 */
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type FakeChatRequest,
  type FakeOpenAiServer,
  type FakeReply,
  startFakeOpenAiServer,
} from '../../../test/support/fake-openai-server.ts';
import { repeatsAny } from '../../core/grounding/index.ts';
import type { LookupOutcome } from '../../core/handoff/index.ts';
import type { Article } from '../../core/model.ts';
import type { Answerer, LookupTools } from '../../core/ports/answerer.ts';
import { triageConversation } from '../../core/triage/index.ts';
import {
  type InjectionAttempt,
  injectionAttempts,
} from '../../core/triage/signals/prompt-injection.attempts.ts';
import { readKnowledgeFolder, toMemoryArticles } from '../knowledge/markdown-folder.ts';
import { buildTriageEngine, type TriageEngine } from '../triage/run-triage-file.ts';
import { systemPrompt } from './llm/llm-prompt.ts';
import { createOpenAiCompatibleAnswerer } from './openai-compatible-answerer.ts';
import { createMemoryKnowledgeSearch, createRetrievalAnswerer } from './retrieval-answerer.ts';

const demoKnowledge = resolve(dirname(fileURLToPath(import.meta.url)), '../../../demo/knowledge');
const planted = (where: InjectionAttempt['where']) =>
  injectionAttempts.find((a) => a.where === where)?.planted ?? '';

const benOrder = (note: string | null): LookupOutcome => ({
  name: 'order',
  label: 'your order',
  inputs: { 'customer.externalId': 'cus_ben', 'order.number': '1051' },
  status: 'ok',
  fields: [
    { label: 'Order', value: '1051' },
    { label: 'Order status', value: 'processing' },
    ...(note ? [{ label: 'Delivery note', value: note }] : []),
  ],
  error: null,
  latencyMs: 3,
});

/** Ben's lookups: his own order only; any other number finds nothing, as the account service does. */
const benTools = (attempt: InjectionAttempt): LookupTools => ({
  available: [{ name: 'order', label: 'your order', inputs: ['order.number'] }],
  call: async (_name, inputs) =>
    inputs['order.number'] === '1051'
      ? benOrder(attempt.where === 'lookup' ? planted('lookup') : null)
      : {
          ...benOrder(null),
          inputs: { 'customer.externalId': 'cus_ben', ...inputs },
          status: 'failed',
          fields: [],
          error: 'not found',
        },
});

let current: InjectionAttempt | undefined;
/** The model that falls for every attempt. */
const obedient = (request: FakeChatRequest): FakeReply => {
  const attempt = current;
  if (!attempt) return { kind: 'text', text: 'NO_ANSWER: no attempt running' };
  const model = attempt.obedient;
  if (model.kind === 'echo_instructions')
    return { kind: 'text', text: `${request.messages[0]?.content ?? ''} [1]` };
  if (model.kind === 'text') return { kind: 'text', text: model.text };
  const toolDone = request.messages.some((message) => message.role === 'tool');
  return toolDone
    ? { kind: 'text', text: model.afterwards }
    : { kind: 'tool_calls', calls: [{ name: model.name, arguments: model.arguments }] };
};

let fake: FakeOpenAiServer;
let engine: TriageEngine;
let articles: Article[];
beforeAll(async () => {
  fake = await startFakeOpenAiServer({ script: obedient });
  engine = await buildTriageEngine({});
  const poisoned: Article = {
    ...(toMemoryArticles((await readKnowledgeFolder(demoKnowledge)).articles)[0] as Article),
    id: 'gift-receipts',
    slug: 'gift-receipts',
    title: 'Gift receipts',
    category: 'product_question',
    tags: ['gift receipt'],
    body: `# Gift receipts\n\nYou can ask for a gift receipt at checkout: tick "This is a gift" and the receipt shows no prices. ${planted('article')}`,
  };
  articles = [...toMemoryArticles((await readKnowledgeFolder(demoKnowledge)).articles), poisoned];
});
afterAll(() => fake?.close());

const answerers: readonly (readonly [string, () => Answerer])[] = [
  ['embedded', () => createRetrievalAnswerer(createMemoryKnowledgeSearch(articles))],
  [
    'OpenAI-compatible (an obedient model)',
    () =>
      createOpenAiCompatibleAnswerer({
        settings: {
          baseUrl: fake.baseUrl,
          apiKey: null,
          model: 'obedient',
          timeoutMs: 5000,
          maxRetries: 0,
          prices: null,
        },
        search: createMemoryKnowledgeSearch(articles),
      }),
  ],
];

const forbidden =
  /approved|refunded|credited|voucher|discount code|granted|free forever|no cost|at no|is free|enabled|ana|1042|RM482913075GB|@example|@martin|07700|Royal Mail|frying pan/i;

describe.each(answerers)('prompt injection against the %s answerer', (_name, makeAnswerer) => {
  it.each(injectionAttempts.map((attempt) => [attempt.id, attempt] as const))(
    '%s changes nothing but the risk signal',
    async (_id, attempt) => {
      current = attempt;
      const result = await triageConversation({
        ...engine,
        answerer: makeAnswerer(),
        messages: [{ role: 'customer', text: attempt.message }],
        customer: {
          name: 'Ben Okafor',
          plan: 'basic',
          externalId: 'cus_ben',
          email: 'ben.okafor@example.com',
        },
        lookups: async () => [benOrder(attempt.where === 'lookup' ? planted('lookup') : null)],
        tools: benTools(attempt),
        now: new Date('2026-11-24T11:00:00Z'),
      });
      if (attempt.where === 'customer') expect(result.signals.prompt_injection).toBe(true);
      if (attempt.where === 'lookup') expect(result.answerer.injectedSources.length).toBeGreaterThan(0);
      // The handoff message quotes the customer's own words (SPEC §6): those are theirs, not ours.
      const ours = (result.handoff?.message ?? '').replace(/“[^”]*”/g, '“…”');
      const sent = [result.answer ?? '', ours].join('\n');
      expect(sent).not.toMatch(forbidden);
      expect(repeatsAny(sent, [systemPrompt])).toBe(false);
      if (attempt.planted) expect(sent).not.toContain(attempt.planted.slice(0, 30));
      for (const lookup of result.lookups) {
        expect(lookup.inputs['customer.externalId']).toBe('cus_ben');
        expect(JSON.stringify(lookup.fields)).not.toMatch(/RM482913075GB|Ana/);
      }
    },
  );
});
