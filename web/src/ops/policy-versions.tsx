/**
 * The policy's audit trail in the ops console: every version with who, when and why; any version
 * shown read-only; the changes between any two; and rolling back to an earlier version (a new
 * version equal to it, with a required why).
 */
import { useState } from 'react';
import type {
  PolicyDiffResponse,
  PolicyVersionEntry,
  PolicyView,
  RollbackPolicyRequest,
} from '../../../src/api/ops-schemas.ts';
import { ApiError, apiCall } from '../shared/api.ts';
import { formatTime } from './problem-list.tsx';

const messageOf = (error: unknown, fallback: string) => (error instanceof Error ? error.message : fallback);

const PolicyDiff = ({ diff }: { diff: PolicyDiffResponse }) => (
  <div className="ops-diff" data-testid="policy-diff">
    <p className="hint">
      Changes from v{diff.from} to v{diff.to}
      {diff.identical ? ': none — the two versions are the same document.' : ''}
    </p>
    {diff.hunks.map((hunk) => (
      <pre key={`${hunk.fromStart}-${hunk.toStart}`} className="ops-code">
        {hunk.lines.map((line) => (
          <span key={`${line.fromLine}-${line.toLine}`} className={`ops-diff-${line.kind}`}>
            <span className="ops-diff-number">{line.fromLine ?? ''}</span>
            <span className="ops-diff-number">{line.toLine ?? ''}</span>
            {line.kind === 'added' ? '+ ' : line.kind === 'removed' ? '- ' : '  '}
            {line.text}
            {'\n'}
          </span>
        ))}
      </pre>
    ))}
  </div>
);

const CompareVersions = ({ history }: { history: readonly PolicyVersionEntry[] }) => {
  const [from, setFrom] = useState(history[1]?.version ?? history[0]?.version ?? 1);
  const [to, setTo] = useState(history[0]?.version ?? 1);
  const [diff, setDiff] = useState<PolicyDiffResponse | null>(null);
  const [error, setError] = useState<string | null>(null);
  const compare = async () => {
    setError(null);
    try {
      setDiff(await apiCall<PolicyDiffResponse>('GET', `/api/ops/policy/diff?from=${from}&to=${to}`));
    } catch (e) {
      setError(messageOf(e, 'Could not compare the versions.'));
    }
  };
  const options = history.map((entry) => (
    <option key={entry.version} value={entry.version}>
      v{entry.version} {entry.label}
    </option>
  ));
  return (
    <div className="ops-compare">
      <label className="ops-field">
        <span>From version</span>
        <select aria-label="From version" value={from} onChange={(e) => setFrom(Number(e.target.value))}>
          {options}
        </select>
      </label>
      <label className="ops-field">
        <span>To version</span>
        <select aria-label="To version" value={to} onChange={(e) => setTo(Number(e.target.value))}>
          {options}
        </select>
      </label>
      <button type="button" onClick={() => void compare()}>
        Show changes
      </button>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {diff && <PolicyDiff diff={diff} />}
    </div>
  );
};

/** One version read-only, with a roll-back form when it is not the current one. */
const VersionView = (props: {
  view: PolicyView;
  onClose: () => void;
  onRolledBack: (published: PolicyView) => Promise<void>;
}) => {
  const { view } = props;
  const [why, setWhy] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const rollBack = async () => {
    if (why.trim() === '') {
      setError('Say why you are rolling back: it goes into the history.');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const body: RollbackPolicyRequest = { version: view.version, note: why };
      await props.onRolledBack(await apiCall<PolicyView>('POST', '/api/ops/policy/rollback', { body }));
    } catch (e) {
      setError(e instanceof ApiError ? e.message : messageOf(e, 'Could not roll back. Try again.'));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="ops-version" data-testid="policy-version-view">
      <div className="ops-heading">
        <strong>
          Version {view.version} <code>{view.label}</code>
          {view.current ? ' (current)' : ''}
        </strong>
        <button type="button" className="link" onClick={props.onClose}>
          Close
        </button>
      </div>
      <p className="ops-note">
        {view.authorName} · {formatTime(view.createdAt)}
        {view.note ? ` · “${view.note}”` : ''}
      </p>
      <pre className="ops-code ops-version-yaml">{view.yaml}</pre>
      {view.canChange && !view.current && (
        <div className="ops-save">
          <label className="ops-field">
            <span>Why roll back to version {view.version} (required)</span>
            <input value={why} maxLength={1000} onChange={(e) => setWhy(e.target.value)} />
          </label>
          <button type="button" className="primary" disabled={busy} onClick={() => void rollBack()}>
            {busy ? 'Rolling back…' : `Roll back to v${view.version}`}
          </button>
        </div>
      )}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
};

export const PolicyVersions = (props: {
  history: readonly PolicyVersionEntry[];
  /** Reloads the current policy and the history after a rollback. */
  onChanged: () => Promise<void>;
}) => {
  const [viewing, setViewing] = useState<PolicyView | null>(null);
  const [rolledBack, setRolledBack] = useState<PolicyView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const show = async (version: number) => {
    setError(null);
    try {
      setViewing(await apiCall<PolicyView>('GET', `/api/ops/policy/versions/${version}`));
    } catch (e) {
      setError(messageOf(e, 'Could not load that version.'));
    }
  };
  return (
    <>
      <h3>History</h3>
      <ol className="ops-history" data-testid="policy-history">
        {props.history.map((entry) => (
          <li key={entry.version}>
            <strong>v{entry.version}</strong> <code>{entry.label}</code> · {entry.authorName} ·{' '}
            {formatTime(entry.createdAt)}
            {entry.restoredFrom !== null && <em> · rollback to v{entry.restoredFrom}</em>}
            {entry.note ? <span className="ops-note"> — {entry.note}</span> : null}{' '}
            <button type="button" className="link" onClick={() => void show(entry.version)}>
              View v{entry.version}
            </button>
          </li>
        ))}
      </ol>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {rolledBack && (
        <p className="ops-ok" role="status" data-testid="policy-rolled-back">
          Published version {rolledBack.version}, the same policy as version {rolledBack.restoredFrom}. The
          next customer message is decided under it.
        </p>
      )}
      {viewing && (
        <VersionView
          key={viewing.version}
          view={viewing}
          onClose={() => setViewing(null)}
          onRolledBack={async (published) => {
            setViewing(null);
            setRolledBack(published);
            await props.onChanged();
          }}
        />
      )}
      {props.history.length > 1 && (
        <>
          <h3>Compare versions</h3>
          <CompareVersions key={props.history[0]?.version} history={props.history} />
        </>
      )}
    </>
  );
};
