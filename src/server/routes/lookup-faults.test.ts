/**
 * Account lookups that fail (the account service is down): the handoff still happens, the
 * customer is told plainly what could not be checked, and the packet shows the failure.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, request } from '../../../test/support/http.ts';
import { startTestBaton, TEST_SECRET, type TestBaton } from '../../../test/support/test-baton.ts';
import { signCustomerIdentity } from '../auth/customer-identity.ts';

let baton: TestBaton;
const broken = createServer((_req, res) => {
  res.writeHead(500, { 'content-type': 'text/plain' });
  res.end('internal error');
});

beforeAll(async () => {
  await new Promise<void>((resolve) => broken.listen(0, '127.0.0.1', resolve));
  const { port } = broken.address() as AddressInfo;
  baton = await startTestBaton({ lookupsUrl: `http://127.0.0.1:${port}` });
});
afterAll(async () => {
  await baton?.close();
  await new Promise((resolve) => broken.close(resolve));
});

describe('when the account service fails', () => {
  it('still hands over, says what could not be checked, and shows the failure to the agent', async () => {
    const started = await request(baton.url, 'POST', '/api/widget/conversations', {
      body: { externalId: 'cus_ana', identitySignature: signCustomerIdentity(TEST_SECRET, 'cus_ana') },
    });
    const id = (started.body.conversation as { id: string }).id;
    const token = String(started.body.token);
    await request(baton.url, 'POST', `/api/widget/conversations/${id}/messages`, {
      token,
      body: { text: "Why is this month's charge different from last month's?" },
    });
    const handoff = await eventually(async () => {
      const view = await request(baton.url, 'GET', `/api/widget/conversations/${id}`, { token });
      return (view.body.messages as { kind: string; body: string }[]).find((m) => m.kind === 'handoff');
    });
    expect(handoff.body).toMatch(/couldn.t check/i);
    expect(handoff.body).toMatch(/repeat/i);

    const signedIn = await request(baton.url, 'POST', '/api/auth/sign-in', {
      body: { email: 'maya@acme.test', password: 'maya-demo-pass' },
    });
    const detail = await request(baton.url, 'GET', `/api/inbox/conversations/${id}`, {
      token: String(signedIn.body.token),
    });
    const packet = (
      detail.body.handoff as { packet: { lookups: { status: string; error: string | null }[] } }
    ).packet;
    expect(packet.lookups.length).toBeGreaterThan(0);
    expect(packet.lookups.every((l) => l.status === 'failed' && l.error)).toBe(true);
    expect(JSON.stringify(packet)).not.toContain('demo-account-key');
  });
});
