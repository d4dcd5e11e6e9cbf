import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { eventually, request } from '../../../test/support/http.ts';
import { startTestBaton, TEST_SECRET, type TestBaton } from '../../../test/support/test-baton.ts';
import { signCustomerIdentity } from '../auth/customer-identity.ts';
import { issueCustomerToken } from '../auth/customer-token.ts';

let baton: TestBaton;
beforeAll(async () => {
  baton = await startTestBaton();
});
afterAll(async () => baton?.close());

const start = async () => {
  const res = await request(baton.url, 'POST', '/api/widget/conversations', { body: {} });
  expect(res.status).toBe(201);
  const conversation = res.body.conversation as { id: string };
  return { id: conversation.id, token: String(res.body.token) };
};

const messagesOf = async (c: { id: string; token: string }) => {
  const res = await request(baton.url, 'GET', `/api/widget/conversations/${c.id}`, { token: c.token });
  return res.body.messages as {
    author: string;
    kind: string;
    body: string;
    citations: { title: string }[];
  }[];
};

describe('customer chat API', () => {
  it('answers an order question from the knowledge base, citing the article', async () => {
    const c = await start();
    const sent = await request(baton.url, 'POST', `/api/widget/conversations/${c.id}/messages`, {
      token: c.token,
      body: { text: 'where is my order 1042?' },
    });
    expect(sent.status).toBe(201);
    const answer = await eventually(async () => (await messagesOf(c)).find((m) => m.author === 'ai'));
    expect(answer.kind).toBe('message');
    expect(answer.citations.length).toBeGreaterThan(0);
  });

  it('hands over at once when the customer asks for a person, with a message that is not a bare "please wait"', async () => {
    const c = await start();
    await request(baton.url, 'POST', `/api/widget/conversations/${c.id}/messages`, {
      token: c.token,
      body: { text: 'I want to talk to a real person' },
    });
    const handoff = await eventually(async () => (await messagesOf(c)).find((m) => m.kind === 'handoff'));
    expect(handoff.body).toContain('talk to a real person');
    expect(handoff.body).toMatch(/repeat/);
    const view = await request(baton.url, 'GET', `/api/widget/conversations/${c.id}`, { token: c.token });
    expect(view.body.state).toMatch(/queued|assigned/);
  });

  it('compresses what is read, not the small acknowledgement of a write', async () => {
    const c = await start();
    const headers = {
      authorization: `Bearer ${c.token}`,
      'content-type': 'application/json',
      'accept-encoding': 'gzip',
    };
    const longQuestion = 'My parcel has not arrived and I would like to know where it is. '.repeat(40).trim();
    const sent = await fetch(`${baton.url}/api/widget/conversations/${c.id}/messages`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ text: longQuestion }),
    });
    expect(sent.status).toBe(201);
    expect(sent.headers.get('content-encoding')).toBeNull();
    expect(((await sent.json()) as { message: { body: string } }).message.body).toBe(longQuestion);
    const read = await fetch(`${baton.url}/api/widget/conversations/${c.id}`, { headers });
    expect(read.status).toBe(200);
    expect(read.headers.get('content-encoding')).toBe('gzip');
  });

  it('stores a retried send with the same idempotency key once', async () => {
    const c = await start();
    const body = { text: 'how do I reset my password?', idempotencyKey: 'retry-key-0001' };
    const first = await request(baton.url, 'POST', `/api/widget/conversations/${c.id}/messages`, {
      token: c.token,
      body,
    });
    const second = await request(baton.url, 'POST', `/api/widget/conversations/${c.id}/messages`, {
      token: c.token,
      body,
    });
    expect(first.status).toBe(201);
    expect(second.status).toBe(200);
    expect(second.body.duplicate).toBe(true);
    expect((await messagesOf(c)).filter((m) => m.author === 'customer')).toHaveLength(1);
  });

  it('pushes the AI answer live over the WebSocket', async () => {
    const c = await start();
    const ws = new WebSocket(
      `${baton.url.replace('http', 'ws')}/api/live?conversation=${c.id}&token=${encodeURIComponent(c.token)}`,
    );
    const received: { type: string; message?: { author: string } }[] = [];
    ws.on('message', (data) => received.push(JSON.parse(String(data))));
    await eventually(async () => received.find((u) => u.type === 'ready'));
    await request(baton.url, 'POST', `/api/widget/conversations/${c.id}/messages`, {
      token: c.token,
      body: { text: 'what payment methods do you accept?' },
    });
    await eventually(async () => received.find((u) => u.type === 'message' && u.message?.author === 'ai'));
    ws.close();
  });
});

describe('customer isolation', () => {
  it('never lets one customer read another customer’s conversation', async () => {
    const alice = await start();
    const bob = await start();
    const res = await request(baton.url, 'GET', `/api/widget/conversations/${alice.id}`, {
      token: bob.token,
    });
    expect(res.status).toBe(403);
    expect(res.body.error?.code).toBe('forbidden');
  });

  it('never lets one customer write into another customer’s conversation', async () => {
    const alice = await start();
    const bob = await start();
    const res = await request(baton.url, 'POST', `/api/widget/conversations/${alice.id}/messages`, {
      token: bob.token,
      body: { text: 'hello' },
    });
    expect(res.status).toBe(403);
    expect(await messagesOf(alice)).toHaveLength(0);
  });

  it('refuses a live connection with another conversation’s token', async () => {
    const alice = await start();
    const bob = await start();
    const ws = new WebSocket(
      `${baton.url.replace('http', 'ws')}/api/live?conversation=${alice.id}&token=${bob.token}`,
    );
    const status = await new Promise<number>((resolve) =>
      ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0)),
    );
    expect(status).toBe(401);
  });
});

describe('bad input is refused clearly and stores nothing', () => {
  const send = (c: { id: string; token: string }, options: { body?: unknown; rawBody?: string }) =>
    request(baton.url, 'POST', `/api/widget/conversations/${c.id}/messages`, { token: c.token, ...options });

  it.each([
    { name: 'an empty message', request: { body: { text: '   ' } }, status: 400, code: 'message_empty' },
    {
      name: 'an oversized message',
      request: { body: { text: 'x'.repeat(4001) } },
      status: 413,
      code: 'message_too_long',
    },
    {
      name: 'a message that is not text',
      request: { body: { text: 42 } },
      status: 400,
      code: 'invalid_input',
    },
    { name: 'malformed JSON', request: { rawBody: '{"text": "hi"' }, status: 400, code: 'malformed_json' },
    {
      name: 'unknown fields',
      request: { body: { text: 'hi', admin: true } },
      status: 400,
      code: 'invalid_input',
    },
  ])('$name gets $status $code', async ({ request: options, status, code }) => {
    const c = await start();
    const res = await send(c, options);
    expect(res.status).toBe(status);
    expect(res.body.error?.code).toBe(code);
    expect(res.body.error?.message.length).toBeGreaterThan(10);
    expect(await messagesOf(c)).toHaveLength(0);
  });

  it('an unknown conversation id is 404 for its token holder', async () => {
    const token = issueCustomerToken(TEST_SECRET, {
      conversationId: '00000000-0000-4000-8000-000000000000',
      customerId: '00000000-0000-4000-8000-000000000001',
      expiresAt: new Date(Date.now() + 60_000),
    });
    const res = await request(
      baton.url,
      'GET',
      '/api/widget/conversations/00000000-0000-4000-8000-000000000000',
      {
        token,
      },
    );
    expect(res.status).toBe(404);
    expect(res.body.error?.code).toBe('conversation_not_found');
  });

  it('an expired token is 401 token_expired', async () => {
    const c = await start();
    const expired = issueCustomerToken(TEST_SECRET, {
      conversationId: c.id,
      customerId: 'whoever',
      expiresAt: new Date(Date.now() - 1000),
    });
    const res = await request(baton.url, 'GET', `/api/widget/conversations/${c.id}`, { token: expired });
    expect(res.status).toBe(401);
    expect(res.body.error?.code).toBe('token_expired');
  });

  it('a missing token is 401 with what to send', async () => {
    const c = await start();
    const res = await request(baton.url, 'GET', `/api/widget/conversations/${c.id}`);
    expect(res.status).toBe(401);
    expect(res.body.error?.message).toContain('Authorization: Bearer');
  });

  it('keeps serving after all of that', async () => {
    const res = await request(baton.url, 'GET', '/api/health');
    expect(res.body).toEqual({ ok: true });
    expect(baton.errors).toEqual([]);
  });
});

describe('OpenAPI document', () => {
  it('describes the chat and inbox routes from the validating schemas', async () => {
    const res = await request(baton.url, 'GET', '/openapi.json');
    const paths = Object.keys(res.body.paths as object);
    expect(paths).toContain('/api/widget/conversations/{id}/messages');
    expect(paths).toContain('/api/inbox/conversations/{id}/replies');
  });
});

describe('identified customers with an expiring signature', () => {
  const startAs = (externalId: string, expires?: number, signedExpires = expires) =>
    request(baton.url, 'POST', '/api/widget/conversations', {
      body: {
        externalId,
        identitySignature: signCustomerIdentity(TEST_SECRET, externalId, signedExpires),
        ...(expires === undefined ? {} : { identityExpires: expires }),
      },
    });
  const nowSeconds = () => Math.floor(Date.now() / 1000);

  it('starts the conversation before the expiry, and still with a signature without one', async () => {
    expect((await startAs('cus_ana', nowSeconds() + 600)).status).toBe(201);
    expect((await startAs('cus_ana')).status).toBe(201);
  });

  it('refuses an expired signature with identity_expired, and a moved expiry as invalid', async () => {
    const expired = await startAs('cus_ana', nowSeconds() - 60);
    expect(expired.status).toBe(401);
    expect(expired.body.error?.code).toBe('identity_expired');
    const moved = await startAs('cus_ana', nowSeconds() + 600, nowSeconds() - 60);
    expect(moved.status).toBe(401);
    expect(moved.body.error?.code).toBe('token_invalid');
  });
});
