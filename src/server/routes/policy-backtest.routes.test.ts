/**
 * "Backtest this draft" over the API: forty judged shipping answers (test/support/judged-answers.ts,
 * published threshold 0.4) replayed under the current policy and under drafts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { agentApi, agentToken } from '../../../test/support/desk.ts';
import { seedJudgedShippingAnswers } from '../../../test/support/judged-answers.ts';
import { startTestBaton, type TestBaton } from '../../../test/support/test-baton.ts';
import { policyViewSchema } from '../../api/ops-schemas.ts';
import { policyBacktestSchema } from '../../api/policy-backtest-schemas.ts';

let baton: TestBaton;
let currentYaml = '';

beforeAll(async () => {
  baton = await startTestBaton();
  await seedJudgedShippingAnswers(baton);
  const olu = await agentToken(baton, 'olu@acme.test');
  currentYaml = policyViewSchema.parse((await agentApi(baton, olu, 'GET', '/api/ops/policy')).body).yaml;
});
afterAll(async () => baton?.close());

const path = '/api/ops/policy/backtest';

const withShippingThreshold = (threshold: number): string => {
  const document = parse(currentYaml);
  document.categories.shipping.threshold = threshold;
  return stringify(document);
};

describe('policy draft backtest API', () => {
  it('changes nothing when the draft is the current policy', async () => {
    const olu = await agentToken(baton, 'olu@acme.test');
    const response = await agentApi(baton, olu, 'POST', path, { yaml: currentYaml, days: null });
    expect(response.status).toBe(200);
    const backtest = policyBacktestSchema.parse(response.body);
    expect(backtest.conversations).toBeGreaterThanOrEqual(40);
    expect(backtest.changed).toBe(0);
    expect(backtest.changedConversations).toEqual([]);
    expect(backtest.draft).toEqual(backtest.baseline);
  });

  it('a higher shipping threshold only adds shipping handoffs, and the labels count misses and needless ones', async () => {
    const olu = await agentToken(baton, 'olu@acme.test');
    const response = await agentApi(baton, olu, 'POST', path, { yaml: withShippingThreshold(0.6), days: 7 });
    expect(response.status).toBe(200);
    const backtest = policyBacktestSchema.parse(response.body);
    expect(backtest).toMatchObject({ days: 7, judged: 40, changed: 20 });
    const { baseline, draft } = backtest;
    expect((draft.byCategory.shipping?.escalated ?? 0) - (baseline.byCategory.shipping?.escalated ?? 0)).toBe(
      20,
    );
    for (const [category, counts] of Object.entries(baseline.byCategory)) {
      if (category !== 'shipping') expect(draft.byCategory[category]).toEqual(counts);
    }
    expect((draft.byReason.low_confidence ?? 0) - (baseline.byReason.low_confidence ?? 0)).toBe(20);
    expect(backtest.changedConversations).toHaveLength(20);
    for (const changed of backtest.changedConversations) {
      expect(changed).toMatchObject({
        baseline: { action: 'answer', category: 'shipping' },
        draft: { action: 'escalate', category: 'shipping', reasons: ['low_confidence'] },
      });
    }
    // At 0.45 four of ten were right, at 0.55 seven: the nine wrong ones are no longer missed, and
    // the eleven right ones become needless handoffs.
    expect(backtest.labelled).toEqual({
      baselineMisses: 9,
      draftMisses: 0,
      baselineNeedless: 0,
      draftNeedless: 11,
    });
    expect(backtest.changedConversations.filter((c) => c.need === 'needed')).toHaveLength(9);
  });

  it('refuses an invalid draft with every problem, bad days, and anyone but ops and admins', async () => {
    const [olu, quinn, maya] = await Promise.all([
      agentToken(baton, 'olu@acme.test'),
      agentToken(baton, 'quinn@acme.test'),
      agentToken(baton, 'maya@acme.test'),
    ]);
    const invalid = await agentApi(baton, olu, 'POST', path, { yaml: withShippingThreshold(1.5) });
    expect([invalid.status, invalid.body]).toMatchObject([422, { error: { code: 'policy_invalid' } }]);
    expect(JSON.stringify(invalid.body)).toContain('categories.shipping.threshold');
    const zero = await agentApi(baton, olu, 'POST', path, { yaml: currentYaml, days: 0 });
    expect([zero.status, zero.body]).toMatchObject([400, { error: { code: 'invalid_input' } }]);
    expect((await agentApi(baton, quinn, 'POST', path, { yaml: currentYaml })).status).toBe(403);
    expect((await agentApi(baton, maya, 'POST', path, { yaml: currentYaml })).status).toBe(403);
  });
});
