import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agentApi, agentToken } from '../../../test/support/desk.ts';
import { seedJudgedShippingAnswers } from '../../../test/support/judged-answers.ts';
import { startTestBaton, type TestBaton } from '../../../test/support/test-baton.ts';
import { policyVersionsResponseSchema, policyViewSchema } from '../../api/ops-schemas.ts';
import {
  suggestionBacktestSchema,
  thresholdSuggestionsSchema,
} from '../../api/threshold-suggestion-schemas.ts';

let baton: TestBaton;

beforeAll(async () => {
  baton = await startTestBaton();
  await seedJudgedShippingAnswers(baton);
});
afterAll(async () => baton?.close());

const suggestionsPath = '/api/coaching/threshold-suggestions';

describe('threshold suggestions API', () => {
  it('suggests raising shipping to the lowest threshold at 90% precision, for qa to read', async () => {
    const quinn = await agentToken(baton, 'quinn@acme.test');
    const response = await agentApi(baton, quinn, 'GET', suggestionsPath);
    expect(response.status).toBe(200);
    const view = thresholdSuggestionsSchema.parse(response.body);
    expect(view).toMatchObject({ targetPrecision: 0.9, canApply: false });
    expect(view.suggestions.find((s) => s.category === 'shipping')).toMatchObject({
      kind: 'change',
      calibrated: false,
      labels: 40,
      current: { threshold: 0.4, precision: 31 / 40 },
      suggested: { threshold: 0.55, precision: 27 / 30, answered: 30 },
    });
    const strict = thresholdSuggestionsSchema.parse(
      (await agentApi(baton, quinn, 'GET', `${suggestionsPath}?targetPrecision=0.99`)).body,
    );
    expect(strict.suggestions.find((s) => s.category === 'shipping')?.suggested?.threshold).toBe(0.65);
    const bad = await agentApi(baton, quinn, 'GET', `${suggestionsPath}?targetPrecision=2`);
    expect([bad.status, bad.body]).toMatchObject([400, { error: { code: 'invalid_input' } }]);
  });

  it('backtests the suggestion on the recent history: fewer wrong answers, more handoffs', async () => {
    const quinn = await agentToken(baton, 'quinn@acme.test');
    const response = await agentApi(baton, quinn, 'POST', `${suggestionsPath}/shipping/backtest`, {});
    expect(response.status).toBe(200);
    const backtest = suggestionBacktestSchema.parse(response.body);
    expect(backtest).toMatchObject({ currentThreshold: 0.4, threshold: 0.55, changed: 10 });
    expect(backtest.after.wrongAnswers - backtest.before.wrongAnswers).toBe(-6);
    expect(backtest.after.handoffs - backtest.before.handoffs).toBe(10);
    expect(backtest.after.needlessHandoffs - backtest.before.needlessHandoffs).toBe(4);
    expect(backtest.after.aiResolution).toBeLessThan(backtest.before.aiResolution);
    const unknown = await agentApi(baton, quinn, 'POST', `${suggestionsPath}/nonsense/backtest`, {});
    expect(unknown.status).toBe(404);
  });

  it('applies only for ops, on the version backtested, as a new policy version with the why', async () => {
    const [quinn, olu] = await Promise.all([
      agentToken(baton, 'quinn@acme.test'),
      agentToken(baton, 'olu@acme.test'),
    ]);
    const { policyVersion } = thresholdSuggestionsSchema.parse(
      (await agentApi(baton, olu, 'GET', suggestionsPath)).body,
    );
    const apply = {
      targetPrecision: 0.9,
      threshold: 0.55,
      policyVersion,
      note: 'Too many wrong shipping answers',
    };
    const path = `${suggestionsPath}/shipping/apply`;
    expect((await agentApi(baton, quinn, 'POST', path, apply)).status).toBe(403);
    const stale = await agentApi(baton, olu, 'POST', path, { ...apply, policyVersion: policyVersion - 1 });
    expect([stale.status, stale.body]).toMatchObject([409, { error: { code: 'conflict' } }]);
    const moved = await agentApi(baton, olu, 'POST', path, { ...apply, threshold: 0.6 });
    expect(moved.status).toBe(409);

    const applied = await agentApi(baton, olu, 'POST', path, apply);
    expect(applied.status).toBe(200);
    const policy = policyViewSchema.parse(applied.body);
    expect(policy.version).toBe(policyVersion + 1);
    expect(policy.note).toMatch(
      /^Too many wrong shipping answers\nThreshold suggestion applied: shipping 0\.4 → 0\.55/,
    );
    expect(policy.document).toMatchObject({ categories: { shipping: { threshold: 0.55 } } });
    const versions = policyVersionsResponseSchema.parse(
      (await agentApi(baton, olu, 'GET', '/api/ops/policy/versions')).body,
    );
    expect(versions.versions[0]).toMatchObject({ version: policyVersion + 1, authorName: 'Olu Bakare' });
    // Applied, the suggestion is kept: nothing more to change at this target.
    const after = thresholdSuggestionsSchema.parse((await agentApi(baton, olu, 'GET', suggestionsPath)).body);
    expect(after.suggestions.find((s) => s.category === 'shipping')?.kind).toBe('keep');
  });
});
