import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { request } from '../../../test/support/http.ts';
import { startTestBaton, type TestBaton } from '../../../test/support/test-baton.ts';
import { createTestDatabase, type TestDatabase, testDatabaseUrl } from '../../adapters/store/testing.ts';
import { defaultRateLimitSettings, type RateLimitSettings } from './rate-limit-settings.ts';

const tight: RateLimitSettings = {
  ...defaultRateLimitSettings,
  signInFailuresPerAccount: 5,
  signInLockSeconds: 1,
  signInMaxLockSeconds: 60,
  signInFailuresPerIp: { points: 12, seconds: 3600 },
  newConversationsPerIp: { points: 3, seconds: 3600 },
  messagesPerCustomer: { points: 3, seconds: 3600 },
  messagesPerIp: { points: 1000, seconds: 3600 },
  requestsPerApiKey: { points: 3, seconds: 3600 },
};

/** Each test speaks from its own address (X-Forwarded-For through one trusted proxy), so counters do not mix. */
let nextAddress = 1;
const freshAddress = () => `203.0.113.${nextAddress++}`;

const from = (address: string) => ({ 'x-forwarded-for': address });

const call = async (
  baton: TestBaton,
  method: string,
  path: string,
  options: { body?: unknown; token?: string; address: string },
) => {
  const response = await fetch(`${baton.url}${path}`, {
    method,
    headers: {
      'content-type': 'application/json',
      ...from(options.address),
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
    },
    body: options.body === undefined ? null : JSON.stringify(options.body),
  });
  const text = await response.text();
  return {
    status: response.status,
    body: (text ? JSON.parse(text) : {}) as { error?: { code: string; message: string } } & Record<
      string,
      unknown
    >,
    retryAfter: response.headers.get('retry-after'),
  };
};

let baton: TestBaton;
beforeAll(async () => {
  baton = await startTestBaton({ rateLimits: tight, trustedProxyHops: 1 });
});
afterAll(async () => baton?.close());

const admin = () => {
  const found = baton.agents.find((a) => a.role === 'admin');
  if (!found) throw new Error('the demo has no admin');
  return found;
};

const signIn = (email: string, password: string, address: string) =>
  call(baton, 'POST', '/api/auth/sign-in', { body: { email, password }, address });

describe('sign-in limits', () => {
  it('locks an account after 5 wrong passwords: the right one then gets 429 with Retry-After', async () => {
    const { email, password } = admin();
    const address = freshAddress();
    for (let i = 0; i < 5; i += 1) {
      expect((await signIn(email, `wrong-${i}`, address)).status).toBe(401);
    }
    const right = await signIn(email, password, address);
    expect(right.status).toBe(429);
    expect(right.body.error?.code).toBe('rate_limited');
    expect(right.body.error?.message).toMatch(
      /locked after too many failed sign-ins\. Try again in \d+ seconds/,
    );
    expect(Number(right.retryAfter)).toBeGreaterThanOrEqual(1);
    // The lock holds from another address too: it is the account that is locked.
    expect((await signIn(email, password, freshAddress())).status).toBe(429);
  });

  it('locks for twice as long the next time (back-off), and a success resets the count', async () => {
    const agent = baton.agents.find((a) => a.role === 'agent');
    if (!agent) throw new Error('the demo has no agent');
    const address = freshAddress();
    const failFiveTimes = async () => {
      for (let i = 0; i < 5; i += 1) await signIn(agent.email, 'nope', address);
    };
    await failFiveTimes();
    const first = await signIn(agent.email, agent.password, address);
    expect(first.retryAfter).toBe('1');
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    await failFiveTimes();
    const second = await signIn(agent.email, agent.password, address);
    expect(second.status).toBe(429);
    expect(second.retryAfter).toBe('2');
    await new Promise((resolve) => setTimeout(resolve, 2_100));
    // (A new address: this one has used up most of its own allowance of failures.)
    const next = freshAddress();
    for (let i = 0; i < 4; i += 1) await signIn(agent.email, 'nope', next);
    expect((await signIn(agent.email, agent.password, next)).status).toBe(200);
    for (let i = 0; i < 4; i += 1) await signIn(agent.email, 'nope', next);
    expect((await signIn(agent.email, agent.password, next)).status).toBe(200);
  });

  it('locks unknown emails exactly like real ones, so a lock tells nothing about who has an account', async () => {
    const address = freshAddress();
    const statuses = [];
    for (let i = 0; i < 6; i += 1)
      statuses.push((await signIn('nobody@example.com', 'guess', address)).status);
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
  });

  it('refuses an address after too many failures across accounts', async () => {
    const address = freshAddress();
    for (let i = 0; i < 12; i += 1) {
      expect((await signIn(`spray${i}@example.com`, 'password1', address)).status).toBe(401);
    }
    const next = await signIn('someone-else@example.com', 'password1', address);
    expect(next.status).toBe(429);
    expect(next.body.error?.message).toMatch(/from your network/);
    expect((await signIn(admin().email, 'wrong', freshAddress())).status).toBe(401);
  });
});

describe('API key limits', () => {
  it("refuses a key's fourth request with 429 and Retry-After; another key goes on", async () => {
    const { email, password } = admin();
    const address = freshAddress();
    const token = String((await signIn(email, password, address)).body.token);
    const newKey = async () => {
      const body = { name: 'Reporting job', scopes: ['metrics:read'] };
      const created = await call(baton, 'POST', '/api/settings/api-keys', { body, token, address });
      return String(created.body.secret);
    };
    const [busy, calm] = [await newKey(), await newKey()];
    for (let i = 0; i < 3; i += 1) {
      expect((await call(baton, 'GET', '/api/metrics', { token: busy, address })).status).toBe(200);
    }
    const refused = await call(baton, 'GET', '/api/metrics', { token: busy, address });
    expect(refused.status).toBe(429);
    expect(refused.body.error?.message).toMatch(/API key is over its request rate/);
    expect(Number(refused.retryAfter)).toBeGreaterThan(0);
    expect((await call(baton, 'GET', '/api/metrics', { token: calm, address })).status).toBe(200);
  });
});

describe('customer chat limits', () => {
  it('refuses a fourth new conversation from one address with 429 and Retry-After; other addresses go on', async () => {
    const address = freshAddress();
    const statuses = [];
    for (let i = 0; i < 4; i += 1) {
      statuses.push((await call(baton, 'POST', '/api/widget/conversations', { body: {}, address })).status);
    }
    expect(statuses).toEqual([201, 201, 201, 429]);
    const refused = await call(baton, 'POST', '/api/widget/conversations', { body: {}, address });
    expect(refused.body.error?.code).toBe('rate_limited');
    expect(Number(refused.retryAfter)).toBeGreaterThan(3000);
    expect(
      (await call(baton, 'POST', '/api/widget/conversations', { body: {}, address: freshAddress() })).status,
    ).toBe(201);
  });

  it('refuses a customer’s fourth message and stores nothing for it', async () => {
    const started = await call(baton, 'POST', '/api/widget/conversations', {
      body: {},
      address: freshAddress(),
    });
    const token = String(started.body.token);
    const id = (started.body.conversation as { id: string }).id;
    const send = (text: string) =>
      call(baton, 'POST', `/api/widget/conversations/${id}/messages`, {
        body: { text },
        token,
        address: freshAddress(),
      });
    for (const text of ['one', 'two', 'three']) expect((await send(text)).status).toBe(201);
    const fourth = await send('four');
    expect(fourth.status).toBe(429);
    expect(fourth.body.error?.code).toBe('rate_limited');
    const view = await request(baton.url, 'GET', `/api/widget/conversations/${id}`, { token });
    const bodies = (view.body.messages as { author: string; body: string }[])
      .filter((m) => m.author === 'customer')
      .map((m) => m.body);
    expect(bodies).toEqual(['one', 'two', 'three']);
  });
});

describe.skipIf(testDatabaseUrl() === undefined)('limits across processes (PostgreSQL)', () => {
  let database: TestDatabase;
  const processes: TestBaton[] = [];
  beforeAll(async () => {
    database = await createTestDatabase();
    for (let i = 0; i < 2; i += 1) {
      processes.push(
        await startTestBaton({ databaseUrl: database.url, rateLimits: tight, trustedProxyHops: 1 }),
      );
    }
  });
  afterAll(async () => {
    for (const running of processes) await running.close();
    await database?.drop();
  });

  it('counts new conversations from one address on every process sharing the database', async () => {
    const address = freshAddress();
    const statuses = [];
    for (let i = 0; i < 4; i += 1) {
      const target = processes[i % 2];
      if (!target) throw new Error('two processes were started');
      statuses.push((await call(target, 'POST', '/api/widget/conversations', { body: {}, address })).status);
    }
    expect(statuses).toEqual([201, 201, 201, 429]);
  });
});
