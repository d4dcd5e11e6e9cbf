import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type MockAccountService, startMockAccountService } from './account-service.ts';

const now = new Date('2026-03-10T15:00:00Z');
let service: MockAccountService;
beforeAll(async () => {
  service = await startMockAccountService({ token: 'test-key', now: () => now });
});
afterAll(async () => {
  await service?.close();
});

const get = async (path: string, token: string | null = 'test-key') => {
  const response = await fetch(`${service.url}${path}`, {
    headers: token === null ? {} : { authorization: `Bearer ${token}` },
  });
  return { status: response.status, headers: response.headers, body: await response.json() };
};

describe('mock account service', () => {
  it('listens on 127.0.0.1', () => {
    expect(service.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('refuses a request without the bearer token, or with a wrong one', async () => {
    const missing = await get('/customers/cus_ana/subscription', null);
    expect(missing.status).toBe(401);
    expect(missing.headers.get('www-authenticate')).toBe('Bearer');
    expect((await get('/customers/cus_ana/subscription', 'wrong')).status).toBe(401);
  });

  it("returns Ana's Pro membership with its price and a renewal date ahead of today", async () => {
    const { status, body } = await get('/customers/cus_ana/subscription');
    expect(status).toBe(200);
    expect(body).toMatchObject({
      plan: 'pro',
      planName: 'Pro',
      price: 9.99,
      currency: 'GBP',
      status: 'active',
    });
    expect(body.renewalDate > '2026-03-10').toBe(true);
  });

  it("shows Ana's last two monthly charges differing because of a prorated mid-month upgrade", async () => {
    const { body } = await get('/customers/cus_ana/payments');
    const [latest, upgrade, previous] = body.payments;
    expect(latest).toMatchObject({ amount: 9.99, description: 'Acme Plus Pro, monthly' });
    expect(previous).toMatchObject({ amount: 4.99, description: 'Acme Plus Basic, monthly' });
    expect(upgrade.description).toMatch(/upgrade from Basic to Pro, prorated for (\d+) of (\d+) days/);
    const [, left = '0', cycle = '1'] = /for (\d+) of (\d+) days/.exec(upgrade.description) ?? [];
    expect(upgrade.amount).toBeCloseTo((5 * Number(left)) / Number(cycle), 2);
    expect(previous.date < upgrade.date && upgrade.date < latest.date).toBe(true);
  });

  it('returns order 1042 as shipped with carrier, tracking number and estimated delivery', async () => {
    for (const path of ['/orders/1042', '/orders/%231042']) {
      const { status, body } = await get(path);
      expect(status).toBe(200);
      expect(body).toMatchObject({
        number: '1042',
        customerId: 'cus_ana',
        status: 'shipped',
        carrier: 'Royal Mail',
        trackingNumber: 'RM482913075GB',
        estimatedDelivery: '2026-03-11',
        total: 51.5,
      });
    }
  });

  it("shows an order through its own customer, and never another customer's", async () => {
    expect((await get('/customers/cus_ana/orders/1042')).body).toMatchObject({
      number: '1042',
      status: 'shipped',
    });
    expect((await get('/customers/cus_ben/orders/1042')).status).toBe(404);
  });

  it("lists a customer's orders newest first", async () => {
    const { body } = await get('/customers/cus_ana/orders');
    expect(body.orders.map((order: { number: string }) => order.number)).toEqual(['1042', '1038']);
  });

  it('says not_found for an unknown customer, order or path', async () => {
    expect(await get('/customers/cus_nobody/payments')).toMatchObject({
      status: 404,
      body: { error: 'not_found' },
    });
    expect((await get('/orders/9999')).status).toBe(404);
    expect((await get('/nothing/here')).status).toBe(404);
  });

  it('answers only GET', async () => {
    const response = await fetch(`${service.url}/orders/1042`, {
      method: 'POST',
      headers: { authorization: 'Bearer test-key' },
    });
    expect(response.status).toBe(405);
  });

  it('moves to a free port when the one asked for is taken', async () => {
    const port = Number(new URL(service.url).port);
    const second = await startMockAccountService({ port });
    try {
      expect(Number(new URL(second.url).port)).not.toBe(port);
      expect((await fetch(`${second.url}/health`)).status).toBe(200);
    } finally {
      await second.close();
    }
  });
});
