/** Escalation policy: the current version as YAML, a required "why", save (problems with paths), history. */
import { useCallback, useEffect, useState } from 'react';
import type {
  PolicyCheckRequest,
  PolicyCheckResponse,
  PolicyVersionsResponse,
  PolicyView,
  PublishPolicyRequest,
} from '../../../src/api/ops-schemas.ts';
import { apiCall } from '../shared/api.ts';
import { formatTime, ProblemList, type ShownProblem } from './problem-list.tsx';

type Outcome =
  | { kind: 'idle' }
  | { kind: 'problems'; problems: readonly ShownProblem[] }
  | { kind: 'published'; version: number }
  | { kind: 'failed'; message: string };

export const PolicySection = () => {
  const [policy, setPolicy] = useState<PolicyView | null>(null);
  const [history, setHistory] = useState<PolicyVersionsResponse['versions']>([]);
  const [yaml, setYaml] = useState('');
  const [note, setNote] = useState('');
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'idle' });
  const [busy, setBusy] = useState(false);

  const load = useCallback(async () => {
    const [current, versions] = await Promise.all([
      apiCall<PolicyView>('GET', '/api/ops/policy'),
      apiCall<PolicyVersionsResponse>('GET', '/api/ops/policy/versions'),
    ]);
    setPolicy(current);
    setYaml(current.yaml);
    setHistory(versions.versions);
  }, []);

  useEffect(() => {
    load().catch((error: unknown) =>
      setOutcome({
        kind: 'failed',
        message: error instanceof Error ? error.message : 'Could not load the policy.',
      }),
    );
  }, [load]);

  const save = async () => {
    if (note.trim() === '') {
      setOutcome({
        kind: 'problems',
        problems: [{ where: 'why', what: 'say why you are changing the policy' }],
      });
      return;
    }
    setBusy(true);
    try {
      const check: PolicyCheckRequest = { yaml };
      const checked = await apiCall<PolicyCheckResponse>('POST', '/api/ops/policy/check', { body: check });
      if (!checked.ok) {
        setOutcome({
          kind: 'problems',
          problems: checked.problems.map((p) => ({ where: p.path, what: p.message })),
        });
        return;
      }
      const body: PublishPolicyRequest = { yaml, note };
      const published = await apiCall<PolicyView>('PUT', '/api/ops/policy', { body });
      setOutcome({ kind: 'published', version: published.version });
      setNote('');
      await load();
    } catch (error) {
      setOutcome({
        kind: 'failed',
        message: error instanceof Error ? error.message : 'Could not save. Try again.',
      });
    } finally {
      setBusy(false);
    }
  };

  const canChange = policy?.canChange ?? false;
  return (
    <section className="ops-panel" aria-labelledby="ops-policy-title">
      <h2 id="ops-policy-title">Escalation policy</h2>
      {policy && (
        <p className="ops-current" data-testid="policy-current">
          Version {policy.version} <code>{policy.label}</code> · {policy.authorName} ·{' '}
          {formatTime(policy.createdAt)}
          {policy.note ? ` · “${policy.note}”` : ''}
        </p>
      )}
      <p className="hint">
        Default category phrasings are left out and filled back in on save. Decisions cite the{' '}
        <code>version</code> label; give each change its own.
      </p>
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
      {canChange && (
        <div className="ops-save">
          <label className="ops-field">
            <span>Why this change (required)</span>
            <input value={note} maxLength={1000} onChange={(e) => setNote(e.target.value)} />
          </label>
          <button type="button" className="primary" disabled={busy} onClick={() => void save()}>
            {busy ? 'Saving…' : 'Save policy'}
          </button>
        </div>
      )}
      {outcome.kind === 'problems' && (
        <ProblemList
          title="Not saved. Fix these first:"
          problems={outcome.problems}
          testId="policy-problems"
        />
      )}
      {outcome.kind === 'published' && (
        <p className="ops-ok" role="status" data-testid="policy-saved">
          Published version {outcome.version}. The next customer message is decided under it.
        </p>
      )}
      {outcome.kind === 'failed' && (
        <p className="error" role="alert">
          {outcome.message}
        </p>
      )}
      <h3>History</h3>
      <ol className="ops-history" data-testid="policy-history">
        {history.map((entry) => (
          <li key={entry.version}>
            <strong>v{entry.version}</strong> <code>{entry.label}</code> · {entry.authorName} ·{' '}
            {formatTime(entry.createdAt)}
            {entry.note ? <span className="ops-note"> — {entry.note}</span> : null}
          </li>
        ))}
      </ol>
    </section>
  );
};
