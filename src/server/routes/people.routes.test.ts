/** People over real HTTP on a company's own workspace: invitations, changes, deactivation, resets, own password. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMPANY_ADMIN, type CompanyBaton, startCompanyBaton } from '../../../test/support/company-baton.ts';
import { request } from '../../../test/support/http.ts';

let company: CompanyBaton;
let admin: string;

const signIn = async (email: string, password: string) => {
  const response = await request(company.url, 'POST', '/api/auth/sign-in', { body: { email, password } });
  return { status: response.status, token: String(response.body.token ?? '') };
};

const tokenOf = (url: unknown): string => new URL(String(url)).searchParams.get('token') ?? '';

const invite = async (email: string, extra: Record<string, unknown> = {}) => {
  const invited = await request(company.url, 'POST', '/api/people/invitations', {
    token: admin,
    body: { email, name: 'Ravi Shah', role: 'agent', teamKeys: ['orders'], capacity: 4, ...extra },
  });
  expect(invited.status).toBe(201);
  return tokenOf(invited.body.url);
};

const join = (token: string, password: string) =>
  request(company.url, 'POST', '/api/people-links/accept', { body: { token, password } });

beforeAll(async () => {
  company = await startCompanyBaton();
  admin = (await signIn(COMPANY_ADMIN.email, COMPANY_ADMIN.password)).token;
});
afterAll(async () => company?.close());

describe('people', () => {
  it('invites someone with a one-time link that creates their account with the role, teams and capacity given', async () => {
    const token = await invite('ravi@northwind.example');
    const pending = await request(company.url, 'GET', '/api/people', { token: admin });
    expect(pending.body.invitations).toEqual([
      expect.objectContaining({
        email: 'ravi@northwind.example',
        role: 'agent',
        teamKeys: ['orders'],
        capacity: 4,
      }),
    ]);
    const opened = await request(company.url, 'POST', '/api/people-links/open', { body: { token } });
    expect(opened.body).toEqual({
      kind: 'invitation',
      email: 'ravi@northwind.example',
      name: 'Ravi Shah',
      workspace: 'Northwind Tea',
    });
    const joined = await join(token, 'chai-and-biscuits');
    expect(joined.status).toBe(200);
    expect(joined.body).toMatchObject({
      role: 'agent',
      teamKeys: ['orders'],
      capacity: 4,
      active: true,
      demo: false,
    });
    expect((await signIn('ravi@northwind.example', 'chai-and-biscuits')).status).toBe(200);

    const again = await join(token, 'another-password-1');
    expect(again.status).toBe(401);
    expect(again.body.error?.code).toBe('token_invalid');
    expect((await request(company.url, 'GET', '/api/people', { token: admin })).body.invitations).toEqual([]);
  });

  it('lets only admins manage people', async () => {
    const token = await invite('mo@northwind.example');
    await join(token, 'long-enough-pass');
    const agent = (await signIn('mo@northwind.example', 'long-enough-pass')).token;
    const listed = await request(company.url, 'GET', '/api/people', { token: agent });
    expect(listed.status).toBe(403);
    const invited = await request(company.url, 'POST', '/api/people/invitations', {
      token: agent,
      body: { email: 'x@northwind.example', name: 'X' },
    });
    expect(invited.status).toBe(403);
  });

  it('changes role, teams and capacity, refusing unknown teams', async () => {
    const token = await invite('li@northwind.example');
    const person = await join(token, 'long-enough-pass');
    const id = String(person.body.id);
    const changed = await request(company.url, 'PATCH', `/api/people/${id}`, {
      token: admin,
      body: { role: 'specialist', teamKeys: ['billing', 'accounts'], capacity: 2 },
    });
    expect(changed.body).toMatchObject({
      role: 'specialist',
      teamKeys: ['billing', 'accounts'],
      capacity: 2,
    });
    const unknown = await request(company.url, 'PATCH', `/api/people/${id}`, {
      token: admin,
      body: { teamKeys: ['no_such_team'] },
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error?.message).toMatch(/No team no_such_team/);
  });

  it('ends every session of a deactivated person at once and refuses their sign-in', async () => {
    const token = await invite('kim@northwind.example');
    const id = String((await join(token, 'long-enough-pass')).body.id);
    const first = (await signIn('kim@northwind.example', 'long-enough-pass')).token;
    const second = (await signIn('kim@northwind.example', 'long-enough-pass')).token;
    expect((await request(company.url, 'GET', '/api/agents/me', { token: first })).status).toBe(200);

    const closed = await request(company.url, 'POST', `/api/people/${id}/deactivate`, { token: admin });
    expect(closed.body).toMatchObject({ active: false, status: 'away' });
    for (const session of [first, second]) {
      expect((await request(company.url, 'GET', '/api/agents/me', { token: session })).status).toBe(401);
    }
    expect((await signIn('kim@northwind.example', 'long-enough-pass')).status).toBe(401);
    const self = await request(company.url, 'GET', '/api/agents/me', { token: admin });
    const selfClose = await request(company.url, 'POST', `/api/people/${String(self.body.id)}/deactivate`, {
      token: admin,
    });
    expect(selfClose.status).toBe(403);
  });

  it('resets a password with a one-time link that ends the old sessions', async () => {
    const token = await invite('eve@northwind.example');
    const id = String((await join(token, 'long-enough-pass')).body.id);
    const old = (await signIn('eve@northwind.example', 'long-enough-pass')).token;
    const reset = await request(company.url, 'POST', `/api/people/${id}/password-reset`, { token: admin });
    expect(reset.status).toBe(201);
    const resetToken = tokenOf(reset.body.url);
    expect(
      (await request(company.url, 'POST', '/api/people-links/open', { body: { token: resetToken } })).body,
    ).toMatchObject({
      kind: 'password_reset',
    });
    expect((await join(resetToken, 'a-fresh-password')).status).toBe(200);
    expect((await request(company.url, 'GET', '/api/agents/me', { token: old })).status).toBe(401);
    expect((await signIn('eve@northwind.example', 'long-enough-pass')).status).toBe(401);
    expect((await signIn('eve@northwind.example', 'a-fresh-password')).status).toBe(200);
  });

  it('changes your own password, keeping this session and ending the others; lists your sessions', async () => {
    const token = await invite('ola@northwind.example');
    await join(token, 'long-enough-pass');
    const here = (await signIn('ola@northwind.example', 'long-enough-pass')).token;
    const elsewhere = (await signIn('ola@northwind.example', 'long-enough-pass')).token;
    const sessions = await request(company.url, 'GET', '/api/people/me/sessions', { token: here });
    expect(sessions.body).toEqual([
      expect.objectContaining({ current: false }),
      expect.objectContaining({ current: true }),
    ]);
    const wrong = await request(company.url, 'PUT', '/api/people/me/password', {
      token: here,
      body: { currentPassword: 'not-my-password', newPassword: 'brand-new-password' },
    });
    expect(wrong.status).toBe(401);
    const short = await request(company.url, 'PUT', '/api/people/me/password', {
      token: here,
      body: { currentPassword: 'long-enough-pass', newPassword: 'short' },
    });
    expect(short.status).toBe(400);
    const changed = await request(company.url, 'PUT', '/api/people/me/password', {
      token: here,
      body: { currentPassword: 'long-enough-pass', newPassword: 'brand-new-password' },
    });
    expect(changed.status).toBe(204);
    expect((await request(company.url, 'GET', '/api/agents/me', { token: here })).status).toBe(200);
    expect((await request(company.url, 'GET', '/api/agents/me', { token: elsewhere })).status).toBe(401);
    expect((await signIn('ola@northwind.example', 'brand-new-password')).status).toBe(200);
  });

  it('points invitation links at the saved public URL once an admin set one, not at the address the request came to', async () => {
    const before = await request(company.url, 'POST', '/api/people/invitations', {
      token: admin,
      body: { email: 'una@northwind.example', name: 'Una', role: 'agent' },
    });
    expect(new URL(String(before.body.url)).origin).toBe(new URL(company.url).origin);
    const saved = await request(company.url, 'PUT', '/api/settings', {
      token: admin,
      body: {
        widget: {
          greeting: 'Hello.',
          colour: '#1f4fd1',
          position: 'right',
          publicUrl: 'https://help.northwind.example/',
        },
        counting: {
          assumedResolutionHours: 24,
          recontactDays: 7,
          humanHourlyCost: null,
          aiCostPerConversation: null,
        },
      },
    });
    expect(saved.status).toBe(200);
    const after = await request(company.url, 'POST', '/api/people/invitations', {
      token: admin,
      body: { email: 'vik@northwind.example', name: 'Vik', role: 'agent' },
    });
    expect(String(after.body.url)).toMatch(/^https:\/\/help\.northwind\.example\/join\?token=[\w-]+$/);
    // The link still works here: its token is what counts.
    const opened = await request(company.url, 'POST', '/api/people-links/open', {
      body: { token: tokenOf(after.body.url) },
    });
    expect(opened.status).toBe(200);
  });
});
