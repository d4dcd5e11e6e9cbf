/**
 * A stand-in for Acme's own account API, so the demo's lookups have something real to call.
 * JSON over HTTP with a bearer token:
 *
 *   GET /customers/:id/subscription   plan, price, status, renewal date
 *   GET /customers/:id/payments       { payments: [{ id, date, amount, currency, description, status }] }, newest first
 *   GET /customers/:id/orders         { orders: [order, …] }, newest first
 *   GET /orders/:number?email=        one order: status, carrier, tracking number, estimated delivery, items
 *                                     (with `email`, only when it is the email of the order's customer)
 *   GET /health                       no token needed
 *
 * `:id` is the customer's external id (cus_ana, cus_ben, cus_chloe, cus_dev).
 */
import { timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { type CustomerAccount, demoAccounts, type Order } from './account-data.ts';
import { demoCompany } from './company.ts';

const emailOf = (customerId: string): string | undefined =>
  demoCompany.customers.find((customer) => customer.externalId === customerId)?.email.toLowerCase();

export interface MockAccountServiceOptions {
  /** 0 (the default) picks a free port; a busy port falls back to a free one. */
  readonly port?: number;
  readonly host?: '127.0.0.1';
  /** The bearer token callers must send (default `demo-account-key`). */
  readonly token?: string;
  /** The clock the demo data is relative to. */
  readonly now?: () => Date;
}

export interface MockAccountService {
  readonly url: string;
  close(): Promise<void>;
}

type Reply = { readonly status: number; readonly body: unknown };

const notFound = (what: string): Reply => ({
  status: 404,
  body: { error: 'not_found', message: `No ${what}.` },
});

const sameToken = (given: string, expected: string): boolean => {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
};

const newestFirst = (orders: readonly Order[]) =>
  [...orders].sort((a, b) => b.placedAt.localeCompare(a.placedAt));

/** Answers one authorised GET from the accounts as they are on the day of `now`. */
const route = (path: string, accounts: ReadonlyMap<string, CustomerAccount>, email: string | null): Reply => {
  const customer = /^\/customers\/([^/]+)\/(subscription|payments|orders)$/.exec(path);
  if (customer) {
    const [, id = '', resource] = customer;
    const account = accounts.get(id);
    if (!account) return notFound(`customer with id "${id}"`);
    if (resource === 'subscription') return { status: 200, body: account.subscription };
    if (resource === 'payments') return { status: 200, body: { customerId: id, payments: account.payments } };
    return { status: 200, body: { customerId: id, orders: newestFirst(account.orders) } };
  }
  // An order seen through its customer: another customer's order number finds nothing.
  const customerOrder = /^\/customers\/([^/]+)\/orders\/#?([^/]+)$/.exec(path);
  if (customerOrder) {
    const [, id = '', number = ''] = customerOrder;
    const found = accounts.get(id)?.orders.find((order) => order.number === number);
    return found ? { status: 200, body: found } : notFound(`order number "${number}" for customer "${id}"`);
  }
  const orderPath = /^\/orders\/#?([^/]+)$/.exec(path);
  if (orderPath) {
    const number = orderPath[1] ?? '';
    for (const account of accounts.values()) {
      const found = account.orders.find((order) => order.number === number);
      if (found && (email === null || emailOf(found.customerId) === email.toLowerCase()))
        return { status: 200, body: found };
    }
    return notFound(`order number "${number}"`);
  }
  return notFound(`endpoint ${path}`);
};

const handle = (
  request: IncomingMessage,
  token: string,
  now: () => Date,
): Reply & { headers?: Record<string, string> } => {
  const url = new URL(request.url ?? '/', 'http://localhost');
  const path = decodeURIComponent(url.pathname).replace(/\/+$/, '');
  if (request.method !== 'GET')
    return { status: 405, body: { error: 'method_not_allowed', message: 'Only GET.' } };
  if (path === '/health') return { status: 200, body: { ok: true } };
  const authorization = request.headers.authorization ?? '';
  const given = /^Bearer (.+)$/i.exec(authorization)?.[1] ?? '';
  if (!sameToken(given, token)) {
    return {
      status: 401,
      body: { error: 'unauthorized', message: 'Send "Authorization: Bearer <token>".' },
      headers: { 'www-authenticate': 'Bearer' },
    };
  }
  return route(path, demoAccounts(now()), url.searchParams.get('email'));
};

const listen = (server: Server, port: number, host: string) =>
  new Promise<void>((resolve, reject) => {
    const onError = (error: Error) => reject(error);
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      resolve();
    });
  });

/** Starts the mock account service on 127.0.0.1. */
export const startMockAccountService = async (
  options: MockAccountServiceOptions = {},
): Promise<MockAccountService> => {
  const token = options.token ?? 'demo-account-key';
  const now = options.now ?? (() => new Date());
  const host = options.host ?? '127.0.0.1';
  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    let reply: ReturnType<typeof handle>;
    try {
      reply = handle(request, token, now);
    } catch {
      reply = { status: 400, body: { error: 'bad_request', message: 'The path could not be read.' } };
    }
    response.writeHead(reply.status, { 'content-type': 'application/json; charset=utf-8', ...reply.headers });
    response.end(JSON.stringify(reply.body));
  });
  try {
    await listen(server, options.port ?? 0, host);
  } catch (error) {
    const code = error instanceof Error && 'code' in error ? error.code : undefined;
    if (code !== 'EADDRINUSE') throw error;
    await listen(server, 0, host);
  }
  const address = server.address();
  if (address === null || typeof address === 'string')
    throw new Error('The mock account service has no TCP port.');
  const { port } = address;
  return {
    url: `http://${host}:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
};
