/**
 * The knowledge audit over the API, on the demo's articles plus three written here: two refund
 * windows that disagree are found; the same window in other words is not; the review setting is
 * stored per workspace and only ops and admins change it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agentApi, agentToken } from '../../../test/support/desk.ts';
import { startTestBaton, type TestBaton } from '../../../test/support/test-baton.ts';
import { knowledgeAuditSchema } from '../../api/knowledge-audit-schemas.ts';

let baton: TestBaton;
const ids: Record<string, string> = {};

const articles = {
  gadgets: {
    title: 'Refunds on Acme gadgets',
    body: 'Changed your mind about a gadget? Acme gadget refunds can be requested within 45 days of the parcel arriving.',
  },
  gadgetsShort: {
    title: 'Gadget refunds explained',
    body: 'Acme gadget refunds can be requested within 20 days of the parcel arriving, as long as the box is unopened.',
  },
  gadgetsWords: {
    title: 'Gadget refund questions',
    body: 'How long do I have? Acme gadget refunds can be requested within forty-five days of the parcel arriving.',
  },
};

beforeAll(async () => {
  baton = await startTestBaton();
  const olu = await agentToken(baton, 'olu@acme.test');
  for (const [key, article] of Object.entries(articles)) {
    const created = await agentApi(baton, olu, 'POST', '/api/knowledge/articles', {
      ...article,
      category: null,
      tags: [],
    });
    expect(created.status).toBe(201);
    ids[key] = String(created.body.id);
  }
});
afterAll(async () => baton?.close());

const pairOf = (finding: { kind: string; articles?: readonly { id: string }[] }) =>
  new Set((finding.articles ?? []).map((a) => a.id));
const samePair = (a: Set<string>, b: readonly (string | undefined)[]) =>
  a.size === 2 && b.every((id) => id !== undefined && a.has(id));

describe('knowledge audit API', () => {
  it('finds the two refund windows that disagree, not the same window in other words', async () => {
    const quinn = await agentToken(baton, 'quinn@acme.test');
    const response = await agentApi(baton, quinn, 'GET', '/api/coaching/knowledge-audit');
    expect(response.status).toBe(200);
    const audit = knowledgeAuditSchema.parse(response.body);
    expect(audit).toMatchObject({ reviewEveryDays: 180, canChange: false });
    expect(audit.articles).toBeGreaterThanOrEqual(3);
    const contradictions = audit.findings.filter((f) => f.kind === 'contradiction');
    const found = contradictions.find((f) => samePair(pairOf(f), [ids.gadgets, ids.gadgetsShort]));
    expect(found?.facts.map((fact) => [fact.left.quoted, fact.right.quoted].sort())).toContainEqual([
      '20 days',
      '45 days',
    ]);
    expect(contradictions.some((f) => samePair(pairOf(f), [ids.gadgets, ids.gadgetsWords]))).toBe(false);
  });

  it('stores how often articles are reviewed, for ops and admins only', async () => {
    const [olu, quinn] = await Promise.all([
      agentToken(baton, 'olu@acme.test'),
      agentToken(baton, 'quinn@acme.test'),
    ]);
    const path = '/api/coaching/knowledge-audit/settings';
    expect((await agentApi(baton, quinn, 'PUT', path, { reviewEveryDays: 30 })).status).toBe(403);
    const bad = await agentApi(baton, olu, 'PUT', path, { reviewEveryDays: 0 });
    expect([bad.status, bad.body]).toMatchObject([400, { error: { code: 'invalid_input' } }]);
    const saved = await agentApi(baton, olu, 'PUT', path, {
      reviewEveryDays: 30,
      note: 'prices change monthly',
    });
    expect(saved.status).toBe(200);
    expect(knowledgeAuditSchema.parse(saved.body)).toMatchObject({ reviewEveryDays: 30, canChange: true });
    const read = knowledgeAuditSchema.parse(
      (await agentApi(baton, quinn, 'GET', '/api/coaching/knowledge-audit')).body,
    );
    expect(read.reviewEveryDays).toBe(30);
    expect(
      (
        await agentApi(
          baton,
          await agentToken(baton, 'maya@acme.test'),
          'GET',
          '/api/coaching/knowledge-audit',
        )
      ).status,
    ).toBe(403);
  });
});
