/**
 * `POST /api/knowledge/import` over real HTTP: Markdown files and Zendesk Guide / Intercom article
 * exports become articles (new versions by the importer), every entry left out is named with why,
 * and a customer is answered from an imported article.
 */
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

const markdown = (title: string, category: string, body: string) =>
  `---\ntitle: ${title}\ncategory: ${category}\n---\n${body}\n`;

/** A Zendesk Guide articles export, written for Acme (an online store with subscriptions). */
const zendeskExport = {
  articles: [
    {
      id: 360001,
      title: 'Pausing your Acme subscription',
      body: '<h2>Pause instead of cancel</h2><p>You can pause your Acme subscription for up to <strong>three months</strong> from <a href="https://acme.test/account">your account page</a>.</p><script>alert(1)</script><ul><li>No boxes ship while paused.</li><li>Billing restarts when the pause ends.</li></ul>',
      draft: false,
      label_names: ['subscription', 'pause'],
      locale: 'en-us',
    },
    { id: 360002, title: 'Holiday gift wrapping', body: '<p>Coming soon.</p>', draft: true },
    { id: 360003, title: 'Blank page', body: '<p> </p>', draft: false },
  ],
  count: 3,
  next_page: null,
};

/** An Intercom articles export, as the Articles API lists them. */
const intercomExport = {
  type: 'list',
  data: [
    {
      id: '8101',
      type: 'article',
      title: 'Changing the card Acme charges',
      body: '<p>Open <b>Billing</b> in your account &amp; choose <i>Replace card</i>. The next charge uses the new card.</p>',
      state: 'published',
    },
    { id: '8102', type: 'article', title: 'Secret sale', body: '<p>Not yet.</p>', state: 'draft' },
  ],
  total_count: 2,
};

const importFiles = (token: string, files: { name: string; text: string }[]) =>
  request(company.url, 'POST', '/api/knowledge/import', { token, body: { files } });

beforeAll(async () => {
  company = await startCompanyBaton();
  admin = await signIn(COMPANY_ADMIN.email, COMPANY_ADMIN.password);
  await company.store.agents.create({
    workspaceId: company.workspace.id,
    email: 'lena@northwind.example',
    name: 'Lena Park',
    role: 'agent',
    teamKeys: [],
    passwordHash: await hashPassword('lena-only-reads'),
  });
  agent = await signIn('lena@northwind.example', 'lena-only-reads');
});
afterAll(async () => company?.close());

describe('importing knowledge through the API', () => {
  it('imports Markdown, Zendesk and Intercom articles and names every skipped entry with why', async () => {
    const response = await importFiles(admin, [
      {
        name: 'kb/returns-window.md',
        text: markdown(
          'Returns window',
          'refund',
          'Unused items can be returned within 30 days of delivery.',
        ),
      },
      {
        name: 'kb/shipping-abroad.md',
        text: markdown(
          'Shipping abroad',
          'shipping',
          'Acme ships to the EU and the UK; customs fees are included.',
        ),
      },
      { name: 'kb/.draft-notes.md', text: markdown('Notes', 'other', 'Private notes.') },
      { name: 'kb/huge.md', text: markdown('Huge', 'other', 'x'.repeat(600 * 1024)) },
      { name: 'kb/no-front-matter.md', text: 'Just text.' },
      { name: 'zendesk.json', text: JSON.stringify(zendeskExport) },
      { name: 'intercom.json', text: JSON.stringify(intercomExport) },
      { name: 'broken.json', text: '{"articles": [' },
    ]);
    expect(response.status).toBe(200);
    const imported = response.body.imported as { name: string; slug: string }[];
    expect(imported.map((entry) => entry.slug).sort()).toEqual([
      'changing-the-card-acme-charges',
      'pausing-your-acme-subscription',
      'returns-window',
      'shipping-abroad',
    ]);
    const skipped = Object.fromEntries(
      (response.body.skipped as { name: string; reason: string }[]).map((entry) => [
        entry.name,
        entry.reason,
      ]),
    );
    expect(Object.keys(skipped).sort()).toEqual([
      'broken.json',
      'intercom.json #8102 "Secret sale"',
      'kb/.draft-notes.md',
      'kb/huge.md',
      'kb/no-front-matter.md',
      'zendesk.json #360002 "Holiday gift wrapping"',
      'zendesk.json #360003 "Blank page"',
    ]);
    expect(skipped['kb/huge.md']).toMatch(/at most 512 KB/);
    expect(skipped['kb/.draft-notes.md']).toMatch(/hidden/);
    expect(skipped['zendesk.json #360002 "Holiday gift wrapping"']).toMatch(/draft/);
    expect(skipped['zendesk.json #360003 "Blank page"']).toMatch(/empty/);
    expect(skipped['broken.json']).toMatch(/not valid JSON/);
    expect(skipped['kb/no-front-matter.md']).toMatch(/front matter/);

    const list = await request(company.url, 'GET', '/api/knowledge/articles?search=pause', { token: agent });
    const articles = list.body.articles as { id: string; slug: string; body: string; tags: string[] }[];
    const pause = articles.find((article) => article.slug === 'pausing-your-acme-subscription');
    expect(pause?.tags).toEqual(['subscription', 'pause']);
    expect(pause?.body).toContain('## Pause instead of cancel');
    expect(pause?.body).toContain('**three months**');
    expect(pause?.body).toContain('[your account page](https://acme.test/account)');
    expect(pause?.body).toContain('- No boxes ship while paused.');
    expect(pause?.body).not.toContain('alert');
    expect(pause?.body).not.toContain('<');
  });

  it('saves a re-import with changed text as a new version by the importer, never in place', async () => {
    const first = markdown('Gift cards', 'billing', 'Acme gift cards never expire.');
    const second = markdown(
      'Gift cards',
      'billing',
      'Acme gift cards never expire and work on subscriptions.',
    );
    expect((await importFiles(admin, [{ name: 'gift-cards.md', text: first }])).status).toBe(200);
    expect((await importFiles(admin, [{ name: 'gift-cards.md', text: second }])).status).toBe(200);
    const list = await request(company.url, 'GET', '/api/knowledge/articles?search=gift', { token: admin });
    const article = (list.body.articles as { id: string; slug: string }[]).find(
      (a) => a.slug === 'gift-cards',
    );
    const detail = await request(company.url, 'GET', `/api/knowledge/articles/${article?.id}`, {
      token: admin,
    });
    const versions = detail.body.versions as { version: number; author: string; body: string }[];
    expect(versions.map((v) => [v.version, v.author])).toEqual([
      [2, COMPANY_ADMIN.name],
      [1, COMPANY_ADMIN.name],
    ]);
    expect(versions[1]?.body).toBe('Acme gift cards never expire.');
  });

  it('answers a customer from an imported help-centre article', async () => {
    const started = await request(company.url, 'POST', '/api/widget/conversations', { body: {} });
    const id = (started.body.conversation as { id: string }).id;
    const token = String(started.body.token);
    await request(company.url, 'POST', `/api/widget/conversations/${id}/messages`, {
      token,
      body: { text: 'Can I pause my subscription instead of cancelling?' },
    });
    const reply = await eventually(async () => {
      const view = await request(company.url, 'GET', `/api/widget/conversations/${id}`, { token });
      const messages = view.body.messages as {
        author: string;
        kind: string;
        citations?: { slug: string }[];
      }[];
      return messages.find((m) => m.author === 'ai' || m.kind === 'handoff');
    }, 20_000);
    expect(reply.citations?.map((c) => c.slug)).toContain('pausing-your-acme-subscription');
  });

  it('refuses agents (403), an empty list (400) and an import over the size limit (413)', async () => {
    const file = { name: 'a.md', text: markdown('A', 'other', 'Some text.') };
    expect((await importFiles(agent, [file])).status).toBe(403);
    const empty = await importFiles(admin, []);
    expect(empty.status).toBe(400);
    const huge = await importFiles(admin, [{ name: 'big.json', text: 'x'.repeat(5 * 1024 * 1024) }]);
    expect(huge.status).toBe(413);
    expect(huge.body.error).toMatchObject({ code: 'payload_too_large' });
  });
});
