/** Escalation policy: the current version as YAML, a backtest of the draft, a required "why", save (problems with paths), history, diff and rollback. */
import { useCallback, useEffect, useState } from 'react';
import type {
  PolicyVersionsResponse,
  PolicyView,
  PublishPolicyRequest,
} from '../../../src/api/ops-schemas.ts';
import { apiCall } from '../shared/api.ts';
import { DraftBacktest } from './draft-backtest.tsx';
import { PolicyCalibration } from './policy-calibration.tsx';
import { PolicyVersions } from './policy-versions.tsx';
import { formatTime, type ShownProblem } from './problem-list.tsx';
import { SuggestedDraft } from './suggested-draft.tsx';
import { useVersionedSave, VersionedSaveBar } from './versioned-save.tsx';

/** Problems as the server lists them for a refused policy: each with its path. */
const policyProblems = (details: unknown): ShownProblem[] =>
  Array.isArray(details)
    ? details.map((d: { path?: unknown; message?: unknown }) => ({
        where: String(d.path),
        what: String(d.message),
      }))
    : [];

export const PolicySection = () => {
  const [policy, setPolicy] = useState<PolicyView | null>(null);
  const [history, setHistory] = useState<PolicyVersionsResponse['versions']>([]);
  const [yaml, setYaml] = useState('');

  const load = useCallback(async () => {
    const [current, versions] = await Promise.all([
      apiCall<PolicyView>('GET', '/api/ops/policy'),
      apiCall<PolicyVersionsResponse>('GET', '/api/ops/policy/versions'),
    ]);
    setPolicy(current);
    setYaml(current.yaml);
    setHistory(versions.versions);
  }, []);

  const saving = useVersionedSave({
    whyPrompt: 'say why you are changing the policy',
    problemsFrom: policyProblems,
    async publish(note) {
      // Made from the version on screen: if someone published since, the save is refused, not lost.
      const body: PublishPolicyRequest = {
        yaml,
        note,
        ...(policy ? { basedOnVersion: policy.version } : {}),
      };
      const published = await apiCall<PolicyView>('PUT', '/api/ops/policy', { body });
      await load();
      return published.version;
    },
  });
  const { fail } = saving;

  useEffect(() => {
    load().catch((error: unknown) =>
      fail(error instanceof Error ? error.message : 'Could not load the policy.'),
    );
  }, [load, fail]);

  const canChange = policy?.canChange ?? false;
  return (
    <section className="ops-panel" aria-labelledby="ops-policy-title">
      <h2 id="ops-policy-title">Escalation policy</h2>
      {policy && (
        <p className="ops-current" data-testid="policy-current">
          Version {policy.version} <code>{policy.label}</code> · {policy.authorName} ·{' '}
          {formatTime(policy.createdAt)}
          {policy.restoredFrom !== null ? ` · rollback to v${policy.restoredFrom}` : ''}
          {policy.note ? ` · “${policy.note}”` : ''}
        </p>
      )}
      <p className="hint">
        Default category phrasings are left out and filled back in on save. Every save gets the next version
        number, which decisions cite; the <code>version</code> label inside is a display name.
      </p>
      <SuggestedDraft onPublished={load} />
      <label className="ops-field">
        <span>Policy (YAML)</span>
        <textarea
          className="ops-code"
          rows={24}
          spellCheck={false}
          value={yaml}
          readOnly={!canChange}
          onChange={(e) => setYaml(e.target.value)}
        />
      </label>
      {canChange && <DraftBacktest yaml={yaml} />}
      <VersionedSaveBar
        state={saving}
        canChange={canChange}
        noteLabel="Why this change (required)"
        buttonLabel="Save policy"
        savedText={(version) =>
          `Published version ${version}. The next customer message is decided under it.`
        }
        testId="policy"
      />
      <PolicyCalibration />
      <PolicyVersions history={history} onChanged={load} />
    </section>
  );
};
