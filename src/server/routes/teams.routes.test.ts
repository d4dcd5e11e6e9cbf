/** Teams over real HTTP on a company's own workspace: admins create and edit them, consistent with the policy; ops read. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMPANY_ADMIN, type CompanyBaton, startCompanyBaton } from '../../../test/support/company-baton.ts';
import { request } from '../../../test/support/http.ts';
import { hashPassword } from '../../adapters/crypto/password.ts';

let company: CompanyBaton;
let admin: string;
let ops: string;

const signIn = async (email: string, password: string) =>
  String(
    (await request(company.url, 'POST', '/api/auth/sign-in', { body: { email, password } })).body.token ?? '',
  );

const alwaysOpen = { timeZone: 'Europe/London', days: {}, holidays: [] };

beforeAll(async () => {
  company = await startCompanyBaton();
  admin = await signIn(COMPANY_ADMIN.email, COMPANY_ADMIN.password);
  await company.store.agents.create({
    workspaceId: company.workspace.id,
    email: 'omar@northwind.example',
    name: 'Omar Haddad',
    role: 'ops',
    teamKeys: [],
    passwordHash: await hashPassword('runs-the-desk-42'),
  });
  ops = await signIn('omar@northwind.example', 'runs-the-desk-42');
});
afterAll(async () => company?.close());

describe('teams', () => {
  it('creates a team with hours and holidays that ops can read, and the inbox shows it', async () => {
    const listed = await request(company.url, 'GET', '/api/teams', { token: admin });
    const taken = new Set(
      (listed.body.teams as { categories: string[] }[]).flatMap((team) => team.categories),
    );
    const free = (listed.body.categories as string[]).filter((category) => !taken.has(category));
    const owned = free.slice(0, 1);
    const saved = await request(company.url, 'PUT', '/api/teams/wholesale', {
      token: admin,
      body: {
        name: 'Wholesale',
        categories: owned,
        businessHours: {
          timeZone: 'Europe/London',
          days: { '1': ['09:00', '17:00'] },
          holidays: ['2026-12-25'],
        },
      },
    });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ key: 'wholesale', name: 'Wholesale', categories: owned });
    const read = await request(company.url, 'GET', '/api/teams', { token: ops });
    expect(read.status).toBe(200);
    expect(read.body.teams).toContainEqual(
      expect.objectContaining({
        key: 'wholesale',
        businessHours: {
          timeZone: 'Europe/London',
          days: { '1': ['09:00', '17:00'] },
          holidays: ['2026-12-25'],
        },
      }),
    );
    const inbox = await request(company.url, 'GET', '/api/inbox/teams', { token: admin });
    expect(JSON.stringify(inbox.body)).toContain('Wholesale');
    expect((await request(company.url, 'PUT', '/api/teams/wholesale', { token: ops, body: {} })).status).toBe(
      403,
    );
  });

  it('refuses a category the policy does not know and one another team owns, saying which team', async () => {
    const listed = await request(company.url, 'GET', '/api/teams', { token: admin });
    const owner = (listed.body.teams as { key: string; name: string; categories: string[] }[]).find(
      (team) => team.categories.length > 0,
    );
    if (!owner) throw new Error('the set-up workspace has no team that owns a category');
    const owned = owner.categories[0] ?? '';
    const refused = await request(company.url, 'PUT', '/api/teams/retail', {
      token: admin,
      body: { name: 'Retail', categories: [owned, 'teapots'], businessHours: alwaysOpen },
    });
    expect(refused.status).toBe(400);
    const message = String((refused.body.error as { message: string }).message);
    expect(message).toContain('The policy has no category teapots');
    expect(message).toContain(`${owner.name} (${owner.key}) owns ${owned} already`);
    const after = await request(company.url, 'GET', '/api/teams', { token: admin });
    expect((after.body.teams as { key: string }[]).map((team) => team.key)).not.toContain('retail');
  });

  it('refuses an unknown time zone and a closing time before the opening', async () => {
    const refused = await request(company.url, 'PUT', '/api/teams/night', {
      token: admin,
      body: {
        name: 'Night',
        categories: [],
        businessHours: { timeZone: 'Moon/Base', days: { '2': ['18:00', '08:00'] } },
      },
    });
    expect(refused.status).toBe(400);
    expect(String((refused.body.error as { message: string }).message)).toMatch(
      /not a time zone.*closing \(08:00\)/,
    );
  });

  it('renames a team, and deletes one nothing points at any more', async () => {
    const save = (name: string) =>
      request(company.url, 'PUT', '/api/teams/wholesale', {
        token: admin,
        body: { name, categories: [], businessHours: null },
      });
    expect((await save('Wholesale')).status).toBe(200);
    const renamed = await save('Trade accounts');
    expect(renamed.body).toMatchObject({ key: 'wholesale', name: 'Trade accounts' });
    const byOps = await request(company.url, 'DELETE', '/api/teams/wholesale', { token: ops });
    expect(byOps.status).toBe(403);
    const deleted = await request(company.url, 'DELETE', '/api/teams/wholesale', { token: admin });
    expect(deleted.status).toBe(204);
    const listed = await request(company.url, 'GET', '/api/teams', { token: admin });
    expect((listed.body.teams as { key: string }[]).map((team) => team.key)).not.toContain('wholesale');
    const again = await request(company.url, 'DELETE', '/api/teams/wholesale', { token: admin });
    expect({ status: again.status, code: again.body.error?.code }).toEqual({
      status: 404,
      code: 'not_found',
    });
  });

  it('refuses with 409 to delete a team people and the policy still point at, saying what to change', async () => {
    const listed = await request(company.url, 'GET', '/api/teams', { token: admin });
    const routed = (listed.body.teams as { key: string; categories: string[] }[]).find(
      (team) => team.categories.length > 0,
    );
    if (!routed) throw new Error('the default policy routes no category to any team');
    const refused = await request(company.url, 'DELETE', `/api/teams/${routed.key}`, { token: admin });
    expect(refused.status).toBe(409);
    expect(refused.body.error?.code).toBe('team_in_use');
    // The first admin is on every team of a new workspace, and the policy routes categories here.
    expect(refused.body.error?.message).toContain(COMPANY_ADMIN.name);
    expect(refused.body.error?.message).toContain('ops console');
    const after = await request(company.url, 'GET', '/api/teams', { token: admin });
    expect((after.body.teams as { key: string }[]).map((team) => team.key)).toContain(routed.key);
  });
});
