/** The team planner (SPEC §10): edit the inputs, calculate, read the team before and after, line by line. */
import { useCallback, useEffect, useState } from 'react';
import type {
  PlanInputView,
  PlannerDefaults,
  PlannerHistory,
  PlanRequest,
  PlanResponse,
} from '../../../src/api/planner-schemas.ts';
import type { AgentView } from '../../../src/api/schemas.ts';
import { SignIn } from '../agent/sign-in.tsx';
import { ApiError, apiCall } from '../shared/api.ts';
import { wholeVolumes } from './edit-input.ts';
import { type Problem, problemsFromMessage } from './field-labels.ts';
import { HistoryEvidence } from './history-evidence.tsx';
import { AutomationCurveChart, RoleBarChart } from './plan-charts.tsx';
import { PlanInputs } from './plan-inputs.tsx';
import { PlanNotes, PlanSummary, RoleTable } from './plan-results.tsx';
import './planner.css';

const DEFAULT_ID = 'default';
const HISTORY_ID = 'history';
const HISTORY_DAYS = 28;

type Session = { kind: 'checking' } | { kind: 'signedOut' } | { kind: 'signedIn'; agent: AgentView };

export const PlannerPage = () => {
  const [session, setSession] = useState<Session>({ kind: 'checking' });
  const [defaults, setDefaults] = useState<PlannerDefaults | null>(null);
  const [scenarioId, setScenarioId] = useState(DEFAULT_ID);
  const [input, setInput] = useState<PlanInputView | null>(null);
  const [result, setResult] = useState<PlanResponse | null>(null);
  const [calculatedFor, setCalculatedFor] = useState<string | null>(null);
  const [problems, setProblems] = useState<readonly Problem[]>([]);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [history, setHistory] = useState<PlannerHistory | null>(null);
  const [readingHistory, setReadingHistory] = useState(false);

  const calculate = useCallback(async (planInput: PlanInputView) => {
    setBusy(true);
    setFailure(null);
    try {
      const body: PlanRequest = { input: planInput };
      const response = await apiCall<PlanResponse>('POST', '/api/planner/plan', { body });
      setResult(response);
      setCalculatedFor(JSON.stringify(planInput));
      setProblems([]);
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) setSession({ kind: 'signedOut' });
      else if (error instanceof ApiError && error.status === 400) {
        const found = problemsFromMessage(planInput, error.message);
        setProblems(found);
        if (found.length === 0) setFailure(error.message);
      } else setFailure(error instanceof Error ? error.message : 'Could not reach Baton. Try again.');
    } finally {
      setBusy(false);
    }
  }, []);

  useEffect(() => {
    apiCall<AgentView>('GET', '/api/agents/me')
      .then((agent) => setSession({ kind: 'signedIn', agent }))
      .catch(() => setSession({ kind: 'signedOut' }));
  }, []);

  const signedIn = session.kind === 'signedIn';
  useEffect(() => {
    if (!signedIn) return;
    const load = async () => {
      try {
        const loaded = await apiCall<PlannerDefaults>('GET', '/api/planner/defaults');
        setDefaults(loaded);
        setInput(loaded.defaultInput);
        await calculate(loaded.defaultInput);
      } catch (error) {
        setFailure(error instanceof Error ? error.message : 'Could not load the planner. Reload the page.');
      }
    };
    void load();
  }, [signedIn, calculate]);

  if (session.kind === 'checking') return <p className="loading">Loading…</p>;
  // Signing in here keeps the visitor on the planner.
  if (session.kind === 'signedOut') {
    return (
      <SignIn
        title="Sign in to the team planner"
        onSignedIn={(agent) => setSession({ kind: 'signedIn', agent })}
      />
    );
  }

  const loadHistory = async () => {
    setReadingHistory(true);
    setFailure(null);
    try {
      const loaded = await apiCall<PlannerHistory>('GET', `/api/planner/from-history?days=${HISTORY_DAYS}`);
      const whole = wholeVolumes(loaded.input);
      setHistory({ ...loaded, input: whole });
      setScenarioId(HISTORY_ID);
      setInput(whole);
      setProblems([]);
      await calculate(whole);
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) setSession({ kind: 'signedOut' });
      else setFailure(error instanceof Error ? error.message : 'Could not read the history. Try again.');
    } finally {
      setReadingHistory(false);
    }
  };

  const pick = (id: string) => {
    setScenarioId(id);
    const next =
      id === DEFAULT_ID
        ? defaults?.defaultInput
        : id === HISTORY_ID
          ? history?.input
          : defaults?.scenarios.find((s) => s.id === id)?.input;
    setProblems([]);
    if (next) {
      setInput(next);
      void calculate(next);
    }
  };
  const invalid = (path: string): boolean =>
    problems.some((p) => p.path === path || p.path.startsWith(`${path}.`));
  const stale = result !== null && input !== null && calculatedFor !== JSON.stringify(input);

  return (
    <div className="planner">
      <header className="planner-bar">
        <a className="brand" href="/">
          Baton
        </a>
        <span className="planner-title">Team planner</span>
        <span className="spacer" />
        <a href="/agent">Inbox</a>
        <span className="who">{session.agent.name}</span>
      </header>

      <div className="planner-grid">
        <aside className="planner-form" aria-label="Plan inputs">
          <div className="toolbar">
            <label className="field scenario">
              <span className="field-label">Scenario</span>
              <select value={scenarioId} onChange={(e) => pick(e.target.value)}>
                <option value={DEFAULT_ID}>{defaults?.defaultInput.name ?? 'Default'} (default)</option>
                {defaults?.scenarios.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.name}
                  </option>
                ))}
                {history && <option value={HISTORY_ID}>{history.input.name}</option>}
              </select>
            </label>
            <button
              type="button"
              className="primary"
              disabled={busy || input === null}
              onClick={() => input && void calculate(input)}
            >
              {busy ? 'Calculating…' : 'Calculate'}
            </button>
          </div>
          <button
            type="button"
            className="history-button"
            disabled={readingHistory || busy}
            onClick={() => void loadHistory()}
          >
            {readingHistory ? 'Reading history…' : `Use this workspace's history (last ${HISTORY_DAYS} days)`}
          </button>
          {history && scenarioId === HISTORY_ID && <HistoryEvidence history={history} />}
          {problems.length > 0 && (
            <div className="error problems" role="alert" data-testid="plan-problems">
              <strong>Fix these inputs and calculate again:</strong>
              <ul>
                {problems.map((p) => (
                  <li key={`${p.path}:${p.message}`}>
                    <b>{p.label}</b>: {p.message}
                  </li>
                ))}
              </ul>
            </div>
          )}
          {failure && (
            <p className="error" role="alert">
              {failure}
            </p>
          )}
          {input && <PlanInputs input={input} onChange={setInput} invalid={invalid} />}
        </aside>

        <main className="planner-results">
          <div className="results-head">
            {/* The scenario being edited, whatever was last calculated. */}
            <h1 data-testid="plan-name">{input?.name ?? 'Team planner'}</h1>
            {stale && (
              <span className="stale" data-testid="stale">
                Inputs changed — calculate to update
              </span>
            )}
          </div>
          {result ? (
            <>
              <PlanSummary plan={result.plan} />
              <div className="charts">
                <RoleBarChart plan={result.plan} />
                <AutomationCurveChart plan={result.plan} curve={result.curve} />
              </div>
              <section className="panel">
                <h2>Roles before and after, line by line</h2>
                <RoleTable plan={result.plan} />
              </section>
              <PlanNotes plan={result.plan} />
            </>
          ) : (
            <p className="empty">{busy ? 'Calculating…' : 'Set the inputs and calculate.'}</p>
          )}
        </main>
      </div>
    </div>
  );
};
