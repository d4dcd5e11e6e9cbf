/**
 * Threshold suggestions (SPEC §8) on the calibration page: per category, the threshold that meets
 * the target precision and why. "Run backtest" replays the last four weeks with it; "Accept" opens
 * only after that and stores a policy draft (with the why) that ops publish or discard in the ops
 * console — never a silent change.
 */
import { type FormEvent, useEffect, useState } from 'react';
import {
  type AcceptSuggestionResponse,
  acceptSuggestionResponseSchema,
} from '../../../src/api/policy-draft-schemas.ts';
import {
  type SuggestionBacktestView,
  suggestionBacktestSchema,
  type ThresholdSuggestionsView,
  type ThresholdSuggestionView,
  thresholdSuggestionsSchema,
} from '../../../src/api/threshold-suggestion-schemas.ts';
import { apiCall } from '../shared/api.ts';

const percent = (value: number | null) => (value === null ? '—' : `${Math.round(value * 1000) / 10}%`);
const path = (category: string, action: string) =>
  `/api/coaching/threshold-suggestions/${encodeURIComponent(category)}/${action}`;

const BacktestTable = ({ backtest }: { backtest: SuggestionBacktestView }) => (
  <table className="gap-weeks" data-testid="suggestion-backtest">
    <caption>
      Backtest over {backtest.conversations} conversations of the last {backtest.days} days (
      {backtest.changed} decided differently)
    </caption>
    <thead>
      <tr>
        <th scope="col" />
        <th scope="col">Now ({backtest.currentThreshold})</th>
        <th scope="col">Suggested ({backtest.threshold})</th>
      </tr>
    </thead>
    <tbody>
      {(
        [
          ['AI resolution', (side: 'before' | 'after') => percent(backtest[side].aiResolution)],
          ['Wrong answers sent', (side: 'before' | 'after') => String(backtest[side].wrongAnswers)],
          ['Handoffs', (side: 'before' | 'after') => String(backtest[side].handoffs)],
          ['Needless handoffs', (side: 'before' | 'after') => String(backtest[side].needlessHandoffs)],
        ] as const
      ).map(([name, cell]) => (
        <tr key={name}>
          <th scope="row">{name}</th>
          <td>{cell('before')}</td>
          <td>{cell('after')}</td>
        </tr>
      ))}
    </tbody>
  </table>
);

/** Says where the draft went, and which earlier draft it replaced (there is one per workspace). */
const acceptedText = ({ draft, replaced }: AcceptSuggestionResponse): string =>
  [
    `Saved as a policy draft (${draft.category} ${draft.fromThreshold} → ${draft.toThreshold}); nothing changes until it is published in the ops console.`,
    replaced
      ? `It replaced the earlier draft (${replaced.category} → ${replaced.toThreshold}, by ${replaced.byName}).`
      : '',
  ]
    .filter(Boolean)
    .join(' ');

interface CardProps {
  readonly suggestion: ThresholdSuggestionView;
  readonly view: ThresholdSuggestionsView;
  readonly onChanged: (view: ThresholdSuggestionsView) => void;
}

const SuggestionCard = ({ suggestion, view, onChanged }: CardProps) => {
  const [backtest, setBacktest] = useState<SuggestionBacktestView | null>(null);
  const [note, setNote] = useState('');
  const [status, setStatus] = useState<string | null>(null);
  const [accepted, setAccepted] = useState(false);
  const body = { targetPrecision: view.targetPrecision };
  const run = () =>
    apiCall<unknown>('POST', path(suggestion.category, 'backtest'), { body })
      .then((result) => setBacktest(suggestionBacktestSchema.parse(result)))
      .catch((problem: Error) => setStatus(problem.message));
  const accept = () =>
    apiCall<unknown>('POST', path(suggestion.category, 'accept'), {
      body: { ...body, threshold: backtest?.threshold, policyVersion: backtest?.policyVersion, note },
    })
      .then((result) => {
        setStatus(acceptedText(acceptSuggestionResponseSchema.parse(result)));
        setAccepted(true);
      })
      .catch((problem: Error) => setStatus(problem.message));
  const dismiss = () =>
    apiCall<unknown>('POST', path(suggestion.category, 'dismiss'), { body: { ...body, note } })
      .then((result) => onChanged(thresholdSuggestionsSchema.parse(result)))
      .catch((problem: Error) => setStatus(problem.message));
  return (
    <li className="gap" data-testid="threshold-suggestion">
      <h3>{suggestion.category}</h3>
      <p className="gap-meta">
        {suggestion.labels} judged · {suggestion.calibrated ? 'calibrated confidence' : 'raw confidence'} ·
        threshold {suggestion.current.threshold}
        {suggestion.suggested ? ` → ${suggestion.suggested.threshold}` : ''}
      </p>
      <p>{suggestion.why}</p>
      {suggestion.kind === 'change' && (
        <div className="gap-draft">
          <button type="button" onClick={() => void run()}>
            Run backtest
          </button>
          {backtest && <BacktestTable backtest={backtest} />}
          {view.canApply ? (
            <>
              <label>
                Why (kept with the draft, or with the dismissal)
                <textarea value={note} onChange={(event) => setNote(event.target.value)} rows={2} />
              </label>
              <button type="button" disabled={!backtest || note.trim() === ''} onClick={() => void accept()}>
                Accept
              </button>
              <button type="button" disabled={note.trim() === ''} onClick={() => void dismiss()}>
                Dismiss
              </button>
            </>
          ) : (
            <p>Only ops and admins accept a suggestion.</p>
          )}
        </div>
      )}
      {status && <p role="status">{status}</p>}
      {accepted && <a href="/ops">Open the draft in the ops console</a>}
    </li>
  );
};

/** The target precision the workspace's suggestions aim for, stored for everyone (ops and admins set it). */
const TargetPrecision = (props: {
  view: ThresholdSuggestionsView;
  onChanged: (view: ThresholdSuggestionsView) => void;
}) => {
  const [value, setValue] = useState(String(Math.round(props.view.targetPrecision * 100)));
  const [problem, setProblem] = useState<string | null>(null);
  const save = (event: FormEvent) => {
    event.preventDefault();
    apiCall<unknown>('PUT', '/api/coaching/threshold-suggestions/settings', {
      body: { targetPrecision: Number(value) / 100 },
    })
      .then((result) => {
        setProblem(null);
        props.onChanged(thresholdSuggestionsSchema.parse(result));
      })
      .catch((error: Error) => setProblem(error.message));
  };
  return (
    <form className="ops-save" onSubmit={save}>
      <label className="ops-field">
        <span>Target precision (%)</span>
        <input type="number" min={50} max={99} value={value} onChange={(e) => setValue(e.target.value)} />
      </label>
      <button type="submit">Save target</button>
      {problem && <p role="alert">{problem}</p>}
    </form>
  );
};

export const ThresholdSuggestions = () => {
  const [view, setView] = useState<ThresholdSuggestionsView | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    apiCall<unknown>('GET', '/api/coaching/threshold-suggestions')
      .then((result) => setView(thresholdSuggestionsSchema.parse(result)))
      .catch((problem: Error) => setError(problem.message));
  }, []);
  if (error) return <p className="review-error">{error}</p>;
  if (!view) return <p className="loading">Weighing thresholds…</p>;
  return (
    <section aria-labelledby="suggestions-title">
      <h2 id="suggestions-title">Threshold suggestions</h2>
      <p className="gap-meta">
        Target precision {percent(view.targetPrecision)} · judged conversations of the last {view.days} days ·
        policy version {view.policyVersion}
      </p>
      {view.canApply && <TargetPrecision view={view} onChanged={setView} />}
      {view.dismissed.length > 0 && (
        <ul className="gap-meta" data-testid="dismissed-suggestions">
          {view.dismissed.map((d) => (
            <li key={d.category}>
              {d.category}: dismissed by {d.by} ({d.at.slice(0, 10)}): “{d.why}” · hidden until its evidence
              changes
            </li>
          ))}
        </ul>
      )}
      {view.suggestions.length === 0 ? (
        <p>No judged answers or handoffs yet: label some on the review screen.</p>
      ) : (
        <ol className="gaps">
          {view.suggestions.map((suggestion) => (
            <SuggestionCard
              key={suggestion.category}
              suggestion={suggestion}
              view={view}
              onChanged={setView}
            />
          ))}
        </ol>
      )}
    </section>
  );
};
