/** The sender against real sockets on 127.0.0.1: private addresses refused at connect time, timeouts. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebhookReceiver, type WebhookReceiver } from '../../../test/support/webhook-receiver.ts';
import { sendWebhookOverHttp } from './http-sender.ts';
import { signWebhook, verifyWebhook } from './signature.ts';

let receiver: WebhookReceiver;
beforeAll(async () => {
  receiver = await startWebhookReceiver();
});
afterAll(async () => receiver?.close());

const send = (url: string, allowPrivate: boolean, timeoutMs = 2000) =>
  sendWebhookOverHttp({
    url,
    body: '{}',
    headers: { 'content-type': 'application/json' },
    timeoutMs,
    allowPrivate,
  });

describe('webhook sender', () => {
  it('refuses a loopback address, literal or behind a name, unless private destinations are allowed', async () => {
    const port = new URL(receiver.url).port;
    expect(await send(`http://127.0.0.1:${port}/x`, false)).toEqual({
      kind: 'network_error',
      message: '127.0.0.1 is not a public address',
    });
    const named = await send(`http://localhost:${port}/x`, false);
    expect(named).toMatchObject({
      kind: 'network_error',
      message: expect.stringContaining('not a public address'),
    });
    expect(receiver.received).toHaveLength(0);
    expect(await send(`http://127.0.0.1:${port}/x`, true)).toEqual({
      kind: 'response',
      status: 200,
      retryAfterSeconds: null,
    });
    expect(receiver.received).toHaveLength(1);
  });

  it('gives up on a receiver that does not answer within the timeout', async () => {
    const { createServer } = await import('node:net');
    const held: import('node:net').Socket[] = [];
    const silent = createServer((socket) => held.push(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const address = silent.address();
    if (address === null || typeof address === 'string') throw new Error('not listening');
    const result = await send(`http://127.0.0.1:${address.port}/`, true, 200);
    expect(result).toEqual({ kind: 'network_error', message: 'no answer within 200 ms' });
    for (const socket of held) socket.destroy();
    await new Promise((resolve) => silent.close(resolve));
  });

  it('reads Retry-After from the receiver', async () => {
    receiver.script = { statuses: [429], afterwards: 200, headers: { 'retry-after': '7' } };
    expect(await send(receiver.url, true)).toEqual({ kind: 'response', status: 429, retryAfterSeconds: 7 });
  });
});

describe('webhook signature', () => {
  it('verifies the signed timestamp and body, and nothing else', () => {
    const signature = signWebhook('whsec_test', 1_800_000_000, '{"a":1}');
    expect(signature).toMatch(/^v1=[0-9a-f]{64}$/);
    const headers = { timestamp: '1800000000', signature };
    expect(verifyWebhook('whsec_test', headers, '{"a":1}', 1_800_000_010)).toBe(true);
    expect(verifyWebhook('whsec_test', headers, '{"a":2}', 1_800_000_010)).toBe(false);
    expect(verifyWebhook('whsec_other', headers, '{"a":1}', 1_800_000_010)).toBe(false);
    expect(verifyWebhook('whsec_test', headers, '{"a":1}', 1_800_001_000)).toBe(false);
    expect(
      verifyWebhook('whsec_test', { ...headers, timestamp: '1800000001' }, '{"a":1}', 1_800_000_010),
    ).toBe(false);
  });
});
