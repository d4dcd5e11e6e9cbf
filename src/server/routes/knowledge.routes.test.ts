/** The knowledge page's API over real HTTP on a company's own workspace: roles, versions, and what customers are answered from. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMPANY_ADMIN, type CompanyBaton, startCompanyBaton } from '../../../test/support/company-baton.ts';
import { eventually, request } from '../../../test/support/http.ts';
import { hashPassword } from '../../adapters/crypto/password.ts';

let company: CompanyBaton;
let admin: string;
let agent: string;

const signIn = async (email: string, password: string) => {
  const response = await request(company.url, 'POST', '/api/auth/sign-in', { body: { email, password } });
  return String(response.body.token ?? '');
};

const delivery = {
  title: 'Delivery times',
  category: 'shipping',
  tags: ['delivery'],
  body: 'Standard delivery takes 3 to 5 working days. Express delivery arrives the next working day.',
};

interface ChatMessage {
  readonly author: string;
  readonly kind: string;
  readonly body: string;
  readonly citations: readonly { slug: string }[];
}

/** A new customer asks `text`; resolves with the AI's first reply (an answer or a handoff). */
const customerAsks = async (text: string): Promise<ChatMessage> => {
  const started = await request(company.url, 'POST', '/api/widget/conversations', { body: {} });
  const id = (started.body.conversation as { id: string }).id;
  const token = String(started.body.token);
  await request(company.url, 'POST', `/api/widget/conversations/${id}/messages`, { token, body: { text } });
  return eventually(async () => {
    const view = await request(company.url, 'GET', `/api/widget/conversations/${id}`, { token });
    const messages = view.body.messages as ChatMessage[];
    return messages.find((m) => m.author === 'ai' || m.kind === 'handoff');
  }, 20_000);
};

const create = (token: string, body: Record<string, unknown>) =>
  request(company.url, 'POST', '/api/knowledge/articles', { token, body });

beforeAll(async () => {
  company = await startCompanyBaton();
  admin = await signIn(COMPANY_ADMIN.email, COMPANY_ADMIN.password);
  await company.store.agents.create({
    workspaceId: company.workspace.id,
    email: 'ravi@northwind.example',
    name: 'Ravi Shah',
    role: 'agent',
    teamKeys: [],
    passwordHash: await hashPassword('ravi-reads-articles'),
  });
  agent = await signIn('ravi@northwind.example', 'ravi-reads-articles');
});
afterAll(async () => company?.close());

describe('the knowledge API', () => {
  it('answers a customer from an article created here, then from its edit, and not once it is unpublished', async () => {
    const created = await create(admin, delivery);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ slug: 'delivery-times', version: 1, published: true });
    const id = String(created.body.id);

    const first = await customerAsks('How long does standard delivery take?');
    expect(first.citations.map((c) => c.slug)).toEqual(['delivery-times']);
    expect(first.body).toContain('3 to 5 working days');

    const body =
      'Standard delivery takes 2 to 4 working days. Express delivery arrives the next working day.';
    const edited = await request(company.url, 'PUT', `/api/knowledge/articles/${id}`, {
      token: admin,
      body: { ...delivery, body, version: 1 },
    });
    expect(edited.status).toBe(200);
    const second = await customerAsks('How long does standard delivery take?');
    expect(second.body).toContain('2 to 4 working days');
    expect(second.body).not.toContain('3 to 5');

    const off = await request(company.url, 'POST', `/api/knowledge/articles/${id}/unpublish`, {
      token: admin,
      body: { version: 2 },
    });
    expect(off.body).toMatchObject({ published: false, version: 3 });
    const third = await customerAsks('How long does standard delivery take?');
    expect(third.citations).toEqual([]);
    expect(third.body).not.toContain('working days');

    const detail = await request(company.url, 'GET', `/api/knowledge/articles/${id}`, { token: agent });
    const versions = detail.body.versions as { version: number; change: string; author: string }[];
    expect(versions.map((v) => [v.version, v.change, v.author])).toEqual([
      [3, 'unpublished', COMPANY_ADMIN.name],
      [2, 'edited', COMPANY_ADMIN.name],
      [1, 'created', COMPANY_ADMIN.name],
    ]);
  });

  it('refuses a save made from an older version, naming what to do', async () => {
    const created = await create(admin, {
      ...delivery,
      title: 'Gift wrapping',
      body: 'We wrap gifts for free.',
    });
    const id = String(created.body.id);
    const save = (version: number, text: string) =>
      request(company.url, 'PUT', `/api/knowledge/articles/${id}`, {
        token: admin,
        body: { ...delivery, title: 'Gift wrapping', body: text, version },
      });
    expect((await save(1, 'We wrap gifts for free, with a card.')).status).toBe(200);
    const late = await save(1, 'We wrap gifts for a small fee.');
    expect(late.status).toBe(409);
    expect(late.body).toMatchObject({ error: { code: 'conflict' } });
    expect(String((late.body.error as { message: string }).message)).toContain('Reload');
    const current = await request(company.url, 'GET', `/api/knowledge/articles/${id}`, { token: admin });
    expect((current.body.article as { body: string }).body).toBe('We wrap gifts for free, with a card.');
  });

  it('lets every staff role read and search, but only ops and admins write', async () => {
    await create(admin, { ...delivery, title: 'Loose leaf storage', body: 'Keep tea in an airtight tin.' });
    const found = await request(company.url, 'GET', '/api/knowledge/articles?search=AIRTIGHT', {
      token: agent,
    });
    expect(found.status).toBe(200);
    expect((found.body.articles as { title: string }[]).map((a) => a.title)).toEqual(['Loose leaf storage']);
    expect(found.body.categories).toContain('shipping');
    const refused = await create(agent, { ...delivery, title: 'Agent article' });
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ error: { code: 'forbidden' } });
  });

  it('refuses a category the policy does not know and a slug already taken, storing nothing', async () => {
    const unknown = await create(admin, { ...delivery, title: 'Teapots', category: 'teapots' });
    expect(unknown.status).toBe(400);
    expect(String((unknown.body.error as { message: string }).message)).toContain('shipping');
    const first = await create(admin, {
      ...delivery,
      title: 'Samples',
      slug: 'samples',
      body: 'Samples ship free.',
    });
    expect(first.status).toBe(201);
    const taken = await create(admin, { ...delivery, title: 'Samples again', slug: 'samples' });
    expect(taken.status).toBe(409);
    const all = await request(company.url, 'GET', '/api/knowledge/articles', { token: admin });
    const titles = (all.body.articles as { title: string }[]).map((a) => a.title);
    expect(titles).not.toContain('Teapots');
    expect(titles).not.toContain('Samples again');
  });

  it('marks an article reviewed and deletes one', async () => {
    const created = await create(admin, {
      ...delivery,
      title: 'Matcha grades',
      body: 'Ceremonial and culinary.',
    });
    const id = String(created.body.id);
    const reviewed = await request(company.url, 'POST', `/api/knowledge/articles/${id}/reviewed`, {
      token: admin,
    });
    expect(reviewed.body).toMatchObject({ reviewedBy: COMPANY_ADMIN.name, version: 1 });
    expect(typeof reviewed.body.reviewedAt).toBe('string');
    const deleted = await request(company.url, 'DELETE', `/api/knowledge/articles/${id}`, { token: admin });
    expect(deleted.status).toBe(204);
    const gone = await request(company.url, 'GET', `/api/knowledge/articles/${id}`, { token: admin });
    expect(gone.status).toBe(404);
  });
});
