/**
 * The OpenAI-compatible provider's faults, against a fake server over real HTTP: every kind ends
 * in an `ai_unavailable` handover, retries are bounded, and the usage and cost of a turn are kept.
 */
import { createServer } from 'node:net';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  type FakeChatRequest,
  type FakeOpenAiServer,
  type FakeReply,
  startFakeOpenAiServer,
} from '../../../test/support/fake-openai-server.ts';
import type { Article } from '../../core/model.ts';
import type { LookupTools } from '../../core/ports/answerer.ts';
import { defaultPolicy, triageConversation } from '../../core/triage/index.ts';
import { fixedCategoryModel } from '../../core/triage/triage-fakes.ts';
import { readKnowledgeFolder, toMemoryArticles } from '../knowledge/markdown-folder.ts';
import { anaTools } from './answerer.contract.ts';
import {
  createOpenAiCompatibleAnswerer,
  type LlmCallRecord,
  type LlmSettings,
} from './openai-compatible-answerer.ts';
import { createMemoryKnowledgeSearch } from './retrieval-answerer.ts';

const demoKnowledge = resolve(dirname(fileURLToPath(import.meta.url)), '../../../demo/knowledge');
let articles: Article[] = [];
let fake: FakeOpenAiServer;
beforeAll(async () => {
  articles = toMemoryArticles((await readKnowledgeFolder(demoKnowledge)).articles);
  fake = await startFakeOpenAiServer({ apiKey: 'sk-secret-key-1234' });
});
afterAll(() => fake?.close());
afterEach(() => {
  fake.script();
  fake.requests.length = 0;
});

const settings = (overrides: Partial<LlmSettings> = {}): LlmSettings => ({
  baseUrl: fake.baseUrl,
  apiKey: 'sk-secret-key-1234',
  model: 'fake-model',
  // Generous, so a loaded machine never turns a scripted fault into a time-out.
  timeoutMs: 10_000,
  maxRetries: 1,
  prices: { inputPerMillion: 1, outputPerMillion: 2 },
  ...overrides,
});

const turn = async (text: string, options: { settings?: LlmSettings; tools?: LookupTools } = {}) => {
  const records: LlmCallRecord[] = [];
  const answerer = createOpenAiCompatibleAnswerer({
    settings: options.settings ?? settings(),
    search: createMemoryKnowledgeSearch(articles),
    observe: (record) => records.push(record),
  });
  const result = await triageConversation({
    policy: defaultPolicy(),
    categoryModel: fixedCategoryModel('order_status', 0.9),
    answerer,
    messages: [{ role: 'customer', text }],
    customer: { name: 'Ana', plan: 'pro', externalId: 'cus_ana', email: null },
    now: new Date('2026-11-24T11:00:00Z'),
    ...(options.tools ? { tools: options.tools } : {}),
  });
  return { result, records };
};

const closedPort = async (): Promise<number> => {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  await new Promise<void>((done) => server.close(() => done()));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
};

describe('OpenAI-compatible provider faults', () => {
  const always = (reply: FakeReply) => () => reply;
  it.each([
    ['a 500', always({ kind: 'status', status: 500 }), 'server_error'],
    ['a 429', always({ kind: 'status', status: 429, retryAfterSeconds: 0 }), 'rate_limited'],
    ['a 401', always({ kind: 'status', status: 401 }), 'refused'],
    ['no answer before the deadline', always({ kind: 'hang' }), 'timeout'],
    ['a dropped connection mid-stream', always({ kind: 'drop' }), null],
    ['malformed stream data', always({ kind: 'malformed' }), 'malformed_output'],
    ['an empty reply', always({ kind: 'empty' }), 'empty_output'],
    [
      'a call to a tool it was not offered',
      always({ kind: 'tool_calls', calls: [{ name: 'refund_payment', arguments: '{}' }] }),
      'unknown_tool',
    ],
    [
      'a tool call naming another customer',
      always({
        kind: 'tool_calls',
        calls: [{ name: 'order', arguments: '{"order_number":"1042","customer_id":"cus_ben"}' }],
      }),
      'bad_tool_arguments',
    ],
    [
      'tool arguments that are not JSON',
      always({ kind: 'tool_calls', calls: [{ name: 'order', arguments: '{order' }] }),
      'bad_tool_arguments',
    ],
    [
      'a model that keeps calling tools',
      always({ kind: 'tool_calls', calls: [{ name: 'order', arguments: '{"order_number":"1042"}' }] }),
      'too_many_tool_calls',
    ],
  ])('hands over with ai_unavailable on %s', async (_what, script, fault) => {
    fake.script(script);
    const { tools } = anaTools();
    const { result, records } = await turn('where is my order 1042?', {
      tools,
      settings: settings(fault === 'timeout' ? { timeoutMs: 1000 } : {}),
    });
    expect(result.action).toBe('escalate');
    expect(result.reasons.map((reason) => reason.code)).toEqual(['ai_unavailable']);
    expect(result.handoff?.message).toContain('where is my order 1042?');
    if (fault) expect(result.answerer.fault).toBe(fault);
    expect(records.at(-1)?.ok).toBe(false);
    // Bounded: one request and at most `maxRetries` retries per round, at most four rounds.
    expect(fake.requests.length).toBeLessThanOrEqual(8);
    expect(JSON.stringify(result)).not.toContain('sk-secret-key-1234');
  });

  it('retries a failed request at most maxRetries times', async () => {
    fake.script(() => ({ kind: 'status', status: 503 }));
    await turn('How do I reset my password?', { settings: settings({ maxRetries: 2, timeoutMs: 15_000 }) });
    expect(fake.requests).toHaveLength(3);
  });

  it('recovers when a retry succeeds', async () => {
    fake.script((request, index) => (index === 0 ? { kind: 'status', status: 502 } : groundedReply(request)));
    const { result } = await turn('How do I reset my password?');
    expect(result.action).toBe('answer');
  });

  it('hands over when the endpoint refuses connections', async () => {
    const { result } = await turn('How do I reset my password?', {
      settings: settings({ baseUrl: `http://127.0.0.1:${await closedPort()}/v1`, maxRetries: 0 }),
    });
    expect(result.reasons.map((reason) => reason.code)).toEqual(['ai_unavailable']);
    expect(result.answerer.fault).toBe('connection');
  });

  it('sends the key as a bearer token and the lookups as tools with JSON schemas', async () => {
    const { tools, calls } = anaTools();
    const { result } = await turn('where is my order 1042?', { tools });
    expect(fake.requests[0]?.authorization).toBe('Bearer sk-secret-key-1234');
    expect(fake.requests[0]?.tools?.[0]?.function).toMatchObject({
      name: 'order',
      parameters: { type: 'object', required: ['order_number'], additionalProperties: false },
    });
    expect(calls).toEqual([{ name: 'order', inputs: { 'order.number': '1042' } }]);
    expect(result.lookups.map((lookup) => lookup.name)).toEqual(['order']);
    expect(result.action).toBe('answer');
    expect(result.answer).toMatch(/1042 is shipped/);
  });

  it('records the tokens and cost of the turn', async () => {
    const { result, records } = await turn('How do I reset my password?');
    const usage = result.answerer.usage;
    expect(usage?.model).toBe('fake-model');
    expect(usage?.promptTokens).toBeGreaterThan(0);
    expect(usage?.costUsd).toBeCloseTo(
      ((usage?.promptTokens ?? 0) * 1 + (usage?.completionTokens ?? 0) * 2) / 1e6,
      6,
    );
    expect(records.at(-1)?.ok).toBe(true);
  });

  it('does not send a draft that states what its sources do not', async () => {
    fake.script(() => ({
      kind: 'text',
      text: 'Your order 1042 will arrive on Friday and shipping is free [1].',
    }));
    const { result } = await turn('where is my order?');
    expect(result.reasons.map((reason) => reason.code)).toEqual(['no_answer']);
    expect(result.handoff?.packet.draft).toBe('Your order 1042 will arrive on Friday and shipping is free.');
  });
});

const groundedReply = (request: FakeChatRequest): FakeReply => {
  const sources = request.messages.map((m) => m.content ?? '').join('\n');
  const first = /^\[1\] Article "[^"]*": ([^.]*\.)/m.exec(sources)?.[1] ?? '';
  return { kind: 'text', text: `${first} [1]` };
};
