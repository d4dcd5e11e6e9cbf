/** Canned replies over HTTP against a real Baton: kept by ops, refused with unknown placeholders, filled for agents. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agentApi, agentToken, customerWrites, handedOver } from '../../../test/support/desk.ts';
import { startTestBaton, type TestBaton } from '../../../test/support/test-baton.ts';

let baton: TestBaton;
let ops: string;
let agent: string;
beforeAll(async () => {
  baton = await startTestBaton();
  ops = await agentToken(baton, 'olu@acme.test');
  agent = await agentToken(baton, 'maya@acme.test');
}, 240_000);
afterAll(async () => baton?.close());

const reply = (fields: Record<string, unknown> = {}) => ({
  teamKey: 'billing',
  title: `Refund started ${Math.random()}`,
  body: 'Hi {{customer.first_name}}, I have started your refund. {{agent.first_name}}',
  ...fields,
});

describe('canned replies', () => {
  it('lets ops save, change and delete a team’s reply, and not agents', async () => {
    const saved = await agentApi(
      baton,
      ops,
      'POST',
      '/api/canned-replies',
      reply({ title: 'Refund started' }),
    );
    expect(saved.status).toBe(201);
    const id = String(saved.body.id);
    const changed = await agentApi(
      baton,
      ops,
      'PUT',
      `/api/canned-replies/${id}`,
      reply({ title: 'Refund on its way' }),
    );
    expect(changed.status).toBe(200);
    expect(changed.body.title).toBe('Refund on its way');
    const duplicate = await agentApi(
      baton,
      ops,
      'POST',
      '/api/canned-replies',
      reply({ title: 'Refund on its way' }),
    );
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.error?.code).toBe('conflict');
    const byAgent = await agentApi(baton, agent, 'POST', '/api/canned-replies', reply());
    expect(byAgent.status).toBe(403);
    expect((await agentApi(baton, agent, 'DELETE', `/api/canned-replies/${id}`)).status).toBe(403);
    expect((await agentApi(baton, ops, 'DELETE', `/api/canned-replies/${id}`)).status).toBe(204);
    expect((await agentApi(baton, ops, 'DELETE', `/api/canned-replies/${id}`)).status).toBe(404);
  });

  it('refuses an unknown placeholder or team with a message naming it and what may be used', async () => {
    const typo = await agentApi(
      baton,
      ops,
      'POST',
      '/api/canned-replies',
      reply({ body: 'Hi {{customer.nmae}}' }),
    );
    expect(typo.status).toBe(400);
    expect(typo.body.error?.code).toBe('invalid_input');
    expect(typo.body.error?.message).toContain('{{customer.nmae}}');
    expect(typo.body.error?.message).toContain('{{customer.name}}');
    expect(typo.body.error?.message).toContain('{{order.status}}');
    const team = await agentApi(baton, ops, 'POST', '/api/canned-replies', reply({ teamKey: 'nobody' }));
    expect(team.status).toBe(400);
    expect(team.body.error?.message).toContain('nobody');
    const empty = await agentApi(baton, ops, 'POST', '/api/canned-replies', reply({ body: '   ' }));
    expect(empty.status).toBe(400);
  });

  it('gives an agent their teams’ replies filled in for a conversation', async () => {
    const saved = await agentApi(
      baton,
      ops,
      'POST',
      '/api/canned-replies',
      reply({
        body: 'Thanks {{customer.name}}, order {{order.order}} is {{order.status}}. — {{agent.first_name}}',
      }),
    );
    expect(saved.status).toBe(201);
    const chat = await customerWrites(baton, 'I want a refund, please put me through to a person');
    await handedOver(baton, chat);
    const admin = await agentToken(baton, 'sam@acme.test');
    const listed = await agentApi(baton, admin, 'GET', `/api/canned-replies?conversation=${chat.id}`);
    expect(listed.status).toBe(200);
    const mine = (listed.body.replies as { id: string; text: string; unfilled: string[] }[]).find(
      (r) => r.id === saved.body.id,
    );
    // An anonymous visitor: no name and no order looked up, so those stay for the agent to fill.
    expect(mine?.text).toBe('Thanks {{customer.name}}, order {{order.order}} is {{order.status}}. — Sam');
    expect(mine?.unfilled).toEqual(['customer.name', 'order.order', 'order.status']);
    // The list says which placeholders a reply may use, for the management page's help.
    expect(listed.body.placeholders).toEqual(expect.arrayContaining(['customer.first_name', 'order.status']));
  });
});
