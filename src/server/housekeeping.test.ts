/**
 * A running Baton sweeps what nobody needs any more (docs/CONFIGURATION.md, BATON_WEBHOOK_LOG_DAYS):
 * a delivered webhook leaves the delivery log once its retention has passed, and an expired sign-in
 * is deleted. The retention and the sweep are shortened here from days and minutes to moments.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agentApi, agentToken } from '../../test/support/desk.ts';
import { eventually } from '../../test/support/http.ts';
import { startTestBaton, type TestBaton } from '../../test/support/test-baton.ts';
import { startWebhookReceiver, type WebhookReceiver } from '../../test/support/webhook-receiver.ts';

const SECOND_IN_DAYS = 1 / 86_400;
let baton: TestBaton;
let receiver: WebhookReceiver;
let ops: string;

beforeAll(async () => {
  baton = await startTestBaton({
    webhookAllowPrivate: true,
    webhooks: { pollMs: 25 },
    retention: { webhookLogDays: 0.5 * SECOND_IN_DAYS, everyMs: 100 },
  });
  receiver = await startWebhookReceiver();
  ops = await agentToken(baton, 'olu@acme.test');
});
afterAll(async () => {
  await baton?.close();
  await receiver?.close();
});

describe('housekeeping in a running server', () => {
  it('drops a delivered webhook from the delivery log once its retention has passed', async () => {
    const registered = await agentApi(baton, ops, 'POST', '/api/ops/webhooks', {
      url: receiver.url,
      eventTypes: ['resolved'],
    });
    receiver.secret = String(registered.body.secret);
    const endpointId = (registered.body.endpoint as { id: string }).id;
    const log = async () =>
      (await agentApi(baton, ops, 'GET', `/api/ops/webhooks/deliveries?endpointId=${endpointId}`)).body
        .deliveries as { state: string }[];
    expect((await agentApi(baton, ops, 'POST', `/api/ops/webhooks/${endpointId}/test`)).status).toBe(202);
    await eventually(async () => ((await log()).some((d) => d.state === 'delivered') ? true : null));
    expect(receiver.received).toHaveLength(1);
    await eventually(async () => ((await log()).length === 0 ? true : null));
  });

  it('deletes a sign-in that expired, and keeps a current one', async () => {
    const workspace = baton.baton.app.workspace;
    const agent = await baton.store.agents.getByEmail(workspace.id, 'maya@acme.test');
    if (!agent) throw new Error('the demo has no maya');
    const day = 86_400_000;
    await baton.store.sessions.create({
      tokenHash: 'expired-sign-in',
      agentId: agent.id,
      createdAt: new Date(Date.now() - 2 * day),
      expiresAt: new Date(Date.now() - day),
    });
    await eventually(async () =>
      (await baton.store.sessions.get('expired-sign-in')) === null ? true : null,
    );
    // The staff member signed in above is still signed in.
    expect((await agentApi(baton, ops, 'GET', '/api/agents/me')).status).toBe(200);
  });
});
