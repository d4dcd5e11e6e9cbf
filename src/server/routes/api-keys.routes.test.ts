/**
 * API keys over real HTTP (issue 10, SPEC §11): an admin creates a key, sees its secret once, and the
 * company's system uses it to read and answer conversations; what the key does is attributed to the
 * key's name; a revoked key stops at once. The role and scope matrix is route-access.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agentToken, customerWrites, handedOver } from '../../../test/support/desk.ts';
import { request } from '../../../test/support/http.ts';
import { startTestBaton, type TestBaton } from '../../../test/support/test-baton.ts';

let baton: TestBaton;
let admin: string;

const createKey = async (body: unknown) =>
  request(baton.url, 'POST', '/api/settings/api-keys', { token: admin, body });

beforeAll(async () => {
  baton = await startTestBaton();
  admin = await agentToken(baton, 'sam@acme.test');
});
afterAll(async () => baton?.close());

describe('API keys', () => {
  it('shows the secret once, then lists the key by its prefix, name and scopes only', async () => {
    const created = await createKey({ name: 'Order system', scopes: ['conversations:read'] });
    expect(created.status).toBe(201);
    const secret = String(created.body.secret);
    expect(secret).toMatch(/^baton_key_[A-Za-z0-9_-]{40,}$/);
    const listed = await request(baton.url, 'GET', '/api/settings/api-keys', { token: admin });
    const key = (listed.body.keys as Record<string, unknown>[]).find((k) => k.name === 'Order system');
    expect(key).toEqual({
      id: expect.any(String),
      name: 'Order system',
      prefix: secret.slice(0, 18),
      scopes: ['conversations:read'],
      createdAt: expect.any(String),
      lastUsedAt: null,
      revokedAt: null,
    });
    expect(JSON.stringify(listed.body)).not.toContain(secret.slice(18));
  });

  it('works a conversation with a key, attributed to the key, and stamps its last use', async () => {
    const created = await createKey({
      name: 'Helpdesk bridge',
      scopes: ['conversations:read', 'conversations:write'],
    });
    const secret = String(created.body.secret);
    const chat = await customerWrites(baton, 'I want to speak to a person about my subscription, please.');
    await handedOver(baton, chat);
    const seen = await request(baton.url, 'GET', `/api/inbox/conversations/${chat.id}`, { token: secret });
    expect(seen.status).toBe(200);
    // A handoff is assigned to an available teammate at once, so the company's system leaves a note.
    const note = await request(baton.url, 'POST', `/api/inbox/conversations/${chat.id}/notes`, {
      token: secret,
      body: { text: 'Our billing system shows the subscription renewed on the 1st.' },
    });
    expect(note.status).toBe(201);
    const detail = await request(baton.url, 'GET', `/api/inbox/conversations/${chat.id}`, { token: admin });
    const messages = detail.body.messages as { body: string; authorName: string | null }[];
    expect(messages.find((m) => m.body.startsWith('Our billing system'))?.authorName).toBe(
      'API key: Helpdesk bridge',
    );
    const keyId = (created.body.key as { id: string }).id;
    const listed = await request(baton.url, 'GET', '/api/settings/api-keys', { token: admin });
    const key = (listed.body.keys as { id: string; lastUsedAt: string | null }[]).find((k) => k.id === keyId);
    expect(key?.lastUsedAt).not.toBeNull();
    // The key's account is not a person: it is not on the people list or among colleagues.
    const people = await request(baton.url, 'GET', '/api/people', { token: admin });
    expect(JSON.stringify(people.body)).not.toContain('Helpdesk bridge');
    const colleagues = await request(baton.url, 'GET', '/api/inbox/agents', { token: admin });
    expect(JSON.stringify(colleagues.body)).not.toContain('Helpdesk bridge');
  });

  it('stops a revoked key at once with 401, and keeps the revocation in the list', async () => {
    const created = await createKey({ name: 'Old script', scopes: ['metrics:read'] });
    const secret = String(created.body.secret);
    expect((await request(baton.url, 'GET', '/api/metrics', { token: secret })).status).toBe(200);
    const keyId = (created.body.key as { id: string }).id;
    const revoked = await request(baton.url, 'POST', `/api/settings/api-keys/${keyId}/revoke`, {
      token: admin,
    });
    expect(revoked.status).toBe(200);
    expect(revoked.body.revokedAt).toEqual(expect.any(String));
    const refused = await request(baton.url, 'GET', '/api/metrics', { token: secret });
    expect(refused.status).toBe(401);
    expect(refused.body.error?.message).toMatch(/revoked/);
  });

  it('refuses a key without a name, without scopes or with a scope Baton does not have, storing nothing', async () => {
    const before = await request(baton.url, 'GET', '/api/settings/api-keys', { token: admin });
    for (const body of [
      { name: '', scopes: ['metrics:read'] },
      { name: 'No scopes', scopes: [] },
      { name: 'Too much', scopes: ['everything'] },
      { name: 'Extra', scopes: ['metrics:read'], secret: 'mine' },
    ]) {
      const refused = await createKey(body);
      expect({ body, status: refused.status, code: refused.body.error?.code }).toEqual({
        body,
        status: 400,
        code: 'invalid_input',
      });
    }
    const after = await request(baton.url, 'GET', '/api/settings/api-keys', { token: admin });
    expect(after.body.keys).toEqual(before.body.keys);
  });

  it('answers 404 to revoking a key that is not there', async () => {
    const missing = await request(baton.url, 'POST', '/api/settings/api-keys/not-a-key/revoke', {
      token: admin,
    });
    expect({ status: missing.status, code: missing.body.error?.code }).toEqual({
      status: 404,
      code: 'not_found',
    });
  });
});
