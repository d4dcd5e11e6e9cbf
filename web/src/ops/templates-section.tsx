/** Handoff wording: the override as JSON, the shipped wording for reference, save (linter problems) and history. */
import { useCallback, useEffect, useState } from 'react';
import type {
  HandoffTemplatesOverrideView,
  HandoffTemplatesView,
  PublishTemplatesRequest,
} from '../../../src/api/ops-schemas.ts';
import { apiCall } from '../shared/api.ts';
import { formatTime, type ShownProblem } from './problem-list.tsx';
import { useVersionedSave, VersionedSaveBar } from './versioned-save.tsx';

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

/** Problems as the server lists them for refused wording: which template, which parts it leaves out. */
const templateProblems = (details: unknown): ShownProblem[] =>
  Array.isArray(details)
    ? details.map((d: { where?: unknown; missing?: unknown; notes?: unknown }) => ({
        where: String(d.where),
        what:
          Array.isArray(d.notes) && d.notes.length > 0
            ? d.notes.join(' ')
            : `leaves out ${String(d.missing)}`,
      }))
    : [];

export const TemplatesSection = () => {
  const [view, setView] = useState<HandoffTemplatesView | null>(null);
  const [text, setText] = useState('{}');

  const load = useCallback(async () => {
    const loaded = await apiCall<HandoffTemplatesView>('GET', '/api/ops/handoff-templates');
    setView(loaded);
    setText(pretty(loaded.override ?? {}));
  }, []);

  const saving = useVersionedSave({
    whyPrompt: 'say why you are changing the wording',
    problemsFrom: templateProblems,
    checkFirst: () => {
      const parsed = parseOverride(text);
      return parsed.ok ? [] : [{ where: 'override', what: parsed.why }];
    },
    async publish(note) {
      const parsed = parseOverride(text);
      if (!parsed.ok) throw new Error(`The override ${parsed.why}`);
      // Made from the version on screen: a save over someone else's newer one is refused, not lost.
      const body: PublishTemplatesRequest = {
        override: parsed.value,
        note,
        ...(view ? { basedOnVersion: view.version } : {}),
      };
      const saved = await apiCall<HandoffTemplatesView>('PUT', '/api/ops/handoff-templates', { body });
      setView(saved);
      setText(pretty(saved.override ?? {}));
      return saved.version;
    },
  });
  const { fail } = saving;

  useEffect(() => {
    load().catch((error: unknown) =>
      fail(error instanceof Error ? error.message : 'Could not load the templates.'),
    );
  }, [load, fail]);

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
          <pre
            data-testid="templates-defaults"
            // biome-ignore lint/a11y/noNoninteractiveTabindex: focusable so keyboard users can scroll the long reference text
            tabIndex={0}
          >
            {view ? pretty(view.defaults) : ''}
          </pre>
        </details>
      </div>
      <VersionedSaveBar
        state={saving}
        canChange={canChange}
        noteLabel="Why this wording (required)"
        buttonLabel="Save wording"
        savedText={(version) => `Saved version ${version}. The next handoff uses it.`}
        testId="templates"
      />
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
