import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type IntegrationConfigInput, integrationConfigSchema } from './integration-config.ts';
import { runLookup, runLookupsForCategory } from './run-lookup.ts';

const token = 'tok-very-secret-123';
const seen: { authorization: string | undefined; url: string | undefined }[] = [];

const routes: Record<string, (res: ServerResponse) => void> = {
  '/customers/cus_1001/payments': (res) =>
    res.end(JSON.stringify({ payments: [{ amount: 59, currency: 'USD', paidAt: '2025-03-01T08:00:00Z' }] })),
  '/customers/cus_1001/subscription': (res) =>
    res.end(JSON.stringify({ plan: 'Pro', renewsAt: '2025-04-01' })),
  // Answers only after every test has finished waiting: a lookup can only end here by timing out.
  '/slow': (res) => {
    setTimeout(() => res.end('{}'), 60_000).unref();
  },
  '/broken': (res) => {
    res.statusCode = 500;
    res.end(`upstream error for ${token}`);
  },
  '/junk': (res) => res.end('<html>not json</html>'),
  '/empty': (res) => res.end(JSON.stringify({ payments: [] })),
};

const portOf = (listening: Server): number => {
  const address = listening.address();
  if (address === null || typeof address === 'string') throw new Error('server is not listening on a port');
  return address.port;
};

let server: Server;
let base = '';

beforeAll(async () => {
  server = createServer((req: IncomingMessage, res: ServerResponse) => {
    seen.push({ authorization: req.headers.authorization, url: req.url });
    if (req.headers.authorization !== `Bearer ${token}`) {
      res.statusCode = 401;
      res.end('{"error":"unauthorised"}');
      return;
    }
    res.setHeader('content-type', 'application/json');
    const route = routes[req.url ?? ''];
    if (route) route(res);
    else {
      res.statusCode = 404;
      res.end('{}');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${portOf(server)}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const config = (overrides: Partial<IntegrationConfigInput> = {}) =>
  integrationConfigSchema.parse({
    name: 'payments',
    label: 'your payments',
    category: 'billing',
    urlTemplate: `${base}/customers/{customer.externalId}/payments`,
    headers: { Authorization: 'Bearer {secret:ACCOUNT_TOKEN}' },
    // Generous, so a loaded machine never times out a healthy service; the slow test lowers it.
    timeoutMs: 10_000,
    fields: [
      {
        path: 'payments[0].amount',
        label: 'Last payment',
        format: 'money',
        currencyPath: 'payments[0].currency',
      },
      { path: 'payments[0].paidAt', label: 'Paid on', format: 'date' },
    ],
    ...overrides,
  });

const context = { 'customer.externalId': 'cus_1001' };
const secrets = { ACCOUNT_TOKEN: token };

describe('runLookup against a real HTTP service', () => {
  it('returns the labelled, formatted fields and the inputs it used', async () => {
    const outcome = await runLookup(config(), context, secrets);
    expect(outcome).toMatchObject({
      name: 'payments',
      label: 'your payments',
      status: 'ok',
      inputs: { 'customer.externalId': 'cus_1001' },
      fields: [
        { label: 'Last payment', value: '$59.00' },
        { label: 'Paid on', value: '1 March 2025' },
      ],
      error: null,
    });
    expect(outcome.latencyMs).toBeGreaterThanOrEqual(0);
    expect(seen.at(-1)?.authorization).toBe(`Bearer ${token}`);
  });

  it('records a time-out when the service is slower than the limit', async () => {
    const outcome = await runLookup(
      config({ urlTemplate: `${base}/slow`, timeoutMs: 300 }),
      context,
      secrets,
    );
    expect(outcome.status).toBe('timeout');
    expect(outcome.error).toBe('the service did not answer within 300 ms');
  });

  it('records an HTTP error with its status and without the secret', async () => {
    const outcome = await runLookup(config({ urlTemplate: `${base}/broken` }), context, secrets);
    expect(outcome).toMatchObject({
      status: 'failed',
      httpStatus: 500,
      error: 'the service answered HTTP 500',
    });
    expect(JSON.stringify(outcome)).not.toContain(token);
  });

  it('records junk that is not JSON as a plain failure', async () => {
    const outcome = await runLookup(config({ urlTemplate: `${base}/junk` }), context, secrets);
    expect(outcome).toMatchObject({ status: 'failed', error: 'the service did not return JSON' });
  });

  it('names the missing field when the response lacks it', async () => {
    const outcome = await runLookup(config({ urlTemplate: `${base}/empty` }), context, secrets);
    expect(outcome).toMatchObject({ status: 'failed', error: 'the response has no payments[0].amount' });
  });

  it('skips an optional field that is missing', async () => {
    const outcome = await runLookup(
      config({
        name: 'subscription',
        urlTemplate: `${base}/customers/{customer.externalId}/subscription`,
        fields: [
          { path: 'plan', label: 'Plan' },
          { path: 'discount', label: 'Discount', optional: true },
        ],
      }),
      context,
      secrets,
    );
    expect(outcome).toMatchObject({ status: 'ok', fields: [{ label: 'Plan', value: 'Pro' }] });
  });

  it('fails without calling when the conversation lacks an input', async () => {
    const before = seen.length;
    const outcome = await runLookup(config(), {}, secrets);
    expect(outcome).toMatchObject({
      status: 'failed',
      error: 'the lookup needs customer.externalId, which this conversation does not have',
    });
    expect(seen.length).toBe(before);
  });

  it('fails with the secret name, not a value, when the secret is missing', async () => {
    const outcome = await runLookup(config(), context, {});
    expect(outcome).toMatchObject({ status: 'failed', error: 'secret ACCOUNT_TOKEN is not configured' });
  });

  it('records a refused connection as a failure', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = portOf(closed);
    await new Promise((resolve) => closed.close(resolve));
    const outcome = await runLookup(config({ urlTemplate: `http://127.0.0.1:${port}/x` }), context, secrets);
    expect(outcome.status).toBe('failed');
    expect(outcome.error).toMatch(/^could not reach the service/);
  });

  it('keeps a secret used in the URL out of every error', async () => {
    const outcome = await runLookup(
      config({ urlTemplate: `${base}/broken?key={secret:ACCOUNT_TOKEN}`, headers: {} }),
      context,
      secrets,
    );
    expect(outcome.status).toBe('failed');
    expect(JSON.stringify(outcome)).not.toContain(token);
  });

  it('runs every lookup configured for a category, in config order', async () => {
    const subscription = config({
      name: 'subscription',
      label: 'your subscription',
      urlTemplate: `${base}/customers/{customer.externalId}/subscription`,
      fields: [{ path: 'plan', label: 'Plan' }],
    });
    const orders = config({ name: 'orders', category: 'order_status', urlTemplate: `${base}/orders/1` });
    const outcomes = await runLookupsForCategory(
      [subscription, orders, config()],
      'billing',
      context,
      secrets,
    );
    expect(outcomes.map((outcome) => [outcome.name, outcome.status])).toEqual([
      ['subscription', 'ok'],
      ['payments', 'ok'],
    ]);
  });
});
