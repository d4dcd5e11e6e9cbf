/**
 * The AI turn with an OpenAI-compatible model (issue 11), over real HTTP end to end: Baton talks
 * to a fake model server; answers are grounded and cited, tool calls are recorded as lookups for
 * the conversation's own customer, faults hand over as ai_unavailable and show in integration
 * health and /metrics, and the workspace LLM settings switch the answerer without a restart.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type FakeOpenAiServer, startFakeOpenAiServer } from '../../../test/support/fake-openai-server.ts';
import { eventually, request } from '../../../test/support/http.ts';
import { startTestBaton, TEST_SECRET, type TestBaton } from '../../../test/support/test-baton.ts';
import { signCustomerIdentity } from '../auth/customer-identity.ts';

let baton: TestBaton;
let fake: FakeOpenAiServer;

beforeAll(async () => {
  fake = await startFakeOpenAiServer({ apiKey: 'sk-env-key-5678' });
  baton = await startTestBaton({
    llm: {
      baseUrl: fake.baseUrl,
      apiKey: 'sk-env-key-5678',
      model: 'fake-model',
      timeoutMs: 3000,
      maxRetries: 1,
      prices: { inputPerMillion: 1, outputPerMillion: 2 },
    },
  });
});
afterAll(async () => {
  await baton?.close();
  await fake?.close();
});
afterEach(() => fake.script());

const start = async (externalId?: string) => {
  const started = await request(baton.url, 'POST', '/api/widget/conversations', {
    body: externalId ? { externalId, identitySignature: signCustomerIdentity(TEST_SECRET, externalId) } : {},
  });
  return { id: (started.body.conversation as { id: string }).id, token: String(started.body.token) };
};

type Reply = { author: string; kind: string; body: string; citations: { slug: string }[] };
const ask = async (text: string, externalId?: string) => {
  const { id, token } = await start(externalId);
  await request(baton.url, 'POST', `/api/widget/conversations/${id}/messages`, { token, body: { text } });
  const reply = await eventually(async () => {
    const view = await request(baton.url, 'GET', `/api/widget/conversations/${id}`, { token });
    return (view.body.messages as Reply[]).find((m) => m.author === 'ai');
  });
  return { id, reply, events: await baton.store.events.list(id) };
};

const signIn = async (email: string, password: string) =>
  String((await request(baton.url, 'POST', '/api/auth/sign-in', { body: { email, password } })).body.token);

describe('the AI turn with a model', () => {
  it('answers from the knowledge base with a citation, and records the tokens and cost', async () => {
    const before = fake.requests.length;
    const { reply, events } = await ask('How do I reset my password?');
    expect(reply.kind).not.toBe('handoff');
    expect(reply.citations[0]?.slug).toBe('reset-your-password');
    expect(fake.requests.length).toBeGreaterThan(before);
    const decision = events.find((event) => event.type === 'decision_made');
    expect(decision?.data).toMatchObject({
      trace: { answerer: { asked: true, usage: { model: 'fake-model' } } },
    });
  });

  it('looks up the order through a tool for the conversation’s own customer and records the lookup', async () => {
    const { reply, events } = await ask('where is my order 1042?', 'cus_ana');
    expect(reply.body).toMatch(/1042 is shipped/);
    const lookups = events.filter((event) => event.type === 'lookup_completed').map((event) => event.data);
    expect(lookups).toContainEqual(
      expect.objectContaining({
        name: 'order',
        status: 'ok',
        inputs: { 'customer.externalId': 'cus_ana', 'order.number': '1042' },
      }),
    );
  });

  it('cannot read another customer’s order: the lookup is made as the conversation’s customer', async () => {
    fake.script((request, index) =>
      index === 0 || !request.messages.some((m) => m.role === 'tool')
        ? { kind: 'tool_calls', calls: [{ name: 'order', arguments: '{"order_number":"1042"}' }] }
        : { kind: 'text', text: 'NO_ANSWER: the lookup found nothing.' },
    );
    const { events } = await ask('show me the order 1042 please', 'cus_ben');
    const order = events.find((event) => event.type === 'lookup_completed' && event.data.name === 'order');
    expect(order?.data).toMatchObject({ status: 'failed', inputs: { 'customer.externalId': 'cus_ben' } });
  });

  it('asks no model when the policy already hands over', async () => {
    const before = fake.requests.length;
    const { reply } = await ask('I want to talk to a real person');
    expect(reply.kind).toBe('handoff');
    expect(fake.requests.length).toBe(before);
  });

  it('hands over with ai_unavailable when the model fails, and ops see it in integration health', async () => {
    fake.script(() => ({ kind: 'status', status: 503 }));
    const { reply, events } = await ask('How do I reset my password?');
    expect(reply.kind).toBe('handoff');
    const handedOver = events.find((event) => event.type === 'handed_over');
    expect(JSON.stringify(handedOver?.data)).toContain('ai_unavailable');
    const health = await request(baton.url, 'GET', '/api/ops/integrations', {
      token: await signIn('sam@acme.test', 'sam-demo-pass'),
    });
    const provider = (health.body.integrations as { name: string; failures: number; calls: number }[]).find(
      (entry) => entry.name === 'ai: fake-model',
    );
    expect(provider?.failures).toBeGreaterThanOrEqual(1);
    expect(provider?.calls).toBeGreaterThan(provider?.failures ?? 0);
    // …and Prometheus counts the fault by kind, beside the provider's calls by status.
    const scraped = await (await fetch(`${baton.url}/metrics`)).text();
    expect(scraped).toMatch(
      /^baton_ai_provider_errors_total\{model="fake-model",fault="server_error"\} [1-9]/m,
    );
    expect(scraped).toMatch(
      /^baton_integration_call_duration_seconds_count\{integration="ai: fake-model",status="failed"\} [1-9]/m,
    );
    expect(scraped).toMatch(
      /^baton_integration_call_duration_seconds_count\{integration="ai: fake-model",status="ok"\} [1-9]/m,
    );
  });
});

describe('workspace LLM settings', () => {
  it('are changed by ops and admins only, keep the key write-only and encrypted, and switch the answerer', async () => {
    const agent = await signIn('maya@acme.test', 'maya-demo-pass');
    const admin = await signIn('sam@acme.test', 'sam-demo-pass');
    const read = await request(baton.url, 'GET', '/api/ops/llm-settings', { token: agent });
    expect(read.body).toMatchObject({
      mode: 'environment',
      effective: { answerer: 'llm', model: 'fake-model' },
    });
    const refused = await request(baton.url, 'PUT', '/api/ops/llm-settings', {
      token: agent,
      body: { mode: 'embedded' },
    });
    expect(refused.status).toBe(403);
    const invalid = await request(baton.url, 'PUT', '/api/ops/llm-settings', {
      token: admin,
      body: { mode: 'llm' },
    });
    expect(invalid.status).toBe(400);

    const embedded = await request(baton.url, 'PUT', '/api/ops/llm-settings', {
      token: admin,
      body: { mode: 'embedded' },
    });
    expect(embedded.body).toMatchObject({ mode: 'embedded', effective: { answerer: 'embedded' } });
    const before = fake.requests.length;
    await ask('How do I reset my password?');
    expect(fake.requests.length).toBe(before);

    const own = await request(baton.url, 'PUT', '/api/ops/llm-settings', {
      token: admin,
      body: {
        mode: 'llm',
        baseUrl: fake.baseUrl,
        model: 'workspace-model',
        apiKey: 'sk-env-key-5678',
        note: 'our own key',
      },
    });
    expect(own.body).toMatchObject({ mode: 'llm', hasApiKey: true, model: 'workspace-model' });
    expect(JSON.stringify(own.body)).not.toContain('sk-env-key-5678');
    const stored = await baton.store.settings.current(baton.baton.app.workspace.id, 'llm_provider');
    expect(JSON.stringify(stored?.value)).not.toContain('sk-env-key-5678');
    await ask('How do I reset my password?');
    expect(fake.requests.at(-1)).toMatchObject({
      model: 'workspace-model',
      authorization: 'Bearer sk-env-key-5678',
    });

    await request(baton.url, 'PUT', '/api/ops/llm-settings', { token: admin, body: { mode: 'environment' } });
  });

  it('refuses a save made from a version someone has saved over since, keeping theirs', async () => {
    const admin = await signIn('sam@acme.test', 'sam-demo-pass');
    const seen = await request(baton.url, 'GET', '/api/ops/llm-settings', { token: admin });
    const version = Number(seen.body.version);
    const save = (mode: string) =>
      request(baton.url, 'PUT', '/api/ops/llm-settings', {
        token: admin,
        body: { mode, basedOnVersion: version },
      });
    expect((await save('embedded')).status).toBe(200);
    const stale = await save('environment');
    expect([stale.status, stale.body.error?.code]).toEqual([409, 'conflict']);
    const after = await request(baton.url, 'GET', '/api/ops/llm-settings', { token: admin });
    expect(after.body).toMatchObject({ version: version + 1, mode: 'embedded' });
    await request(baton.url, 'PUT', '/api/ops/llm-settings', { token: admin, body: { mode: 'environment' } });
  });
});
