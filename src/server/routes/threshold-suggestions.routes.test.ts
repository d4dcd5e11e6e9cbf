import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agentApi, agentToken } from '../../../test/support/desk.ts';
import { seedJudgedShippingAnswers } from '../../../test/support/judged-answers.ts';
import { startTestBaton, type TestBaton } from '../../../test/support/test-baton.ts';
import { policyVersionsResponseSchema, policyViewSchema } from '../../api/ops-schemas.ts';
import { acceptSuggestionResponseSchema, policyDraftResponseSchema } from '../../api/policy-draft-schemas.ts';
import {
  suggestionBacktestSchema,
  thresholdSuggestionsSchema,
} from '../../api/threshold-suggestion-schemas.ts';
import { currentPolicyDraft, publishPolicyDraft } from '../../app/ops/policy-draft.ts';
import type { Store } from '../../core/ports/store.ts';

let baton: TestBaton;

beforeAll(async () => {
  baton = await startTestBaton();
  await seedJudgedShippingAnswers(baton);
});
afterAll(async () => baton?.close());

const suggestionsPath = '/api/coaching/threshold-suggestions';
const draftPath = '/api/ops/policy/draft';

/** Publishes `yaml` again, so the next test's suggestions start from the same thresholds. */
const restorePolicy = async (token: string, yaml: string) => {
  const restored = await agentApi(baton, token, 'PUT', '/api/ops/policy', { yaml, note: 'Back as before' });
  expect(restored.status).toBe(200);
};

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

  it('accepting stores a draft for ops (never a policy change); publishing it makes the version', async () => {
    const [quinn, olu, sam] = await Promise.all([
      agentToken(baton, 'quinn@acme.test'),
      agentToken(baton, 'olu@acme.test'),
      agentToken(baton, 'sam@acme.test'),
    ]);
    const { policyVersion } = thresholdSuggestionsSchema.parse(
      (await agentApi(baton, olu, 'GET', suggestionsPath)).body,
    );
    const accept = {
      targetPrecision: 0.9,
      threshold: 0.55,
      policyVersion,
      note: 'Too many wrong shipping answers',
    };
    const path = `${suggestionsPath}/shipping/accept`;
    expect((await agentApi(baton, quinn, 'POST', path, accept)).status).toBe(403);
    const stale = await agentApi(baton, olu, 'POST', path, { ...accept, policyVersion: policyVersion - 1 });
    expect([stale.status, stale.body]).toMatchObject([409, { error: { code: 'conflict' } }]);
    const moved = await agentApi(baton, olu, 'POST', path, { ...accept, threshold: 0.6 });
    expect(moved.status).toBe(409);

    const accepted = await agentApi(baton, olu, 'POST', path, accept);
    expect(accepted.status).toBe(200);
    const { draft, replaced } = acceptSuggestionResponseSchema.parse(accepted.body);
    expect(replaced).toBeNull();
    expect(draft).toMatchObject({
      category: 'shipping',
      fromThreshold: 0.4,
      toThreshold: 0.55,
      basedOnVersion: policyVersion,
      byName: 'Olu Bakare',
      why: 'Too many wrong shipping answers',
      backtest: { currentThreshold: 0.4, threshold: 0.55, changed: 10 },
    });
    expect(draft.note).toMatch(
      /^Too many wrong shipping answers\nThreshold suggestion applied: shipping 0\.4 → 0\.55/,
    );
    expect(draft.yaml).toMatch(/shipping:.*?threshold: 0\.55/s);
    // Nothing changed for customers: the published policy is the one before.
    const live = policyViewSchema.parse((await agentApi(baton, olu, 'GET', '/api/ops/policy')).body);
    expect(live.version).toBe(policyVersion);

    // qa reads the draft but cannot publish or discard it.
    const read = policyDraftResponseSchema.parse((await agentApi(baton, quinn, 'GET', draftPath)).body);
    expect(read).toMatchObject({ draft: { draft: draft.draft, category: 'shipping' }, canChange: false });
    const action = { draft: draft.draft };
    expect((await agentApi(baton, quinn, 'POST', `${draftPath}/publish`, action)).status).toBe(403);
    expect((await agentApi(baton, quinn, 'POST', `${draftPath}/discard`, action)).status).toBe(403);

    // A second accept replaces the draft and says which; the first can no longer be published.
    const again = acceptSuggestionResponseSchema.parse(
      (await agentApi(baton, sam, 'POST', path, { ...accept, note: 'Agreed, shipping first' })).body,
    );
    expect(again.replaced).toEqual({
      draft: draft.draft,
      category: 'shipping',
      toThreshold: 0.55,
      byName: 'Olu Bakare',
    });
    const old = await agentApi(baton, olu, 'POST', `${draftPath}/publish`, action);
    expect([old.status, old.body]).toMatchObject([409, { error: { code: 'conflict' } }]);

    const published = await agentApi(baton, olu, 'POST', `${draftPath}/publish`, {
      draft: again.draft.draft,
    });
    expect(published.status).toBe(200);
    const policy = policyViewSchema.parse(published.body);
    expect(policy.version).toBe(policyVersion + 1);
    expect(policy.note).toBe(again.draft.note);
    expect(policy.document).toMatchObject({ categories: { shipping: { threshold: 0.55 } } });
    const versions = policyVersionsResponseSchema.parse(
      (await agentApi(baton, olu, 'GET', '/api/ops/policy/versions')).body,
    );
    expect(versions.versions[0]).toMatchObject({ version: policyVersion + 1, authorName: 'Olu Bakare' });
    // Published, the draft is gone, and the suggestion is kept: nothing more to change at this target.
    expect(
      policyDraftResponseSchema.parse((await agentApi(baton, olu, 'GET', draftPath)).body).draft,
    ).toBeNull();
    const gone = await agentApi(baton, olu, 'POST', `${draftPath}/publish`, { draft: again.draft.draft });
    expect([gone.status, gone.body]).toMatchObject([404, { error: { code: 'not_found' } }]);
    const after = thresholdSuggestionsSchema.parse((await agentApi(baton, olu, 'GET', suggestionsPath)).body);
    expect(after.suggestions.find((s) => s.category === 'shipping')?.kind).toBe('keep');
  });

  it('discarding a draft leaves the policy as it was; a draft made before another publish is refused', async () => {
    const olu = await agentToken(baton, 'olu@acme.test');
    const { policyVersion } = thresholdSuggestionsSchema.parse(
      (await agentApi(baton, olu, 'GET', `${suggestionsPath}?targetPrecision=0.99`)).body,
    );
    const accept = { targetPrecision: 0.99, threshold: 0.65, policyVersion, note: 'Stricter shipping' };
    const first = acceptSuggestionResponseSchema.parse(
      (await agentApi(baton, olu, 'POST', `${suggestionsPath}/shipping/accept`, accept)).body,
    );
    const discarded = await agentApi(baton, olu, 'POST', `${draftPath}/discard`, {
      draft: first.draft.draft,
    });
    expect([discarded.status, discarded.body]).toMatchObject([200, { draft: null }]);
    const live = policyViewSchema.parse((await agentApi(baton, olu, 'GET', '/api/ops/policy')).body);
    expect(live.version).toBe(policyVersion);

    const second = acceptSuggestionResponseSchema.parse(
      (await agentApi(baton, olu, 'POST', `${suggestionsPath}/shipping/accept`, accept)).body,
    );
    expect(second.replaced).toBeNull();
    const edit = await agentApi(baton, olu, 'PUT', '/api/ops/policy', {
      yaml: live.yaml,
      note: 'Unrelated edit',
    });
    expect(edit.status).toBe(200);
    const late = await agentApi(baton, olu, 'POST', `${draftPath}/publish`, { draft: second.draft.draft });
    expect([late.status, late.body]).toMatchObject([409, { error: { code: 'conflict' } }]);
  });

  it('of people acting on one draft at once exactly one wins, and no version is published twice', async () => {
    const [olu, sam] = await Promise.all([
      agentToken(baton, 'olu@acme.test'),
      agentToken(baton, 'sam@acme.test'),
    ]);
    const before = policyViewSchema.parse((await agentApi(baton, olu, 'GET', '/api/ops/policy')).body);
    const { policyVersion } = thresholdSuggestionsSchema.parse(
      (await agentApi(baton, olu, 'GET', `${suggestionsPath}?targetPrecision=0.99`)).body,
    );
    const accept = { targetPrecision: 0.99, threshold: 0.65, policyVersion, note: 'Both of us agree' };
    const made = acceptSuggestionResponseSchema.parse(
      (await agentApi(baton, olu, 'POST', `${suggestionsPath}/shipping/accept`, accept)).body,
    );
    const action = { draft: made.draft.draft };
    const answers = await Promise.all([
      agentApi(baton, olu, 'POST', `${draftPath}/publish`, action),
      agentApi(baton, sam, 'POST', `${draftPath}/publish`, action),
      agentApi(baton, sam, 'POST', `${draftPath}/discard`, action),
    ]);
    const statuses = answers.map((answer) => answer.status);
    expect(statuses.filter((status) => status === 200)).toHaveLength(1);
    expect(
      statuses.filter((status) => status !== 200).every((status) => status === 409 || status === 404),
    ).toBe(true);
    const published = statuses[0] === 200 || statuses[1] === 200;
    const live = policyViewSchema.parse((await agentApi(baton, olu, 'GET', '/api/ops/policy')).body);
    expect(live.version).toBe(policyVersion + (published ? 1 : 0));
    expect(
      policyDraftResponseSchema.parse((await agentApi(baton, olu, 'GET', draftPath)).body).draft,
    ).toBeNull();
    await restorePolicy(olu, before.yaml);
  });

  it('two publishes that both read the draft before either writes: one version, the other a conflict', async () => {
    const workspace = await baton.store.workspaces.getBySlug('acme');
    const [olu, sam] = await Promise.all(
      ['olu@acme.test', 'sam@acme.test'].map((email) =>
        baton.store.agents.getByEmail(workspace?.id ?? '', email),
      ),
    );
    if (!workspace || !olu || !sam) throw new Error('the demo company is missing ops people');
    const token = await agentToken(baton, 'olu@acme.test');
    const before = policyViewSchema.parse((await agentApi(baton, token, 'GET', '/api/ops/policy')).body);
    const { policyVersion } = thresholdSuggestionsSchema.parse(
      (await agentApi(baton, token, 'GET', `${suggestionsPath}?targetPrecision=0.99`)).body,
    );
    const accept = { targetPrecision: 0.99, threshold: 0.65, policyVersion, note: 'Racing publishes' };
    const made = acceptSuggestionResponseSchema.parse(
      (await agentApi(baton, token, 'POST', `${suggestionsPath}/shipping/accept`, accept)).body,
    );
    // Both publishers pass their checks (the draft is current, the policy is the one it was made
    // from) before either writes: the interleaving two people clicking at once can produce.
    let waiting: (() => void)[] = [];
    const racing: Store = {
      ...baton.store,
      policies: {
        ...baton.store.policies,
        current: async (workspaceId) => {
          const current = await baton.store.policies.current(workspaceId);
          await new Promise<void>((release) => {
            waiting.push(release);
            if (waiting.length === 2) for (const go of waiting.splice(0)) go();
          });
          return current;
        },
      },
    };
    const at = new Date();
    const outcomes = await Promise.allSettled([
      publishPolicyDraft(racing, olu, made.draft.draft, at),
      publishPolicyDraft(racing, sam, made.draft.draft, at),
    ]);
    waiting = [];
    expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1);
    const refused = outcomes.find((outcome) => outcome.status === 'rejected');
    expect(refused?.reason).toMatchObject({ code: 'conflict' });
    expect((await baton.store.policies.current(workspace.id))?.version).toBe(policyVersion + 1);
    expect(await currentPolicyDraft(baton.store, workspace.id)).toBeNull();
    await restorePolicy(token, before.yaml);
  });
});
