/**
 * Outbound webhooks over real HTTP (issue 12): a receiver on 127.0.0.1 verifies every signature,
 * fails the first attempts, and sees the retries; the delivery log tells each attempt.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { agentApi, agentToken, customerWrites, handedOver } from '../../../test/support/desk.ts';
import { eventually } from '../../../test/support/http.ts';
import { startTestBaton, type TestBaton } from '../../../test/support/test-baton.ts';
import { startWebhookReceiver, type WebhookReceiver } from '../../../test/support/webhook-receiver.ts';

let baton: TestBaton;
let receiver: WebhookReceiver;
let ops: string;

interface DeliveryBody {
  readonly id: string;
  readonly state: string;
  readonly attempts: number;
  readonly eventType: string;
  readonly lastError: string | null;
  readonly log: readonly { statusCode: number | null; nextAttemptAt: string | null; error: string | null }[];
}

const register = async (eventTypes: readonly string[], url = receiver.url) => {
  const registered = await agentApi(baton, ops, 'POST', '/api/ops/webhooks', { url, eventTypes });
  expect(registered.status).toBe(201);
  receiver.secret = String(registered.body.secret);
  return (registered.body.endpoint as { id: string }).id;
};

const deliveries = async (endpointId: string): Promise<DeliveryBody[]> => {
  const listed = await agentApi(baton, ops, 'GET', `/api/ops/webhooks/deliveries?endpointId=${endpointId}`);
  expect(listed.status).toBe(200);
  return listed.body.deliveries as DeliveryBody[];
};

const settled = (endpointId: string, state: string) =>
  eventually(async () => {
    const [latest] = await deliveries(endpointId);
    return latest?.state === state ? latest : null;
  });

beforeAll(async () => {
  baton = await startTestBaton({
    webhookAllowPrivate: true,
    webhooks: {
      pollMs: 25,
      timeoutMs: 2000,
      retry: { maxAttempts: 3, firstRetryMs: 60, longestRetryMs: 300 },
    },
  });
  ops = await agentToken(baton, 'olu@acme.test');
});
afterAll(async () => baton?.close());
beforeEach(async () => {
  await receiver?.close();
  receiver = await startWebhookReceiver();
});

describe('outbound webhooks', () => {
  it('delivers a handoff signed, retries after two 500s, and logs every attempt', async () => {
    const endpointId = await register(['handed_over']);
    receiver.script = { statuses: [500, 500], afterwards: 204 };
    const chat = await customerWrites(baton, 'I want to talk to a person, please.');
    await handedOver(baton, chat);

    const delivered = await settled(endpointId, 'delivered');
    expect(delivered.eventType).toBe('handed_over');
    expect(delivered.log.map((attempt) => attempt.statusCode)).toEqual([500, 500, 204]);
    expect(delivered.log.map((attempt) => attempt.nextAttemptAt !== null)).toEqual([true, true, false]);
    expect(receiver.received).toHaveLength(3);
    expect(receiver.received.every((request) => request.verified)).toBe(true);
    const [first] = receiver.received;
    const body = JSON.parse(first?.body ?? '{}');
    expect(body).toMatchObject({
      type: 'handed_over',
      conversationId: chat.id,
      data: { teamKey: expect.any(String) },
    });
    expect(first?.headers['baton-event-id']).toBe(body.id);
    expect(first?.headers['baton-event-type']).toBe('handed_over');
    expect(receiver.received.map((request) => request.headers['baton-attempt'])).toEqual(['1', '2', '3']);
    // The same bytes every time: one event, one body, whatever the attempt.
    expect(new Set(receiver.received.map((request) => request.body)).size).toBe(1);
  });

  it('gives up after the last attempt, and "retry now" sends once more', async () => {
    const endpointId = await register(['resolved']);
    receiver.script = { statuses: [], afterwards: 503 };
    const queued = await agentApi(baton, ops, 'POST', `/api/ops/webhooks/${endpointId}/test`);
    expect(queued.status).toBe(202);
    const failed = await settled(endpointId, 'failed');
    expect(failed.attempts).toBe(3);
    expect(failed.log.at(-1)?.error).toContain('attempt 3 of 3');
    expect(receiver.received.every((request) => request.verified)).toBe(true);

    receiver.script = { statuses: [], afterwards: 200 };
    const retried = await agentApi(baton, ops, 'POST', `/api/ops/webhooks/deliveries/${failed.id}/retry`);
    expect(retried.status).toBe(202);
    const delivered = await settled(endpointId, 'delivered');
    expect(delivered.attempts).toBe(4);
    expect(receiver.received).toHaveLength(4);
    const again = await agentApi(baton, ops, 'POST', `/api/ops/webhooks/deliveries/${failed.id}/retry`);
    expect([again.status, again.body.error?.code]).toEqual([409, 'conflict']);
  });

  it('does not follow a redirect, and does not retry one', async () => {
    const endpointId = await register(['resolved']);
    const elsewhere = await startWebhookReceiver();
    receiver.script = { statuses: [], afterwards: 307, headers: { location: elsewhere.url } };
    await agentApi(baton, ops, 'POST', `/api/ops/webhooks/${endpointId}/test`);
    const failed = await settled(endpointId, 'failed');
    expect(failed.attempts).toBe(1);
    expect(failed.lastError).toContain('redirect (307) not followed');
    expect(elsewhere.received).toHaveLength(0);
    await elsewhere.close();
  });

  it('sends nothing to a disabled endpoint and forgets a deleted one', async () => {
    const endpointId = await register(['resolved']);
    const disabled = await agentApi(baton, ops, 'PATCH', `/api/ops/webhooks/${endpointId}`, {
      enabled: false,
    });
    expect(disabled.body.enabled).toBe(false);
    await agentApi(baton, ops, 'POST', `/api/ops/webhooks/${endpointId}/test`);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(receiver.received).toHaveLength(0);
    expect((await deliveries(endpointId))[0]?.state).toBe('queued');
    expect((await agentApi(baton, ops, 'DELETE', `/api/ops/webhooks/${endpointId}`)).status).toBe(204);
    const listed = await agentApi(baton, ops, 'GET', '/api/ops/webhooks');
    expect(JSON.stringify(listed.body)).not.toContain(endpointId);
    expect((await agentApi(baton, ops, 'DELETE', `/api/ops/webhooks/${endpointId}`)).status).toBe(404);
  });

  it('shows the secret once, refuses bad registrations with a code, and keeps agents out', async () => {
    await register(['rated']);
    const listed = await agentApi(baton, ops, 'GET', '/api/ops/webhooks');
    expect(JSON.stringify(listed.body)).not.toContain(receiver.secret);
    expect(receiver.secret).toMatch(/^whsec_/);
    const refused = async (body: unknown) => {
      const answer = await agentApi(baton, ops, 'POST', '/api/ops/webhooks', body);
      return [answer.status, answer.body.error?.code];
    };
    expect(await refused({ url: 'ftp://hooks.example.com/x', eventTypes: ['rated'] })).toEqual([
      400,
      'webhook_url_invalid',
    ]);
    expect(await refused({ url: 'https://user:pw@hooks.example.com/x', eventTypes: ['rated'] })).toEqual([
      400,
      'webhook_url_invalid',
    ]);
    expect(await refused({ url: 'https://hooks.example.com/x', eventTypes: ['everything'] })).toEqual([
      400,
      'invalid_input',
    ]);
    expect(await refused({ url: 'https://hooks.example.com/x', eventTypes: [] })).toEqual([
      400,
      'invalid_input',
    ]);
    const agent = await agentToken(baton, 'maya@acme.test');
    expect((await agentApi(baton, agent, 'GET', '/api/ops/webhooks')).status).toBe(403);
    const document = await agentApi(baton, ops, 'GET', '/openapi.json');
    const paths = document.body.paths as Record<string, Record<string, unknown>>;
    expect(Object.keys(paths['/api/ops/webhooks'] ?? {}).sort()).toEqual(['get', 'post']);
    expect(Object.keys(paths['/api/ops/webhooks/{id}'] ?? {}).sort()).toEqual(['delete', 'patch']);
    expect(Object.keys(paths['/api/ops/webhooks/deliveries/{id}/retry'] ?? {})).toEqual(['post']);
    expect(baton.errors).toEqual([]);
  });
});
