/**
 * The LLM settings (SPEC §1: ops own them): which answerer the workspace uses, its endpoint and
 * model, and a write-only API key. "Test connection" asks the server to call the endpoint once with
 * what is on the form (the stored key unless a new one is typed), before anything is saved.
 */
import { type FormEvent, useCallback, useEffect, useState } from 'react';
import type {
  LlmConnectionResultView,
  LlmSettingsView,
  SaveLlmSettingsRequest,
} from '../../../src/api/llm-settings-schemas.ts';
import { ApiError, apiCall } from '../shared/api.ts';

type Mode = LlmSettingsView['mode'];
const modes: readonly (readonly [Mode, string])[] = [
  ['environment', 'As the server is configured (BATON_LLM_*)'],
  ['llm', 'This model endpoint'],
  ['embedded', 'No model: answers quoted from the knowledge base'],
];

const describeEffective = (view: LlmSettingsView): string =>
  view.effective.answerer === 'llm'
    ? `The AI now answers with ${view.effective.model ?? 'a model'} at ${view.effective.baseUrl ?? 'the configured endpoint'}.`
    : 'The AI now answers from the knowledge base without a model.';

const failureOf = (error: unknown): string =>
  error instanceof ApiError ? error.message : 'That did not work. Try again.';

export const LlmSection = (props: { editor: boolean }) => {
  const [view, setView] = useState<LlmSettingsView | null>(null);
  const [mode, setMode] = useState<Mode>('environment');
  const [baseUrl, setBaseUrl] = useState('');
  const [model, setModel] = useState('');
  const [apiKey, setApiKey] = useState('');
  const [removeKey, setRemoveKey] = useState(false);
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  const show = useCallback((loaded: LlmSettingsView) => {
    setView(loaded);
    setMode(loaded.mode);
    setBaseUrl(loaded.baseUrl ?? '');
    setModel(loaded.model ?? '');
    setApiKey('');
    setRemoveKey(false);
  }, []);

  useEffect(() => {
    apiCall<LlmSettingsView>('GET', '/api/ops/llm-settings').then(show, (error: unknown) =>
      setStatus({ ok: false, text: failureOf(error) }),
    );
  }, [show]);

  const run = async (work: () => Promise<{ ok: boolean; text: string }>) => {
    setBusy(true);
    setStatus(null);
    try {
      setStatus(await work());
    } catch (error) {
      setStatus({ ok: false, text: failureOf(error) });
    } finally {
      setBusy(false);
    }
  };

  const save = (event: FormEvent) => {
    event.preventDefault();
    const body: SaveLlmSettingsRequest = {
      mode,
      ...(baseUrl.trim() ? { baseUrl: baseUrl.trim() } : {}),
      ...(model.trim() ? { model: model.trim() } : {}),
      ...(removeKey ? { apiKey: null } : apiKey ? { apiKey } : {}),
      // Made from the version on screen: a save over someone else's newer one is refused, not lost.
      ...(view ? { basedOnVersion: view.version } : {}),
    };
    void run(async () => {
      const saved = await apiCall<LlmSettingsView>('PUT', '/api/ops/llm-settings', { body });
      show(saved);
      return { ok: true, text: `Saved as version ${saved.version}. ${describeEffective(saved)}` };
    });
  };

  const test = () =>
    void run(async () => {
      const result = await apiCall<LlmConnectionResultView>('POST', '/api/ops/llm-settings/test', {
        body: { baseUrl: baseUrl.trim(), model: model.trim(), ...(apiKey ? { apiKey } : {}) },
      });
      return {
        ok: result.ok,
        text: result.ok ? `Connected: ${result.message}.` : `Failed: ${result.message}.`,
      };
    });

  const endpointShown = mode === 'llm';
  return (
    <section className="ops-panel" aria-labelledby="ops-llm-title" data-testid="llm-settings">
      <div className="ops-heading">
        <h2 id="ops-llm-title">AI model</h2>
      </div>
      {view && <p className="hint">{describeEffective(view)}</p>}
      <form onSubmit={save}>
        <fieldset className="llm-fields" disabled={!props.editor || busy}>
          <legend>Which answerer the AI uses</legend>
          {modes.map(([key, label]) => (
            <label key={key} className="llm-mode">
              <input type="radio" name="llm-mode" checked={mode === key} onChange={() => setMode(key)} />{' '}
              {label}
            </label>
          ))}
          {endpointShown && (
            <>
              <label>
                Provider URL
                <input
                  type="url"
                  value={baseUrl}
                  placeholder="https://api.openai.com/v1"
                  onChange={(e) => setBaseUrl(e.target.value)}
                />
              </label>
              <label>
                Model
                <input value={model} placeholder="gpt-4o-mini" onChange={(e) => setModel(e.target.value)} />
              </label>
              <label>
                API key
                <input
                  type="password"
                  autoComplete="off"
                  value={apiKey}
                  aria-describedby="llm-key-hint"
                  placeholder={view?.hasApiKey ? 'A key is stored: leave empty to keep it' : 'None stored'}
                  onChange={(e) => setApiKey(e.target.value)}
                />
              </label>
              <span id="llm-key-hint" className="hint">
                Write-only: Baton stores the key encrypted and never shows it again.
              </span>
              {view?.hasApiKey && (
                <label className="llm-mode">
                  <input
                    type="checkbox"
                    checked={removeKey}
                    onChange={(e) => setRemoveKey(e.target.checked)}
                  />{' '}
                  Remove the stored key
                </label>
              )}
            </>
          )}
          <div className="actions">
            {endpointShown && (
              <button type="button" onClick={test} disabled={!baseUrl.trim() || !model.trim()}>
                Test connection
              </button>
            )}
            <button type="submit" className="primary">
              Save
            </button>
          </div>
        </fieldset>
      </form>
      <p
        role="status"
        className={status ? (status.ok ? 'llm-ok' : 'error') : 'visually-hidden'}
        data-testid="llm-status"
      >
        {status?.text ?? ''}
      </p>
    </section>
  );
};
