/** Handoff wording: the override as JSON, the shipped wording for reference, save (linter problems) and history. */
import { useCallback, useEffect, useState } from 'react';
import type {
  HandoffTemplatesOverrideView,
  HandoffTemplatesView,
  PublishTemplatesRequest,
  TemplatesCheckRequest,
  TemplatesCheckResponse,
} from '../../../src/api/ops-schemas.ts';
import { ApiError, apiCall } from '../shared/api.ts';
import { formatTime, ProblemList, type ShownProblem } from './problem-list.tsx';

type Outcome =
  | { kind: 'idle' }
  | { kind: 'problems'; problems: readonly ShownProblem[] }
  | { kind: 'saved'; version: number }
  | { kind: 'failed'; message: string };

const pretty = (value: unknown): string => JSON.stringify(value, null, 2);

/** The editor's text as an override object, or the reason it is not one. */
const parseOverride = (
  text: string,
): { ok: true; value: HandoffTemplatesOverrideView } | { ok: false; why: string } => {
  try {
    const value: unknown = JSON.parse(text.trim() === '' ? '{}' : text);
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      return { ok: false, why: 'must be a JSON object, e.g. {"reasons": {"human_requested": "…"}}' };
    }
    // The server validates the shape and lints the wording; this only checks it is an object.
    return { ok: true, value };
  } catch (error) {
    return { ok: false, why: `is not valid JSON: ${error instanceof Error ? error.message : String(error)}` };
  }
};

export const TemplatesSection = () => {
  const [view, setView] = useState<HandoffTemplatesView | null>(null);
  const [text, setText] = useState('{}');
  const [note, setNote] = useState('');
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'idle' });
  const [busy, setBusy] = useState(false);

  const load = useCallback(async () => {
    const loaded = await apiCall<HandoffTemplatesView>('GET', '/api/ops/handoff-templates');
    setView(loaded);
    setText(pretty(loaded.override ?? {}));
  }, []);

  useEffect(() => {
    load().catch((error: unknown) =>
      setOutcome({
        kind: 'failed',
        message: error instanceof Error ? error.message : 'Could not load the templates.',
      }),
    );
  }, [load]);

  const save = async () => {
    const parsed = parseOverride(text);
    if (!parsed.ok) {
      setOutcome({ kind: 'problems', problems: [{ where: 'override', what: parsed.why }] });
      return;
    }
    if (note.trim() === '') {
      setOutcome({
        kind: 'problems',
        problems: [{ where: 'why', what: 'say why you are changing the wording' }],
      });
      return;
    }
    setBusy(true);
    try {
      const check: TemplatesCheckRequest = { override: parsed.value };
      const checked = await apiCall<TemplatesCheckResponse>('POST', '/api/ops/handoff-templates/check', {
        body: check,
      });
      if (!checked.ok) {
        setOutcome({
          kind: 'problems',
          problems: checked.problems.map((p) => ({ where: p.where, what: p.notes.join(' ') })),
        });
        return;
      }
      const body: PublishTemplatesRequest = { override: parsed.value, note };
      const saved = await apiCall<HandoffTemplatesView>('PUT', '/api/ops/handoff-templates', { body });
      setView(saved);
      setText(pretty(saved.override ?? {}));
      setNote('');
      setOutcome({ kind: 'saved', version: saved.version });
    } catch (error) {
      const message =
        error instanceof ApiError && error.status === 400 ? `Not saved: ${error.message}` : null;
      setOutcome({
        kind: 'failed',
        message: message ?? (error instanceof Error ? error.message : 'Could not save. Try again.'),
      });
    } finally {
      setBusy(false);
    }
  };

  const canChange = view?.canChange ?? false;
  return (
    <section className="ops-panel" aria-labelledby="ops-templates-title">
      <h2 id="ops-templates-title">Handoff wording</h2>
      <p className="hint">
        Override any part of the shipped wording for every team, or under <code>teams.&lt;key&gt;</code> for
        one team. Every save is checked for the three parts of a handoff: the customer’s question, what was
        tried, and what happens next.
      </p>
      {view && (
        <p className="ops-current" data-testid="templates-current">
          {view.version === 0
            ? 'Using the shipped wording.'
            : `Version ${view.version} · ${view.history[0]?.authorName ?? ''} · ${formatTime(view.history[0]?.createdAt ?? null)}`}
        </p>
      )}
      <div className="ops-columns">
        <label className="ops-field">
          <span>Override (JSON)</span>
          <textarea
            className="ops-code"
            rows={18}
            spellCheck={false}
            value={text}
            readOnly={!canChange}
            onChange={(e) => setText(e.target.value)}
          />
        </label>
        <details className="ops-defaults" open>
          <summary>Shipped wording (reference)</summary>
          <pre data-testid="templates-defaults">{view ? pretty(view.defaults) : ''}</pre>
        </details>
      </div>
      {canChange && (
        <div className="ops-save">
          <label className="ops-field">
            <span>Why this wording (required)</span>
            <input value={note} maxLength={1000} onChange={(e) => setNote(e.target.value)} />
          </label>
          <button type="button" className="primary" disabled={busy} onClick={() => void save()}>
            {busy ? 'Saving…' : 'Save wording'}
          </button>
        </div>
      )}
      {outcome.kind === 'problems' && (
        <ProblemList
          title="Not saved. Fix these first:"
          problems={outcome.problems}
          testId="templates-problems"
        />
      )}
      {outcome.kind === 'saved' && (
        <p className="ops-ok" role="status" data-testid="templates-saved">
          Saved version {outcome.version}. The next handoff uses it.
        </p>
      )}
      {outcome.kind === 'failed' && (
        <p className="error" role="alert">
          {outcome.message}
        </p>
      )}
      {view && view.history.length > 0 && (
        <ol className="ops-history" data-testid="templates-history">
          {view.history.map((entry) => (
            <li key={entry.version}>
              <strong>v{entry.version}</strong> · {entry.authorName} · {formatTime(entry.createdAt)}
              {entry.note ? <span className="ops-note"> — {entry.note}</span> : null}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
};
